// A finished attempt's results: the class link's own page, at the address its cookie moved to.
import * as classPage from '../+page.server.ts';

export const load = classPage.load;
export const actions = classPage.actions;

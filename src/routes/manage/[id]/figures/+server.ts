import { json } from '@sveltejs/kit';
import { readFigures } from '$lib/server/board.ts';
import { requireManaged } from '../access.ts';
import type { RequestHandler } from './$types';

/**
 * The dashboard's figures as JSON, for the page to poll while its live stream
 * is down. A request the page makes itself, so a failed one (a dropped network,
 * a server restarting) leaves the dashboard in place: reloading the page's data
 * instead would put SvelteKit's error page in front of the class.
 */
export const GET: RequestHandler = async (event) => {
	const { db, assignment, entry } = await requireManaged(event);
	return json(await readFigures(db, assignment, entry.quiz, new Date()));
};

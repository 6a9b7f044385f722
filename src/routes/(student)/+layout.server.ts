/**
 * Student pages run without SvelteKit's client router, to keep their script
 * small for a school Chromebook on a slow network: the server renders each
 * page, and the page's island (src/islands) hydrates the quiz player in place.
 */
import type { LayoutServerLoad } from './$types';

export const csr = false;

/**
 * A student page shows the student's own place in the quiz, which changes
 * without the address changing: never from the browser's cache. Served from
 * it, Back showed an old step, whose script then wrote that old place back.
 */
export const load: LayoutServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
};

import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { startCleanup } from '$lib/server/cleanup.ts';
import { compress } from '$lib/server/compress.ts';
import { withSecurityHeaders } from '$lib/server/headers.ts';
import { logError } from '$lib/server/log.ts';
import { BUSY_RETRY_AFTER } from '$lib/server/db/busy.ts';
import { isTemporary } from '$lib/server/db/dialect.ts';
import { closeDb, getDb } from '$lib/server/db/index.ts';
import { DatabaseInUse } from '$lib/server/db/lock.ts';

/**
 * Reads the quizzes, opens and migrates the database at start, then keeps the
 * retention promise every hour (once across all processes).
 */
export const init: ServerInit = async () => {
	// Parsed and checked now rather than on the first student's request, which
	// a whole class waits on when it opens the link at once (`npm run bench:load`,
	// the first class on a just-started server). In development a quiz an author
	// is still writing shows its problems on the page instead, when first used.
	if (!dev) await import('$lib/server/catalogue.ts');
	const db = await getDb().catch((error: unknown) => {
		// Said plainly, without a stack: it is the one thing the person starting the server must act on.
		if (error instanceof DatabaseInUse) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	});
	const stopCleanup = await startCleanup(db, (e: unknown) => logError('Hourly clean-up failed:', e));
	process.once('sveltekit:shutdown', () => {
		stopCleanup();
		void closeDb();
	});
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const handle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	// SvelteKit refuses cross-site form posts; JSON and every other body get the same rule here.
	if (UNSAFE.has(request.method)) {
		const origin = request.headers.get('origin');
		if (origin !== url.origin) {
			return withSecurityHeaders(
				new Response(JSON.stringify({ message: 'This request did not come from this site, so it was refused.' }), {
					status: 403,
					headers: { 'content-type': 'application/json' }
				}),
				url
			);
		}
	}

	let response = await compress(request, await resolve(event));
	// An address the page only posts to (an answer, a check), opened in a browser: the page it belongs to, not "405".
	if (response.status === 405 && request.method === 'GET' && request.headers.get('accept')?.includes('text/html'))
		return withSecurityHeaders(new Response(null, { status: 303, headers: { location: url.pathname.replace(/\/[^/]*$/, '') || '/' } }), url);
	// A database kept busy by another program: not the server's fault, and worth trying again soon.
	if (event.locals.busy && response.status === 500)
		response = new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers: response.headers });
	// A refusal says when to come back (see http.ts).
	if ((response.status === 429 || response.status === 503) && event.locals.retryAfter && !response.headers.has('retry-after'))
		response.headers.set('Retry-After', String(event.locals.retryAfter));
	return withSecurityHeaders(response, url);
};

/** Whether a path's escapes all stand for characters (its value is used: a bundler drops a call whose result is not). */
function decodable(path: string): boolean {
	try {
		return decodeURI(path) !== '';
	} catch {
		return false;
	}
}

/** Unexpected errors: logged with a short id the user can quote, secrets removed; no details leak to the page. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'There is nothing at this address.' };
	// An address no link can hold (a "%" not followed by a character's code): cut short, or mistyped.
	if (status === 400 && !decodable(event.url.pathname))
		return { message: 'This address is broken: part of it cannot be read. Check that it was copied whole, or type it again.' };
	if (isTemporary(error)) {
		event.locals.busy = true;
		event.locals.retryAfter = BUSY_RETRY_AFTER;
		return { message: 'The server is busy for a moment. Try again in a few seconds; nothing you did was lost.' };
	}
	// A refusal of a bad request (a form sent as JSON, say) is the client's business, not the log's.
	if (status < 500) return { message };
	const errorId = Math.random().toString(36).slice(2, 8);
	logError(`[${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: 'Please try again in a moment.', errorId };
};

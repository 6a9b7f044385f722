import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { purgeExpired } from '$lib/server/assignments.ts';
import { finishOverdue } from '$lib/server/attempts.ts';
import { compress } from '$lib/server/compress.ts';
import { closeDb, getDb } from '$lib/server/db/index.ts';

const HOUR_MS = 60 * 60 * 1000;

/** Opens and migrates the database at start, then keeps the retention promise every hour. */
export const init: ServerInit = async () => {
	const db = await getDb();
	const tidy = async () => {
		const now = new Date();
		await purgeExpired(db, now);
		await finishOverdue(db, now);
	};
	await tidy();
	setInterval(() => void tidy().catch((e: unknown) => console.error('Hourly clean-up failed:', e)), HOUR_MS).unref();
	process.once('sveltekit:shutdown', () => void closeDb());
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Teacher pages carry a secret in their history; keep them out of caches, logs of other sites and search engines. */
function isPrivate(pathname: string): boolean {
	return pathname.startsWith('/manage/') || pathname.startsWith('/m/');
}

export const handle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	// SvelteKit refuses cross-site form posts; JSON and every other body get the same rule here.
	if (UNSAFE.has(request.method)) {
		const origin = request.headers.get('origin');
		if (origin !== url.origin) {
			return new Response(
				JSON.stringify({ message: 'This request did not come from this site, so it was refused.' }),
				{ status: 403, headers: { 'content-type': 'application/json' } }
			);
		}
	}

	const response = await compress(request, await resolve(event));
	response.headers.set('X-Content-Type-Options', 'nosniff');
	if (isPrivate(url.pathname)) {
		response.headers.set('Referrer-Policy', 'no-referrer');
		response.headers.set('Cache-Control', 'no-store');
		response.headers.set('X-Robots-Tag', 'noindex, nofollow');
	} else {
		response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	}
	return response;
};

/** Unexpected errors: logged with a short id the user can quote; no details leak to the page. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'There is nothing at this address.' };
	const errorId = Math.random().toString(36).slice(2, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status >= 500 ? 'Please try again in a moment.' : message, errorId };
};

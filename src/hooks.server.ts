import type { HandleServerError } from '@sveltejs/kit';

/** Unexpected errors: logged with a short id the user can quote; no details leak to the page. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'There is nothing at this address.' };
	const errorId = Math.random().toString(36).slice(2, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status >= 500 ? 'Please try again in a moment.' : message, errorId };
};

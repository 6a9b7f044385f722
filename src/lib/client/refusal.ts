/**
 * What to tell the user when an enhanced form gets back something other than
 * the page's own outcome: an unexpected error, a dropped connection, or a
 * response that is not an action result at all (SvelteKit's origin check, a
 * proxy's error page). Without this the form would silently do nothing.
 */
import type { ActionResult } from '@sveltejs/kit';

const OFFLINE = 'The server could not be reached. Check the connection, then try again.';
const UNKNOWN = 'The server refused this form and gave no reason. Reload the page and try again.';

function messageOf(value: unknown): string | null {
	if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string' && value.message) return value.message;
	return null;
}

/** null when the page shows the outcome itself (success, redirect, or a failure with the form's errors). */
export function refusalMessage(result: ActionResult | Record<string, unknown>): string | null {
	switch (result.type) {
		case 'success':
		case 'redirect':
		case 'failure':
			return null;
		case 'error':
			// fetch rejects with a TypeError when the network is down.
			if (result.error instanceof TypeError) return OFFLINE;
			return messageOf(result.error) ?? UNKNOWN;
		default:
			return messageOf(result) ?? UNKNOWN;
	}
}

import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/index.ts';
import { exchangeManageToken, manageCookieName, manageCookieOptions } from '$lib/server/manage-sessions.ts';
import { lookupFailed, mayLookUp, TOO_MANY } from '$lib/server/web.ts';
import type { RequestHandler } from './$types';

/**
 * The teacher's secret link. The token is exchanged for an HttpOnly cookie and
 * the browser is sent on to an address without it, so the secret leaves the
 * address bar, the history and any Referer header.
 */
export const GET: RequestHandler = async (event) => {
	if (!mayLookUp(event)) error(429, TOO_MANY);
	const exchanged = await exchangeManageToken(await getDb(), event.params.token, new Date());
	if (!exchanged) {
		lookupFailed(event);
		error(404, 'This manage link does not work. Check that it was copied whole; if the assignment was deleted, the link is gone with it.');
	}
	const { assignment, session } = exchanged;
	event.cookies.set(manageCookieName(assignment.id), session.value, manageCookieOptions(session.expiresAt, event.url));
	redirect(303, `/manage/${assignment.id}`);
};

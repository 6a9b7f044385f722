/** The dashboard's gate: a live manage session for this very assignment. */
import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/index.ts';
import { manageCookieName, manageCookieOptions, verifyManageSession } from '$lib/server/manage-sessions.ts';
import { lookupFailed, mayLookUp, TOO_MANY } from '$lib/server/web.ts';

export async function requireManager(event: Pick<RequestEvent, 'getClientAddress' | 'url'> & { cookies: Cookies; params: { id: string } }) {
	if (!mayLookUp(event)) error(429, TOO_MANY);
	const id = event.params.id;
	const cookie = event.cookies.get(manageCookieName(id));
	const session = await verifyManageSession(await getDb(), cookie, new Date(), id);
	if (!session) {
		lookupFailed(event);
		error(403, 'This dashboard opens with the manage link you got when you created the assignment. Open that link on this device.');
	}
	if (session.renewed) event.cookies.set(manageCookieName(id), cookie!, manageCookieOptions(session.expiresAt, event.url));
	return id;
}

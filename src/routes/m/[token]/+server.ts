import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/index.ts';
import { refuse } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { exchangeManageToken, TEACHER_COOKIE, teacherCookie, teacherCookieOptions } from '$lib/server/manage-sessions.ts';
import type { RequestHandler } from './$types';

/**
 * The teacher's secret link. The token grants the assignment to this
 * browser's teacher session and the browser is sent on to an address without
 * it, so the secret leaves the address bar, the history and any Referer
 * header. A real link always opens; only links that open nothing count
 * against the network's allowance.
 */
export const GET: RequestHandler = async (event) => {
	const db = await getDb();
	const now = new Date();
	const exchanged = await exchangeManageToken(db, event.params.token, await teacherCookie(db, event.cookies, event.url, now), now);
	if (!exchanged) {
		const refused = await limits.manageLookupFailed(event.getClientAddress());
		if (refused) refuse(event, refused);
		error(404, 'This manage link does not work. Check that it was copied whole; if the assignment was deleted, the link is gone with it.');
	}
	const { assignment, session } = exchanged;
	event.cookies.set(TEACHER_COOKIE, session.value, teacherCookieOptions(session.expiresAt, event.url));
	redirect(303, `/manage/${assignment.id}`);
};

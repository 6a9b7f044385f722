import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/index.ts';
import { refuse } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { exchangeManageToken, TEACHER_COOKIE, teacherCookie, teacherCookieOptions } from '$lib/server/manage-sessions.ts';
import type { PageServerLoad } from './$types';

/**
 * The teacher's secret link. The token grants the assignment to this
 * browser's teacher session and the browser is sent on to an address without
 * it, so the secret leaves the address bar, the history and any Referer
 * header. A real link always opens; only links that open nothing count
 * against the network's allowance. A page, not an endpoint, so a link that
 * does not work gets the site's own error page, with its header and styles.
 */
export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const now = new Date();
	const exchanged = await exchangeManageToken(db, event.params.token, await teacherCookie(db, event.cookies, event.url, now), now);
	if (!exchanged) {
		const refused = await limits.manageLookupFailed(event.getClientAddress());
		if (refused) refuse(event, refused);
		error(
			404,
			'This manage link does not work. It may have been replaced by a newer one: use the newest link you saved. ' +
				'If the assignment was deleted, its link is gone with it. Or part of the link may be missing: copy it again, whole.'
		);
	}
	const { assignment, session } = exchanged;
	event.cookies.set(TEACHER_COOKIE, session.value, teacherCookieOptions(session.expiresAt, event.url));
	redirect(303, `/manage/${assignment.id}`);
};

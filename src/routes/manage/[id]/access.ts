/** The dashboard's gate: this browser's teacher session, granted this very assignment. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/index.ts';
import { refuse } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { TEACHER_COOKIE, teacherCookie, teacherCookieOptions, verifyManageSession } from '$lib/server/manage-sessions.ts';

type Event = Pick<RequestEvent, 'getClientAddress' | 'url' | 'locals' | 'cookies'> & { params: { id: string } };

/** The assignment id, once the browser has shown a session for it; a teacher with one is never rate-limited. */
export async function requireManager(event: Event): Promise<string> {
	const id = event.params.id;
	const db = await getDb();
	const now = new Date();
	const cookie = await teacherCookie(db, event.cookies, event.url, now);
	const session = await verifyManageSession(db, cookie, now, id);
	if (!session) {
		const refused = await limits.manageLookupFailed(event.getClientAddress());
		if (refused) refuse(event, refused);
		error(403, 'This dashboard opens with the manage link you got when you created the assignment. Open that link on this device.');
	}
	if (session.renewed) event.cookies.set(TEACHER_COOKIE, cookie!, teacherCookieOptions(session.expiresAt, event.url));
	return id;
}

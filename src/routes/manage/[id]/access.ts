/** The dashboard's gate: this browser's teacher session, granted this very assignment. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { findAssignment, type Assignment } from '$lib/server/assignments.ts';
import { findQuiz } from '$lib/server/catalogue.ts';
import type { QuizEntry } from '$lib/server/quiz-files.ts';
import { getDb, type Db } from '$lib/server/db/index.ts';
import { refuse } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { TEACHER_COOKIE, teacherCookie, teacherCookieOptions, verifyManageSession } from '$lib/server/manage-sessions.ts';
import { hashToken } from '$lib/server/tokens.ts';

type Event = Pick<RequestEvent, 'getClientAddress' | 'url' | 'locals' | 'cookies'> & { params: { id: string } };

/** The assignment id, once the browser has shown a session for it; a teacher with one is never rate-limited. */
export async function requireManager(event: Event): Promise<string> {
	return (await requireManagerSession(event)).id;
}

/** As requireManager, with the session's hash too: what a grant is held by, to keep or end it. */
export async function requireManagerSession(event: Event): Promise<{ id: string; session: string }> {
	const id = event.params.id;
	const db = await getDb();
	const now = new Date();
	const cookie = await teacherCookie(db, event.cookies, event.url, now);
	const session = await verifyManageSession(db, cookie, now, id);
	if (!session) {
		const refused = await limits.manageLookupFailed(event.getClientAddress());
		if (refused) refuse(event, refused);
		error(
			403,
			'This dashboard opens with the manage link you got when you created the assignment. Open that link on this device. ' +
				'If it was replaced, the newest link works and the old ones do not; if the assignment was deleted, there is nothing left to open.'
		);
	}
	if (session.renewed) event.cookies.set(TEACHER_COOKIE, cookie!, teacherCookieOptions(session.expiresAt, event.url));
	return { id, session: hashToken(cookie!) };
}

/** The assignment this browser manages and the quiz it is on, or the page that says which is gone. */
export async function requireManaged(event: Event): Promise<{ id: string; db: Db; assignment: Assignment; entry: QuizEntry }> {
	const id = await requireManager(event);
	const db = await getDb();
	const assignment = await findAssignment(db, id);
	if (!assignment) error(404, 'This assignment has been deleted.');
	const entry = findQuiz(assignment.quizSlug);
	if (!entry) error(410, 'The quiz for this assignment is no longer on this site.');
	return { id, db, assignment, entry };
}

/**
 * Teacher sessions. A browser a teacher uses holds one HttpOnly cookie,
 * whatever number of classes it manages; the database holds the cookie's
 * SHA-256 hash and a grant for each assignment it opens. The manage link
 * (`/m/<token>`) and creating an assignment add a grant.
 *
 * A random session id with a row, rather than a signed, stateless cookie:
 * there is no server secret to create, keep and rotate; a session can be
 * ended on its own; and deleting an assignment ends its grants by cascade,
 * where a signed cookie would stay valid until it expired. The cost, one
 * indexed read per teacher request, is nothing next to a dashboard query.
 *
 * The manage token stays valid after use: it is the teacher's key, to be
 * used again on another device, until the teacher replaces it (a lost or
 * leaked link): then the old one opens nothing, and every other browser's
 * grant to that assignment ends.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Assignment } from './assignments.ts';
import { findAssignmentByManageToken } from './assignments.ts';
import { secureFor } from './cookies.ts';
import type { Db } from './db/index.ts';
import { hashIfToken, hashToken, newToken, sameHash } from './tokens.ts';

export const MANAGE_SESSION_DAYS = 30;
export const TEACHER_COOKIE = 'whosays_teacher';
/** The cookies of earlier versions, one per assignment; folded into the one cookie when seen. */
const LEGACY_COOKIE = /^whosays_manage_/;

const DAY_MS = 24 * 60 * 60 * 1000;
// Sliding expiry, written at most once a day so reading a dashboard is not a write each time.
const RENEW_AFTER_MS = DAY_MS;

export interface TeacherSession {
	/** The cookie value. */
	value: string;
	expiresAt: Date;
}

export interface VerifiedSession {
	expiresAt: Date;
	/** The expiry moved: set the cookie again with the new date. */
	renewed: boolean;
}

const expiry = (now: Date) => new Date(now.getTime() + MANAGE_SESSION_DAYS * DAY_MS);

async function liveSession(db: Db, value: string | undefined, now: Date) {
	const hash = hashIfToken(value);
	if (hash === null) return undefined;
	const row = await db.selectFrom('teacher_sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst();
	if (!row || !sameHash(row.id_hash, hash) || row.expires_at <= now.toISOString()) return undefined;
	return row;
}

/**
 * Grants an assignment to this browser's session: the one its cookie holds if
 * that is live, or a new one. Returns the session to set as the cookie.
 */
export async function grantManage(db: Db, cookie: string | undefined, assignmentId: string, now: Date): Promise<TeacherSession> {
	const live = await liveSession(db, cookie, now);
	const value = live ? cookie! : newToken();
	const hash = hashToken(value);
	const expiresAt = expiry(now);
	const at = now.toISOString();
	await db.transaction().execute(async (trx) => {
		if (live) await trx.updateTable('teacher_sessions').set({ expires_at: expiresAt.toISOString() }).where('id_hash', '=', hash).execute();
		else await trx.insertInto('teacher_sessions').values({ id_hash: hash, created_at: at, expires_at: expiresAt.toISOString() }).execute();
		await trx
			.insertInto('manage_grants')
			.values({ session_hash: hash, assignment_id: assignmentId, granted_at: at })
			.onConflict((oc) => oc.columns(['session_hash', 'assignment_id']).doNothing())
			.execute();
	});
	return { value, expiresAt };
}

/** The assignment a manage token opens, granted to this browser's session. */
export async function exchangeManageToken(
	db: Db,
	token: string,
	cookie: string | undefined,
	now: Date
): Promise<{ assignment: Assignment; session: TeacherSession } | undefined> {
	const assignment = await findAssignmentByManageToken(db, token);
	if (!assignment) return undefined;
	return { assignment, session: await grantManage(db, cookie, assignment.id, now) };
}

/** Whether a session cookie opens this assignment (a live session with a grant for it); the expiry slides. */
export async function verifyManageSession(
	db: Db,
	value: string | undefined,
	now: Date,
	assignmentId: string
): Promise<VerifiedSession | undefined> {
	const session = await liveSession(db, value, now);
	if (!session) return undefined;
	const grant = await db
		.selectFrom('manage_grants')
		.select('granted_at')
		.where('session_hash', '=', session.id_hash)
		.where('assignment_id', '=', assignmentId)
		.executeTakeFirst();
	if (!grant) return undefined;
	const next = expiry(now);
	if (next.getTime() - Date.parse(session.expires_at) < RENEW_AFTER_MS) return { expiresAt: new Date(session.expires_at), renewed: false };
	await db.updateTable('teacher_sessions').set({ expires_at: next.toISOString() }).where('id_hash', '=', session.id_hash).execute();
	return { expiresAt: next, renewed: true };
}

/** Ends a browser's session: every class it opened needs the manage link again there. */
export async function endManageSession(db: Db, value: string | undefined): Promise<void> {
	const hash = hashIfToken(value);
	if (hash !== null) await db.deleteFrom('teacher_sessions').where('id_hash', '=', hash).execute();
}

/**
 * Options for SvelteKit's `cookies.set`. SameSite=Lax lets the cookie ride on a
 * teacher's click from an email or a school portal, while cross-site form posts
 * are refused by it and by SvelteKit's origin check. Secure over https only
 * (see cookies.ts).
 */
export function teacherCookieOptions(expiresAt: Date, url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: secureFor(url), expires: expiresAt } as const;
}

/**
 * This browser's teacher cookie. Cookies of earlier versions (one per
 * assignment) are folded in: their grants move to the one session and the old
 * cookies are deleted, so they stop piling up.
 */
export async function teacherCookie(db: Db, cookies: Cookies, url: URL, now: Date): Promise<string | undefined> {
	let current = cookies.get(TEACHER_COOKIE);
	const legacy = cookies.getAll().filter((c) => LEGACY_COOKIE.test(c.name));
	if (!legacy.length) return current;
	for (const old of legacy) {
		const session = await liveSession(db, old.value, now);
		const grants = session
			? await db.selectFrom('manage_grants').select('assignment_id').where('session_hash', '=', session.id_hash).execute()
			: [];
		for (const { assignment_id } of grants) {
			const merged = await grantManage(db, current, assignment_id, now);
			current = merged.value;
			cookies.set(TEACHER_COOKIE, merged.value, teacherCookieOptions(merged.expiresAt, url));
		}
		if (session) await endManageSession(db, old.value);
		cookies.delete(old.name, { path: '/', secure: secureFor(url) });
	}
	return current;
}

export interface GrantedAssignment {
	id: string;
	title: string;
	quizSlug: string;
	createdAt: string;
	opensAt: string;
	closesAt: string | null;
	closedAt: string | null;
	/** Students who joined, counted by name as the dashboard counts them. */
	students: number;
}

/**
 * The assignments this browser's session opens, newest first: the grants it
 * already holds, so listing them stores nothing more about the teacher.
 */
export async function grantedAssignments(db: Db, cookie: string | undefined, now: Date): Promise<GrantedAssignment[]> {
	const session = await liveSession(db, cookie, now);
	if (!session) return [];
	const rows = await db
		.selectFrom('manage_grants')
		.innerJoin('assignments', 'assignments.id', 'manage_grants.assignment_id')
		.leftJoin('attempts', 'attempts.assignment_id', 'assignments.id')
		.select((eb) => [
			'assignments.id',
			'assignments.title',
			'assignments.quiz_slug',
			'assignments.created_at',
			'assignments.opens_at',
			'assignments.closes_at',
			'assignments.closed_at',
			eb.fn.count<number>('attempts.name_key').distinct().as('students')
		])
		.where('manage_grants.session_hash', '=', session.id_hash)
		.groupBy('assignments.id')
		.orderBy('assignments.created_at', 'desc')
		.orderBy('assignments.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		quizSlug: r.quiz_slug,
		createdAt: r.created_at,
		opensAt: r.opens_at,
		closesAt: r.closes_at,
		closedAt: r.closed_at,
		students: Number(r.students)
	}));
}

/**
 * Ends every session's grant to an assignment but the one kept: after a new
 * manage link, only the browser that asked for it still opens the dashboard.
 * Returns how many grants ended.
 */
export async function revokeOtherGrants(db: Db, assignmentId: string, keepSessionHash: string): Promise<number> {
	const result = await db
		.deleteFrom('manage_grants')
		.where('assignment_id', '=', assignmentId)
		.where('session_hash', '!=', keepSessionHash)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

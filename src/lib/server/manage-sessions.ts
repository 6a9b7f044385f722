/**
 * Teacher sessions. The manage link carries a token in its URL; on first use
 * the route exchanges it for an HttpOnly cookie and redirects to a clean URL,
 * so the token leaves the address bar, the history and Referer headers.
 *
 * The cookie holds a random session id, and the database holds its SHA-256
 * hash with the assignment it opens (rather than a signed, stateless cookie):
 * there is no server secret to create, keep and rotate; a session can be ended
 * on its own; and deleting an assignment ends its sessions by cascade, where a
 * signed cookie would stay valid until it expired. The cost, one indexed read
 * per teacher request, is nothing next to a dashboard query.
 *
 * The manage token stays valid after the exchange: it is the teacher's key,
 * to be used again on another device.
 */
import type { Assignment } from './assignments.ts';
import { findAssignmentByManageToken } from './assignments.ts';
import { secureFor } from './cookies.ts';
import type { Db } from './db/index.ts';
import { hashToken, isTokenShaped, newToken, sameHash } from './tokens.ts';

export const MANAGE_SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
// Sliding expiry, written at most once a day so reading a dashboard is not a write each time.
const RENEW_AFTER_MS = DAY_MS;

export interface ManageSession {
	/** The cookie value. */
	value: string;
	assignmentId: string;
	expiresAt: Date;
}

export interface VerifiedSession {
	assignmentId: string;
	expiresAt: Date;
	/** The expiry moved: set the cookie again with the new date. */
	renewed: boolean;
}

const expiry = (now: Date) => new Date(now.getTime() + MANAGE_SESSION_DAYS * DAY_MS);

export async function createManageSession(db: Db, assignmentId: string, now: Date): Promise<ManageSession> {
	const value = newToken();
	const expiresAt = expiry(now);
	await db
		.insertInto('manage_sessions')
		.values({
			id_hash: hashToken(value),
			assignment_id: assignmentId,
			created_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { value, assignmentId, expiresAt };
}

/** The manage token for a session; undefined when the token opens nothing. */
export async function exchangeManageToken(
	db: Db,
	token: string,
	now: Date
): Promise<{ assignment: Assignment; session: ManageSession } | undefined> {
	const assignment = await findAssignmentByManageToken(db, token);
	if (!assignment) return undefined;
	return { assignment, session: await createManageSession(db, assignment.id, now) };
}

/**
 * The session a cookie holds, if it is live; with `forAssignment`, only if it
 * opens that assignment (a cookie for one class never opens another).
 */
export async function verifyManageSession(
	db: Db,
	value: string | undefined,
	now: Date,
	forAssignment?: string
): Promise<VerifiedSession | undefined> {
	if (!isTokenShaped(value)) return undefined;
	const hash = hashToken(value);
	const row = await db.selectFrom('manage_sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst();
	if (!row || !sameHash(row.id_hash, hash)) return undefined;
	if (row.expires_at <= now.toISOString()) return undefined;
	if (forAssignment !== undefined && row.assignment_id !== forAssignment) return undefined;

	const next = expiry(now);
	if (next.getTime() - Date.parse(row.expires_at) < RENEW_AFTER_MS)
		return { assignmentId: row.assignment_id, expiresAt: new Date(row.expires_at), renewed: false };
	await db.updateTable('manage_sessions').set({ expires_at: next.toISOString() }).where('id_hash', '=', hash).execute();
	return { assignmentId: row.assignment_id, expiresAt: next, renewed: true };
}

export async function endManageSession(db: Db, value: string | undefined): Promise<void> {
	if (!isTokenShaped(value)) return;
	await db.deleteFrom('manage_sessions').where('id_hash', '=', hashToken(value)).execute();
}

/** One cookie per assignment, so a teacher can manage several classes from one browser. */
export function manageCookieName(assignmentId: string): string {
	return `whosays_manage_${assignmentId}`;
}

/**
 * Options for SvelteKit's `cookies.set`. SameSite=Lax lets the cookie ride on a
 * teacher's click from an email or a school portal, while cross-site form posts
 * are refused by it and by SvelteKit's origin check. Secure over https only
 * (see cookies.ts).
 */
export function manageCookieOptions(expiresAt: Date, url: URL, path = '/') {
	return { path, httpOnly: true, sameSite: 'lax', secure: secureFor(url), expires: expiresAt } as const;
}

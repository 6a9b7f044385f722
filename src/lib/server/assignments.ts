/**
 * Assignments: a quiz a teacher hands to a class with a code. The teacher holds
 * a manage token (the link to the dashboard); students hold only the code.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Quiz } from '../quiz/schema.ts';
import type { Db } from './db/index.ts';
import { inTransaction } from './db/transaction.ts';
import type { FeedbackMode } from '../quiz/modes.ts';
import type { AssignmentRow } from './db/tables.ts';
import { AssignmentError } from './errors.ts';
import type { CreateAssignment } from './requests.ts';
import { settleAttempts } from './settle.ts';
import { nearMisses, newStudentCode, normalizeCode } from '../class-code.ts';
import { hashIfToken, hashToken, newToken, sameHash } from './tokens.ts';


/** How services reach the quizzes: `findQuiz` from ./catalogue.ts in the app, the sample quiz in tests. */
export type GetQuiz = (slug: string) => { version: string; quiz: Quiz } | undefined;

export interface Assignment {
	id: string;
	/** The class code in its canonical form, "K7M4PX" (shown as "K7M-4PX" by formatCode). */
	code: string;
	title: string;
	quizSlug: string;
	quizVersion: string;
	mode: FeedbackMode;
	shuffle: boolean;
	/** 0 means unlimited. Counted per display name; see startAttempt. */
	attemptsAllowed: number;
	/** ISO times, UTC. */
	opensAt: string;
	closesAt: string | null;
	createdAt: string;
	closedAt: string | null;
}

export type AssignmentStatus = 'scheduled' | 'open' | 'closed';

export interface CreatedAssignment {
	assignment: Assignment;
	/**
	 * The teacher's key to the dashboard. Shown once: only its hash is stored,
	 * so a lost link cannot be shown again; a browser that still opens the
	 * dashboard can replace it (replaceManageToken).
	 */
	manageToken: string;
}

export interface CreateOptions {
	getQuiz: GetQuiz;
	/** A fresh student code in stored form; injected so tests can force a collision. */
	newCode?: () => string;
}

const MAX_CODE_TRIES = 20;
/** How far ahead an assignment may open, and how long it may stay open. */
const MAX_OPEN_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
// Retention counts from the last activity, closing included: a date years away would keep a class forever.
const yearFrom = (iso: string) => new Date(Date.parse(iso) + MAX_OPEN_DAYS * DAY_MS).toISOString();

/**
 * Refuses a closing time that has passed, comes before the opening, or keeps the class open too long: counted from
 * the opening, or from now for a class open already (an opening typed in the past opens it now).
 */
function checkClosing(closesAt: string, opensAt: string, now: Date): void {
	const at = now.toISOString();
	if (closesAt <= at) throw new AssignmentError('invalid-dates', 'The closing time has already passed; choose a later one');
	if (closesAt <= opensAt) throw new AssignmentError('invalid-dates', 'The closing time must be after the opening time');
	if (closesAt > yearFrom(opensAt > at ? opensAt : at))
		throw new AssignmentError('invalid-dates', `An assignment stays open ${MAX_OPEN_DAYS} days at most; choose an earlier closing time`);
}

export function toAssignment(row: AssignmentRow): Assignment {
	return {
		id: row.id,
		code: row.code,
		title: row.title,
		quizSlug: row.quiz_slug,
		quizVersion: row.quiz_version,
		mode: row.mode,
		shuffle: row.shuffle === 1,
		attemptsAllowed: row.attempts_allowed,
		opensAt: row.opens_at,
		closesAt: row.closes_at,
		createdAt: row.created_at,
		closedAt: row.closed_at
	};
}

/** The quiz an assignment hands out, as the server has it now; refused when it is gone. */
export function quizFor(getQuiz: GetQuiz, assignment: Pick<Assignment, 'quizSlug'>): { version: string; quiz: Quiz } {
	const entry = getQuiz(assignment.quizSlug);
	if (!entry) throw new AssignmentError('quiz-not-found', 'The quiz for this assignment is no longer on this server');
	return entry;
}

export function assignmentStatus(
	assignment: Pick<Assignment, 'opensAt' | 'closesAt' | 'closedAt'>,
	now: Date
): AssignmentStatus {
	const at = now.toISOString();
	if (assignment.closedAt !== null || (assignment.closesAt !== null && assignment.closesAt <= at)) return 'closed';
	return assignment.opensAt > at ? 'scheduled' : 'open';
}

export async function createAssignment(
	db: Db,
	input: CreateAssignment,
	now: Date,
	options: CreateOptions
): Promise<CreatedAssignment> {
	const entry = options.getQuiz(input.quizSlug);
	if (!entry) throw new AssignmentError('quiz-not-found', `There is no quiz called "${input.quizSlug}"`);
	const createdAt = now.toISOString();
	if (input.opensAt !== undefined && input.opensAt > yearFrom(createdAt))
		throw new AssignmentError('invalid-opening', `The opening time is more than ${MAX_OPEN_DAYS} days away; choose an earlier one`);
	if (input.closesAt !== undefined) checkClosing(input.closesAt, input.opensAt ?? createdAt, now);

	const manageToken = newToken();
	const makeCode = options.newCode ?? (() => newStudentCode(randomInt));
	for (let tries = 0; tries < MAX_CODE_TRIES; tries++) {
		const row: AssignmentRow = {
			id: randomUUID(),
			code: makeCode(),
			title: input.title ?? entry.quiz.title,
			quiz_slug: input.quizSlug,
			quiz_version: entry.version,
			mode: input.mode,
			shuffle: input.shuffle ? 1 : 0,
			attempts_allowed: input.attemptsAllowed,
			opens_at: input.opensAt ?? createdAt,
			closes_at: input.closesAt ?? null,
			manage_token_hash: hashToken(manageToken),
			created_at: createdAt,
			closed_at: null
		};
		// ON CONFLICT DO NOTHING rather than catching the error: portable to
		// PostgreSQL, and a taken code simply returns no row.
		const inserted = await db
			.insertInto('assignments')
			.values(row)
			.onConflict((oc) => oc.column('code').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (inserted) {
			return { assignment: toAssignment(row), manageToken };
		}
	}
	throw new Error(`No free student code after ${MAX_CODE_TRIES} tries`);
}

export async function findAssignment(db: Db, id: string): Promise<Assignment | undefined> {
	const row = await db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toAssignment(row);
}

/** Accepts the code as a student types it: any case, with or without the hyphen or spaces. */
export async function findAssignmentByCode(db: Db, code: string): Promise<Assignment | undefined> {
	const canonical = normalizeCode(code);
	if (!canonical) return undefined;
	const row = await db.selectFrom('assignments').selectAll().where('code', '=', canonical).executeTakeFirst();
	return row && toAssignment(row);
}

/** Whether a code that matched nothing is one slip away from a class that is still open: a typo, not a guess. */
export async function isNearMissOfOpenClass(db: Db, code: string): Promise<boolean> {
	const row = await db
		.selectFrom('assignments')
		.select('id')
		.where('code', 'in', nearMisses(code))
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

export async function findAssignmentByManageToken(db: Db, token: string): Promise<Assignment | undefined> {
	const hash = hashIfToken(token);
	if (hash === null) return undefined;
	const row = await db.selectFrom('assignments').selectAll().where('manage_token_hash', '=', hash).executeTakeFirst();
	return row && sameHash(row.manage_token_hash, hash) ? toAssignment(row) : undefined;
}

/**
 * Gives the assignment a new manage token, so the old link opens nothing from
 * now on; returns the new token (shown once, like the first), or undefined if
 * the assignment is gone. Ending other browsers' sessions is the caller's
 * part (manage-sessions.ts), in the same transaction.
 */
export async function replaceManageToken(db: Db, id: string): Promise<string | undefined> {
	const token = newToken();
	const result = await db.updateTable('assignments').set({ manage_token_hash: hashToken(token) }).where('id', '=', id).executeTakeFirst();
	return result.numUpdatedRows > 0n ? token : undefined;
}

/**
 * Stops the assignment: no new attempts, no more answers. Attempts in progress
 * are finished as they stand. Closing twice keeps the first closing time.
 */
export async function closeAssignment(
	db: Db,
	id: string,
	now: Date
): Promise<{ assignment: Assignment; finishedAttempts: number }> {
	const at = now.toISOString();
	return inTransaction(db, async (trx) => {
		await trx.updateTable('assignments').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).execute();
		const row = await trx.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
		if (!row) throw new AssignmentError('assignment-not-found', 'This assignment does not exist any more');
		const finishedAttempts = await settleAttempts(trx, { assignmentId: id }, at);
		return { assignment: toAssignment(row), finishedAttempts };
	});
}

/**
 * Changes when the assignment stops taking answers: later, for a class that
 * needs longer (a class its closing time had closed opens again), earlier, or
 * never (null). Attempts the old closing time finished stay finished. An
 * assignment its teacher closed stays closed: that was for good.
 */
export async function changeClosingTime(db: Db, id: string, closesAt: string | null, now: Date): Promise<Assignment> {
	return inTransaction(db, async (trx) => {
		const row = await trx.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
		if (!row) throw new AssignmentError('assignment-not-found', 'This assignment does not exist any more');
		if (row.closed_at !== null) throw new AssignmentError('closed', 'This assignment was closed for good, so its closing time cannot change');
		if (closesAt !== null) checkClosing(closesAt, row.opens_at, now);
		await trx.updateTable('assignments').set({ closes_at: closesAt }).where('id', '=', id).execute();
		return toAssignment({ ...row, closes_at: closesAt });
	});
}

/** Opens now an assignment set to open later: the class is ready early. */
export async function openNow(db: Db, id: string, now: Date): Promise<Assignment> {
	const at = now.toISOString();
	return inTransaction(db, async (trx) => {
		const row = await trx.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
		if (!row) throw new AssignmentError('assignment-not-found', 'This assignment does not exist any more');
		if (assignmentStatus(toAssignment(row), now) === 'closed') throw new AssignmentError('closed', 'This assignment is closed, so it cannot open');
		if (row.opens_at <= at) return toAssignment(row);
		await trx.updateTable('assignments').set({ opens_at: at }).where('id', '=', id).execute();
		return toAssignment({ ...row, opens_at: at });
	});
}

/** Deletes the assignment with every attempt, answer and session that belongs to it. */
export async function deleteAssignment(db: Db, id: string): Promise<boolean> {
	// The foreign keys cascade (foreign_keys=ON is set on every connection).
	const result = await db.deleteFrom('assignments').where('id', '=', id).executeTakeFirst();
	return result.numDeletedRows > 0n;
}

export const RETENTION_DAYS = 180;

/**
 * Deletes what the retention period has outlived: every assignment (with its
 * attempts and answers) whose last activity is older than `retentionDays`, and
 * expired manage sessions. Last activity is the latest of the assignment's
 * creation, opening, closing time and closing, and its students' last answers.
 * A teacher reading the dashboard is not activity: students' data goes
 * `retentionDays` after they last touched it, however often it is looked at.
 */
export async function purgeExpired(
	db: Db,
	now: Date,
	retentionDays = RETENTION_DAYS
): Promise<{ assignments: number; sessions: number }> {
	const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
	const at = now.toISOString();
	return inTransaction(db, async (trx) => {
		const assignments = await trx
			.deleteFrom('assignments')
			.where('created_at', '<', cutoff)
			.where('opens_at', '<', cutoff)
			.where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '<', cutoff)]))
			.where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '<', cutoff)]))
			.where((eb) =>
				eb.not(
					eb.exists(
						eb
							.selectFrom('attempts')
							.select('attempts.id')
							.whereRef('attempts.assignment_id', '=', 'assignments.id')
							.where('attempts.updated_at', '>=', cutoff)
					)
				)
			)
			.executeTakeFirst();
		const sessions = await trx.deleteFrom('teacher_sessions').where('expires_at', '<=', at).executeTakeFirst();
		return { assignments: Number(assignments.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
	});
}

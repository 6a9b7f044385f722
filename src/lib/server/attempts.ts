/**
 * A student's attempt at an assignment: joining with a name, finishing, and
 * the overdue ones finished for them. Answering is answer-store.ts; reading an
 * attempt back (resume, the state a browser picks up) is attempt-state.ts.
 *
 * Attempts allowed are counted per display name within the assignment, since
 * students have no accounts. Names are compared by their look (names.ts), and a
 * name with an attempt under way belongs to the browser that started it: a
 * second browser joining under it is refused, unless the teacher lets the name
 * back in (a student who moved to another Chromebook).
 * Every attempt started counts, finished or not: otherwise in practice mode a
 * student could read the feedback, abandon the attempt and start a clean one.
 * This is a classroom nudge, not an exam lock: a student who joins under
 * another name gets another attempt, and the teacher sees both names.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Graded } from '../quiz/grading.ts';
import { isolate } from '../quiz/text.ts';
import { assignmentStatus, findAssignmentByCode, quizFor, type Assignment, type GetQuiz } from './assignments.ts';
import { answerRows, regrade, type Attempt } from './attempt-state.ts';
import { locksRows, takeTurnsOn } from './db/dialect.ts';
import type { Db } from './db/index.ts';
import { inTransaction } from './db/transaction.ts';
import { AssignmentError } from './errors.ts';
import { nameKey } from './names.ts';
import { parseOrder, settleAttempts } from './settle.ts';
import { drawOptionOrder, shuffled, type RandomInt } from './student-order.ts';
import { hashToken, newToken } from './tokens.ts';

// The read model, re-exported: routes reach the attempt service through this one module.
export { attemptState, resumeAttempt, type Attempt, type AttemptState, type Score } from './attempt-state.ts';

export interface StartedAttempt {
	attemptId: string;
	/** The student's key back into the attempt; only its hash is stored. */
	resumeToken: string;
	order: string[];
	assignment: Assignment;
}

export interface StartOptions {
	getQuiz: GetQuiz;
	/** Injected so tests get a known shuffle. */
	randomInt?: RandomInt;
	/** The join form's one-off key: the same form sent again soon after gets the attempt it started. */
	joinKey?: string;
}

/** How long a join form's key takes its attempt back: long enough for a slow network's second press. */
export const JOIN_KEY_MS = 2 * 60 * 1000;

export interface FinishResult {
	/**
	 * The answered questions' verdicts, now revealed in either mode, except
	 * those the page said it already shows. Unanswered questions are absent.
	 * The page works out the score and the summary from them itself.
	 */
	results: Record<string, Graded>;
}

function refuseUnlessOpen(assignment: Assignment, now: Date): void {
	const status = assignmentStatus(assignment, now);
	if (status === 'closed') throw new AssignmentError('closed', 'This assignment is closed');
	if (status === 'scheduled')
		throw new AssignmentError('not-open-yet', `This assignment opens at ${assignment.opensAt}`);
}

/**
 * Starts an attempt, or hands the attempt under way to a browser the teacher
 * let back in, or to the join form that started it, sent again. Refused when the code matches nothing, the assignment is closed
 * or not yet open, the name is answering in another browser, or it has used
 * its attempts.
 */
export async function startAttempt(
	db: Db,
	code: string,
	displayName: string,
	now: Date,
	options: StartOptions
): Promise<StartedAttempt> {
	const assignment = await findAssignmentByCode(db, code);
	if (!assignment) throw new AssignmentError('assignment-not-found', 'No assignment has this code; check it with your teacher');
	return joinAssignment(db, assignment, displayName, now, options);
}

/**
 * startAttempt for an assignment the caller has just looked up (the join
 * form has, to check its code), so a join reads the class once. Whether it
 * is still there and open is checked again in the transaction.
 */
export async function joinAssignment(
	db: Db,
	assignment: Assignment,
	displayName: string,
	now: Date,
	options: StartOptions
): Promise<StartedAttempt> {
	refuseUnlessOpen(assignment, now);
	const { quiz } = quizFor(options.getQuiz, assignment);
	const pick = options.randomInt ?? randomInt;
	const ids = quiz.questions.map((q) => q.id);
	const order = assignment.shuffle ? shuffled(ids, pick) : ids;

	const resumeToken = newToken();
	const key = nameKey(displayName);
	const at = now.toISOString();
	// The checks and the write in one transaction. On PostgreSQL, the class's row
	// is share-locked, so closing it waits for the joins under way and nobody
	// joins a class being closed, while joins under different names go side by
	// side; joins under one name take turns, so two tabs cannot both pass the count.
	return inTransaction(db, async (trx) => {
		// The teacher may have closed or deleted the class since it was looked up.
		const current = await trx
			.selectFrom('assignments')
			.select('closed_at')
			.where('id', '=', assignment.id)
			.$if(locksRows(trx), (q) => q.forShare())
			.executeTakeFirst();
		await takeTurnsOn(trx, `join ${assignment.id} ${key}`);
		if (!current) throw new AssignmentError('assignment-not-found', 'No assignment has this code; check it with your teacher');
		if (current.closed_at !== null) throw new AssignmentError('closed', 'This assignment is closed');
		const sameName = await trx
			.selectFrom('attempts')
			.select(['id', 'finished_at', 'claim_until', 'question_order', 'join_key_hash', 'started_at'])
			.where('assignment_id', '=', assignment.id)
			.where('name_key', '=', key)
			.execute();
		const answering = sameName.find((a) => a.finished_at === null);
		const joinKeyHash = options.joinKey ? hashToken(options.joinKey) : null;
		if (answering) {
			// Start pressed twice, the first reply lost: the same form takes back the attempt it started a moment ago.
			const sameForm =
				joinKeyHash !== null && answering.join_key_hash === joinKeyHash && now.getTime() - Date.parse(answering.started_at) < JOIN_KEY_MS;
			// Only the browser that started an attempt resumes it (by its cookie), unless the teacher let this name back in.
			if (!sameForm && (answering.claim_until === null || answering.claim_until <= at))
				throw new AssignmentError(
					'name-taken',
					`Someone called ${isolate(displayName)} is already answering in this class. If that is you on another device, ask your teacher to let you back in. Otherwise add your last initial, like “${isolate(`${displayName} R.`)}”`
				);
			await trx
				.updateTable('attempts')
				.set({ resume_token_hash: hashToken(resumeToken), claim_until: null, updated_at: at })
				.where('id', '=', answering.id)
				.execute();
			return { attemptId: answering.id, resumeToken, order: parseOrder(answering.question_order), assignment };
		}
		if (assignment.attemptsAllowed > 0 && sameName.length >= assignment.attemptsAllowed) {
			// Most often a classmate with the same first name, who needs a way in; the student who finished needs none.
			const used =
				assignment.attemptsAllowed === 1
					? 'has already taken this quiz, and each student takes it once'
					: `has already used all ${assignment.attemptsAllowed} attempts`;
			throw new AssignmentError(
				'attempts-used',
				`Someone called ${isolate(displayName)} ${used}. If that was not you, add your last initial, like “${isolate(`${displayName} R.`)}”`
			);
		}
		const attemptId = randomUUID();
		await trx
			.insertInto('attempts')
			.values({
				id: attemptId,
				assignment_id: assignment.id,
				display_name: displayName,
				name_key: key,
				resume_token_hash: hashToken(resumeToken),
				join_key_hash: joinKeyHash,
				question_order: JSON.stringify(order),
				option_order: JSON.stringify(drawOptionOrder(quiz, pick)),
				started_at: at,
				updated_at: at,
				finished_at: null,
				score: null,
				max_score: null,
				claim_until: null
			})
			.execute();
		return { attemptId, resumeToken, order, assignment };
	});
}

/**
 * Ends the attempt and stores its score, revealing every verdict but those the
 * page says it shows already. Finishing twice returns the same result.
 */
export async function finishAttempt(
	db: Db,
	attempt: Attempt,
	now: Date,
	getQuiz: GetQuiz,
	shown: ReadonlySet<string> = new Set()
): Promise<FinishResult> {
	const { quiz } = quizFor(getQuiz, attempt.assignment);
	const answers = await inTransaction(db, async (trx) => {
		await settleAttempts(trx, { attemptId: attempt.id }, now.toISOString());
		const row = await trx.selectFrom('attempts').select('id').where('id', '=', attempt.id).executeTakeFirst();
		if (!row) throw new AssignmentError('attempt-not-found', 'This attempt does not exist any more');
		return answerRows(trx, attempt.id);
	});
	// In practice mode the page holds the server's verdict on every answer it was acknowledged: sending them again
	// would be most of the reply, on the one request a whole class sends within moments.
	return { results: regrade(quiz, answers.filter((a) => !shown.has(a.question_id))) };
}

/**
 * Finishes the attempts left open on assignments whose closing time has
 * passed, so the dashboard shows them finished. For a periodic job or a
 * dashboard load; answering and resuming settle their own attempt anyway.
 */
export async function finishOverdue(db: Db, now: Date): Promise<number> {
	const at = now.toISOString();
	const overdue = await db
		.selectFrom('assignments')
		.select('id')
		.where((eb) => eb.or([eb('closed_at', 'is not', null), eb('closes_at', '<=', at)]))
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('attempts')
					.select('attempts.id')
					.whereRef('attempts.assignment_id', '=', 'assignments.id')
					.where('attempts.finished_at', 'is', null)
			)
		)
		.execute();
	return settleAttempts(db, { assignmentIds: overdue.map((a) => a.id) }, at);
}

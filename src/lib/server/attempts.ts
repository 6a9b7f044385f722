/**
 * A student's attempt at an assignment: joining with a name, answering
 * (graded here, never trusting a score from the browser), finishing and
 * resuming after a reload or on another device.
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
import { grade, type Graded } from '../quiz/grading.ts';
import { toPublicQuiz, type PublicQuiz } from '../quiz/public.ts';
import { AnswerSchema, type Answer, type Quiz } from '../quiz/schema.ts';
import { summarize, type Summary } from '../quiz/summary.ts';
import { assignmentStatus, findAssignmentByCode, toAssignment, type Assignment, type GetQuiz } from './assignments.ts';
import type { Db } from './db/index.ts';
import type { AnswerRow, AttemptRow } from './db/tables.ts';
import { AssignmentError } from './errors.ts';
import type { SubmitAnswer } from './requests.ts';
import { parseOrder, roundPoints, settleAttempts } from './settle.ts';
import { nameKey } from './names.ts';
import { hashToken, isTokenShaped, newToken, sameHash } from './tokens.ts';
import { storeAnswer, type SubmitResult } from './answer-store.ts';

export type { SubmitResult };

export interface Attempt {
	id: string;
	displayName: string;
	/** Question ids in the order this student is asked them. */
	order: string[];
	startedAt: string;
	finishedAt: string | null;
	assignment: Assignment;
}

export interface StartedAttempt {
	attemptId: string;
	/** The student's key back into the attempt; only its hash is stored. */
	resumeToken: string;
	order: string[];
	assignment: Assignment;
}

export interface StartOptions {
	getQuiz: GetQuiz;
	/** An integer in [0, max); injected so tests get a known shuffle. */
	randomInt?: (max: number) => number;
}

export interface Score {
	points: number;
	/** Questions asked. */
	total: number;
	/** Whole percent of points. */
	percent: number;
}

export interface FinishResult {
	/** Every answered question's verdict, now revealed in either mode. Unanswered questions are absent. */
	results: Record<string, Graded>;
	score: Score;
	summary: Summary;
}

export interface AttemptState {
	attemptId: string;
	displayName: string;
	assignment: Pick<Assignment, 'title' | 'mode' | 'code' | 'closesAt'>;
	/** The quiz without its answer key. */
	quiz: PublicQuiz;
	order: string[];
	/** The student's own answers, so a reload shows what they chose (no verdicts in test mode). */
	answers: Record<string, Answer>;
	/** Verdicts the student may see: answered questions in practice mode, all once finished. */
	feedback: Record<string, Graded>;
	finished: boolean;
	score: Score | null;
	/** The seq to send with the next answer, so answers after a reload are never taken for old ones. */
	nextSeq: number;
}

function shuffled<T>(items: readonly T[], pick: (max: number) => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = pick(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

function quizOf(getQuiz: GetQuiz, assignment: Assignment): { version: string; quiz: Quiz } {
	const entry = getQuiz(assignment.quizSlug);
	if (!entry) throw new AssignmentError('quiz-not-found', 'The quiz for this assignment is no longer on this server');
	return entry;
}

function refuseUnlessOpen(assignment: Assignment, now: Date): void {
	const status = assignmentStatus(assignment, now);
	if (status === 'closed') throw new AssignmentError('closed', 'This assignment is closed');
	if (status === 'scheduled')
		throw new AssignmentError('not-open-yet', `This assignment opens at ${assignment.opensAt}`);
}

/**
 * Starts an attempt. Refused when the code matches nothing, the assignment is
 * closed or not yet open, or this name has used its attempts.
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
	refuseUnlessOpen(assignment, now);
	const { quiz } = quizOf(options.getQuiz, assignment);
	const ids = quiz.questions.map((q) => q.id);
	const order = assignment.shuffle ? shuffled(ids, options.randomInt ?? randomInt) : ids;

	const resumeToken = newToken();
	const key = nameKey(displayName);
	const at = now.toISOString();
	// One transaction for the checks and the write; Kysely's SQLite driver runs
	// one at a time on its single connection, so two tabs cannot both slip in.
	return db.transaction().execute(async (trx) => {
		// The teacher may have closed or deleted the class since it was looked up.
		const current = await trx.selectFrom('assignments').select('closed_at').where('id', '=', assignment.id).executeTakeFirst();
		if (!current) throw new AssignmentError('assignment-not-found', 'No assignment has this code; check it with your teacher');
		if (current.closed_at !== null) throw new AssignmentError('closed', 'This assignment is closed');
		const sameName = await trx
			.selectFrom('attempts')
			.select(['id', 'finished_at', 'claim_until', 'question_order'])
			.where('assignment_id', '=', assignment.id)
			.where('name_key', '=', key)
			.execute();
		const answering = sameName.find((a) => a.finished_at === null);
		if (answering) {
			// Only the browser that started an attempt resumes it (by its cookie), unless the teacher let this name back in.
			if (answering.claim_until === null || answering.claim_until <= at)
				throw new AssignmentError(
					'name-taken',
					`Someone called ${displayName} is already answering in this class. If that is you on another device, ask your teacher to let you back in. Otherwise add your last initial, like “${displayName} R.”`
				);
			await trx
				.updateTable('attempts')
				.set({ resume_token_hash: hashToken(resumeToken), claim_until: null, updated_at: at })
				.where('id', '=', answering.id)
				.execute();
			return { attemptId: answering.id, resumeToken, order: parseOrder(answering.question_order), assignment };
		}
		if (assignment.attemptsAllowed > 0 && sameName.length >= assignment.attemptsAllowed)
			throw new AssignmentError(
				'attempts-used',
				assignment.attemptsAllowed === 1
					? `${displayName} has already taken this quiz`
					: `${displayName} has already used all ${assignment.attemptsAllowed} attempts`
			);
		const attemptId = randomUUID();
		await trx
			.insertInto('attempts')
			.values({
				id: attemptId,
				assignment_id: assignment.id,
				display_name: displayName,
				name_key: key,
				resume_token_hash: hashToken(resumeToken),
				question_order: JSON.stringify(order),
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

function toAttempt(row: AttemptRow, assignment: Assignment): Attempt {
	return {
		id: row.id,
		displayName: row.display_name,
		order: parseOrder(row.question_order),
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		assignment
	};
}

/** The attempt a resume token opens, or undefined. */
export async function resumeAttempt(db: Db, resumeToken: string): Promise<Attempt | undefined> {
	if (!isTokenShaped(resumeToken)) return undefined;
	const hash = hashToken(resumeToken);
	const row = await db.selectFrom('attempts').selectAll().where('resume_token_hash', '=', hash).executeTakeFirst();
	if (!row || !sameHash(row.resume_token_hash, hash)) return undefined;
	const assignment = await db.selectFrom('assignments').selectAll().where('id', '=', row.assignment_id).executeTakeFirst();
	return assignment && toAttempt(row, toAssignment(assignment));
}

function storedAnswer(row: Pick<AnswerRow, 'answer'>): Answer | undefined {
	const parsed = AnswerSchema.safeParse(JSON.parse(row.answer));
	return parsed.success ? parsed.data : undefined;
}

/** Verdicts for stored answers, against the quiz as it is now; answers its questions no longer fit are left out. */
function regrade(quiz: Quiz, rows: readonly Pick<AnswerRow, 'question_id' | 'answer'>[]): Record<string, Graded> {
	const results: Record<string, Graded> = {};
	for (const row of rows) {
		const question = quiz.questions.find((q) => q.id === row.question_id);
		const answer = storedAnswer(row);
		if (question && answer && question.type === answer.type) results[row.question_id] = grade(question, answer);
	}
	return results;
}

function scoreOf(row: Pick<AttemptRow, 'score' | 'max_score'>): Score | null {
	if (row.score === null || row.max_score === null) return null;
	const percent = row.max_score === 0 ? 0 : Math.round((row.score / row.max_score) * 100);
	return { points: roundPoints(row.score), total: row.max_score, percent };
}

/** Grades and stores one answer of an attempt already looked up; see answer-store.ts for the rules. */
export async function submitAnswer(
	db: Db,
	attempt: Attempt,
	input: SubmitAnswer,
	now: Date,
	getQuiz: GetQuiz
): Promise<SubmitResult> {
	const stored = await storeAnswer(db, { attemptId: attempt.id }, input, now, getQuiz);
	if (!stored) throw new AssignmentError('attempt-not-found', 'This attempt does not exist any more');
	return stored.result;
}

async function answerRows(db: Db, attemptId: string) {
	return db
		.selectFrom('answers')
		.select(['question_id', 'answer', 'seq'])
		.where('attempt_id', '=', attemptId)
		.execute();
}

/** Ends the attempt, revealing every verdict and the score. Finishing twice returns the same result. */
export async function finishAttempt(db: Db, attempt: Attempt, now: Date, getQuiz: GetQuiz): Promise<FinishResult> {
	const { quiz } = quizOf(getQuiz, attempt.assignment);
	const { row, answers } = await db.transaction().execute(async (trx) => {
		await settleAttempts(trx, { attemptId: attempt.id }, now.toISOString());
		const row = await trx.selectFrom('attempts').selectAll().where('id', '=', attempt.id).executeTakeFirst();
		if (!row) throw new AssignmentError('attempt-not-found', 'This attempt does not exist any more');
		return { row, answers: await answerRows(trx, attempt.id) };
	});
	const results = regrade(quiz, answers);
	const order = parseOrder(row.question_order);
	return {
		results,
		score: scoreOf(row) ?? { points: 0, total: order.length, percent: 0 },
		summary: summarize(quiz, results, order)
	};
}

/**
 * What a browser needs to pick an attempt up again. An attempt whose deadline
 * has passed is finished first, so a late reload shows the results.
 */
export async function attemptState(db: Db, resumeToken: string, now: Date, getQuiz: GetQuiz): Promise<AttemptState> {
	const attempt = await resumeAttempt(db, resumeToken);
	if (!attempt) throw new AssignmentError('attempt-not-found', 'This attempt could not be found; join again with the class code');
	const { version, quiz } = quizOf(getQuiz, attempt.assignment);
	if (attempt.finishedAt === null && assignmentStatus(attempt.assignment, now) === 'closed')
		await settleAttempts(db, { attemptId: attempt.id }, now.toISOString());

	const row = await db.selectFrom('attempts').selectAll().where('id', '=', attempt.id).executeTakeFirstOrThrow();
	const rows = await answerRows(db, attempt.id);
	const finished = row.finished_at !== null;
	const answers: Record<string, Answer> = {};
	for (const r of rows) {
		const answer = storedAnswer(r);
		if (answer) answers[r.question_id] = answer;
	}
	const known = new Set(quiz.questions.map((q) => q.id));
	return {
		attemptId: attempt.id,
		displayName: attempt.displayName,
		assignment: {
			title: attempt.assignment.title,
			mode: attempt.assignment.mode,
			code: attempt.assignment.code,
			closesAt: attempt.assignment.closesAt
		},
		quiz: toPublicQuiz(quiz, attempt.assignment.quizSlug, version),
		// A question removed from the quiz since the attempt began is no longer asked.
		order: attempt.order.filter((id) => known.has(id)),
		answers,
		feedback: finished || attempt.assignment.mode === 'practice' ? regrade(quiz, rows) : {},
		finished,
		score: scoreOf(row),
		nextSeq: rows.reduce((max, r) => Math.max(max, r.seq + 1), 0)
	};
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

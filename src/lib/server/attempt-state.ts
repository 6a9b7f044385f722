/**
 * The read side of attempts: which attempt a resume token opens, and what a
 * student's browser needs to pick it up again (the quiz without its answer
 * key, in the student's order; their answers; the verdicts they may see; the
 * score once finished). The commands that change an attempt are in
 * attempts.ts and answer-store.ts.
 */
import { grade, type Graded } from '../quiz/grading.ts';
import { toPublicQuiz, type PublicQuiz } from '../quiz/public.ts';
import { AnswerSchema, type Answer, type Quiz } from '../quiz/schema.ts';
import { assignmentStatus, quizFor, toAssignment, type Assignment, type GetQuiz } from './assignments.ts';
import type { Db } from './db/index.ts';
import type { AnswerRow, AttemptRow } from './db/tables.ts';
import { AssignmentError } from './errors.ts';
import { parseOrder, roundPoints, settleAttempts } from './settle.ts';
import { inStudentOrder, parseOptionOrder, type OptionOrder } from './student-order.ts';
import { hashToken, isTokenShaped, sameHash } from './tokens.ts';

export interface Attempt {
	id: string;
	displayName: string;
	/** Question ids in the order this student is asked them. */
	order: string[];
	/** Each choice question's options in the order this student sees them. */
	optionOrder: OptionOrder;
	startedAt: string;
	finishedAt: string | null;
	assignment: Assignment;
}

export interface Score {
	points: number;
	/** Questions asked. */
	total: number;
	/** Whole percent of points. */
	percent: number;
}

export interface AttemptState {
	attemptId: string;
	displayName: string;
	assignment: Pick<Assignment, 'title' | 'mode' | 'code' | 'closesAt'>;
	/** The quiz without its answer key, each question's options in this student's order. */
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

function toAttempt(row: AttemptRow, assignment: Assignment): Attempt {
	return {
		id: row.id,
		displayName: row.display_name,
		order: parseOrder(row.question_order),
		optionOrder: parseOptionOrder(row.option_order),
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		assignment
	};
}

/** The attempt a resume token opens, with its row as read, or undefined. */
async function resume(db: Db, resumeToken: string): Promise<{ attempt: Attempt; row: AttemptRow } | undefined> {
	if (!isTokenShaped(resumeToken)) return undefined;
	const hash = hashToken(resumeToken);
	const row = await db.selectFrom('attempts').selectAll().where('resume_token_hash', '=', hash).executeTakeFirst();
	if (!row || !sameHash(row.resume_token_hash, hash)) return undefined;
	const assignment = await db.selectFrom('assignments').selectAll().where('id', '=', row.assignment_id).executeTakeFirst();
	return assignment && { attempt: toAttempt(row, toAssignment(assignment)), row };
}

/** The attempt a resume token opens, or undefined. */
export async function resumeAttempt(db: Db, resumeToken: string): Promise<Attempt | undefined> {
	return (await resume(db, resumeToken))?.attempt;
}

function storedAnswer(row: Pick<AnswerRow, 'answer'>): Answer | undefined {
	const parsed = AnswerSchema.safeParse(JSON.parse(row.answer));
	return parsed.success ? parsed.data : undefined;
}

/** Verdicts for stored answers, against the quiz as it is now; answers its questions no longer fit are left out. */
export function regrade(quiz: Quiz, rows: readonly Pick<AnswerRow, 'question_id' | 'answer'>[]): Record<string, Graded> {
	const results: Record<string, Graded> = {};
	for (const row of rows) {
		const question = quiz.questions.find((q) => q.id === row.question_id);
		const answer = storedAnswer(row);
		if (question && answer && question.type === answer.type) results[row.question_id] = grade(question, answer);
	}
	return results;
}

export function scoreOf(row: Pick<AttemptRow, 'score' | 'max_score'>): Score | null {
	if (row.score === null || row.max_score === null) return null;
	const percent = row.max_score === 0 ? 0 : Math.round((row.score / row.max_score) * 100);
	return { points: roundPoints(row.score), total: row.max_score, percent };
}

export async function answerRows(db: Db, attemptId: string) {
	return db.selectFrom('answers').select(['question_id', 'answer', 'seq']).where('attempt_id', '=', attemptId).execute();
}

/**
 * What a browser needs to pick an attempt up again. An attempt whose deadline
 * has passed is finished first, so a late reload shows the results.
 */
export async function attemptState(db: Db, resumeToken: string, now: Date, getQuiz: GetQuiz): Promise<AttemptState> {
	const resumed = await resume(db, resumeToken);
	if (!resumed) throw new AssignmentError('attempt-not-found', 'This attempt could not be found; join again with the class code');
	const { attempt } = resumed;
	const { version, quiz } = quizFor(getQuiz, attempt.assignment);
	let row: Pick<AttemptRow, 'finished_at' | 'score' | 'max_score'> = resumed.row;
	if (attempt.finishedAt === null && assignmentStatus(attempt.assignment, now) === 'closed') {
		await settleAttempts(db, { attemptId: attempt.id }, now.toISOString());
		// Settling finished it and wrote its score: read them back.
		row = await db.selectFrom('attempts').select(['finished_at', 'score', 'max_score']).where('id', '=', attempt.id).executeTakeFirstOrThrow();
	}
	const rows = await answerRows(db, attempt.id);
	const finished = row.finished_at !== null;
	const answers: Record<string, Answer> = {};
	for (const r of rows) {
		const answer = storedAnswer(r);
		if (answer) answers[r.question_id] = answer;
	}
	const known = new Set(quiz.questions.map((q) => q.id));
	const { assignment } = attempt;
	return {
		attemptId: attempt.id,
		displayName: attempt.displayName,
		assignment: { title: assignment.title, mode: assignment.mode, code: assignment.code, closesAt: assignment.closesAt },
		quiz: inStudentOrder(toPublicQuiz(quiz, assignment.quizSlug, version), attempt.optionOrder),
		// A question removed from the quiz since the attempt began is no longer asked.
		order: attempt.order.filter((id) => known.has(id)),
		answers,
		feedback: finished || assignment.mode === 'practice' ? regrade(quiz, rows) : {},
		finished,
		score: scoreOf(row),
		nextSeq: rows.reduce((max, r) => Math.max(max, r.seq + 1), 0)
	};
}

/**
 * One student's answers, for a teacher's conversation with them or their
 * parents: every question they were asked, what they answered, the right
 * answer and why. The attempt shown is the one the class table shows (their
 * latest), and it must belong to the assignment asked about.
 */
import { grade, type Graded } from '../quiz/grading.ts';
import { toPublicQuestion, type PublicQuestion } from '../quiz/public.ts';
import { AnswerSchema, type Quiz } from '../quiz/schema.ts';
import type { Db } from './db/index.ts';
import { parseOrder, roundPoints } from './settle.ts';
import type { StudentRow } from './dashboard.ts';

export interface ReviewedAnswer {
	/** Its place in the quiz, from 1, as the dashboard numbers it. */
	number: number;
	/** Its place in the order this student was asked, from 1: what their results call it in a shuffled class. */
	asked: number;
	question: PublicQuestion;
	/** The answer graded against the quiz as it is now; null when not answered. */
	result: Graded | null;
}

/** The student's line of the class table, with when they started and finished and each answer. */
export interface StudentAnswers extends Pick<StudentRow, 'name' | 'status' | 'attempts' | 'answered' | 'total' | 'points' | 'percent'> {
	startedAt: string;
	finishedAt: string | null;
	/** The questions this student was asked, in quiz order. */
	items: ReviewedAnswer[];
}

export async function studentAnswers(db: Db, assignmentId: string, attemptId: string, quiz: Quiz): Promise<StudentAnswers | undefined> {
	const attempt = await db
		.selectFrom('attempts')
		.selectAll()
		.where('id', '=', attemptId)
		.where('assignment_id', '=', assignmentId)
		.executeTakeFirst();
	if (!attempt) return undefined;
	const { n } = await db
		.selectFrom('attempts')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('assignment_id', '=', assignmentId)
		.where('name_key', '=', attempt.name_key)
		.executeTakeFirstOrThrow();
	const rows = await db.selectFrom('answers').select(['question_id', 'answer', 'score']).where('attempt_id', '=', attemptId).execute();
	const order = parseOrder(attempt.question_order);
	const asked = new Set(order);
	const results = new Map<string, Graded>();
	for (const row of rows) {
		const question = quiz.questions.find((q) => q.id === row.question_id);
		const answer = AnswerSchema.safeParse(JSON.parse(row.answer));
		if (question && answer.success && answer.data.type === question.type) results.set(question.id, grade(question, answer.data));
	}
	const items = quiz.questions.flatMap((q, i) =>
		asked.has(q.id) ? [{ number: i + 1, asked: order.indexOf(q.id) + 1, question: toPublicQuestion(q), result: results.get(q.id) ?? null }] : []
	);
	// Closed before the first answer: never started, as on the dashboard.
	const finished = attempt.finished_at !== null && rows.length > 0;
	const total = attempt.max_score ?? asked.size;
	const points = roundPoints(attempt.score ?? rows.reduce((sum, r) => sum + r.score, 0));
	return {
		name: attempt.display_name,
		status: finished ? 'finished' : rows.length ? 'in-progress' : 'not-started',
		attempts: Number(n),
		answered: rows.length,
		total,
		points,
		percent: finished ? (total === 0 ? 0 : Math.round((points / total) * 100)) : null,
		startedAt: attempt.started_at,
		finishedAt: finished ? attempt.finished_at : null,
		items
	};
}

/**
 * Finishing attempts as they stand: the score is the credit of the answers
 * stored, and a question never answered earns nothing. Shared by a student
 * finishing, a teacher closing the assignment and the deadline passing.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/tables.ts';

/** Stored question orders are ours, but a hand-edited row must not crash a class report. */
export function parseOrder(json: string): string[] {
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export const roundPoints = (points: number) => Math.round(points * 100) / 100;

export type Which = { attemptId: string } | { assignmentId: string } | { assignmentIds: string[] };

/** Finishes every unfinished attempt selected; returns how many it finished. */
export async function settleAttempts(db: Kysely<Database>, which: Which, now: string): Promise<number> {
	let query = db
		.selectFrom('attempts')
		.leftJoin('answers', 'answers.attempt_id', 'attempts.id')
		.select((eb) => ['attempts.id', 'attempts.question_order', eb.fn.sum<number | null>('answers.score').as('points')])
		.where('attempts.finished_at', 'is', null)
		.groupBy(['attempts.id', 'attempts.question_order']);
	if ('attemptId' in which) query = query.where('attempts.id', '=', which.attemptId);
	else if ('assignmentId' in which) query = query.where('attempts.assignment_id', '=', which.assignmentId);
	else if (which.assignmentIds.length === 0) return 0;
	else query = query.where('attempts.assignment_id', 'in', which.assignmentIds);

	let finished = 0;
	for (const row of await query.execute()) {
		const result = await db
			.updateTable('attempts')
			.set({
				finished_at: now,
				updated_at: now,
				score: roundPoints(Number(row.points ?? 0)),
				max_score: parseOrder(row.question_order).length
			})
			.where('id', '=', row.id)
			.where('finished_at', 'is', null)
			.executeTakeFirst();
		finished += Number(result.numUpdatedRows);
	}
	return finished;
}

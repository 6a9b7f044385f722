/**
 * Finishing attempts as they stand: the score is the credit of the answers
 * stored, and a question never answered earns nothing. Shared by a student
 * finishing, a teacher closing the assignment and the deadline passing.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from './db/transaction.ts';
import type { Database } from './db/tables.ts';

/** Stored question orders are ours, but a hand-edited row must not crash a class report. */
export function parseOrder(json: string): string[] {
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export const roundPoints = (points: number) => Math.round(points * 100) / 100;

export type Which = { attemptId: string } | { assignmentId: string } | { assignmentIds: string[] };

/**
 * Finishes every unfinished attempt selected; returns how many it finished.
 *
 * One transaction, in two steps, so no answer is stored and left out of the
 * score: first each attempt is marked finished, which on PostgreSQL waits for
 * the answers under way to it (they hold a share lock, see db/answer-sql.ts)
 * and stops the ones after; then the score is added up, by a statement that
 * sees every answer committed before the marking.
 */
export async function settleAttempts(db: Kysely<Database>, which: Which, now: string): Promise<number> {
	if ('assignmentIds' in which && which.assignmentIds.length === 0) return 0;
	return inTransaction(db, async (trx) => {
		let marking = trx
			.updateTable('attempts')
			.set({ finished_at: now, updated_at: now })
			.where('finished_at', 'is', null)
			.returning(['id', 'question_order']);
		if ('attemptId' in which) marking = marking.where('id', '=', which.attemptId);
		else if ('assignmentId' in which) marking = marking.where('assignment_id', '=', which.assignmentId);
		else marking = marking.where('assignment_id', 'in', which.assignmentIds);
		const finished = await marking.execute();
		if (finished.length === 0) return 0;

		const sums = await trx
			.selectFrom('answers')
			.select((eb) => ['attempt_id', eb.fn.sum<number | string>('score').as('points')])
			.where(
				'attempt_id',
				'in',
				finished.map((a) => a.id)
			)
			.groupBy('attempt_id')
			.execute();
		const points = new Map(sums.map((s) => [s.attempt_id, Number(s.points)]));
		for (const attempt of finished) {
			await trx
				.updateTable('attempts')
				.set({ score: roundPoints(points.get(attempt.id) ?? 0), max_score: parseOrder(attempt.question_order).length })
				.where('id', '=', attempt.id)
				.execute();
		}
		return finished.length;
	});
}

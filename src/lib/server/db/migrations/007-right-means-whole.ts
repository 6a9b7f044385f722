/**
 * A question that asks for a label and its cue words is right only with both:
 * before, a right label with no cue word marked was stored as right while it
 * scored half, so the dashboard's share right and the student's "fully right"
 * disagreed with the score. Every answer stored as right with less than the
 * whole point is right no longer (for every other kind of question the two
 * already agree: right is a score of 1).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.updateTable('answers').set({ correct: 0 }).where('correct', '=', 1).where('score', '<', 1).execute();
}

/** Nothing to undo: a half-scored answer was never whole. */
export async function down(): Promise<void> {}

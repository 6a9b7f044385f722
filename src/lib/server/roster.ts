/**
 * The teacher's hand on the class list: renaming a student (a squatted or
 * mistyped name) and letting a student back into an attempt from another
 * browser (a Chromebook swapped mid-lesson). A student is all the attempts
 * under one name; both act on them together.
 */
import { isolate } from '../quiz/text.ts';
import { locksRows } from './db/dialect.ts';
import type { Db } from './db/index.ts';
import { inTransaction } from './db/transaction.ts';
import { AssignmentError } from './errors.ts';
import { nameKey } from './names.ts';

/** How long a "let back in" waits for the student to join again. */
export const LET_IN_MINUTES = 15;

async function studentOf(db: Db, assignmentId: string, attemptId: string) {
	const row = await db
		.selectFrom('attempts')
		.select(['name_key', 'display_name'])
		.where('id', '=', attemptId)
		.where('assignment_id', '=', assignmentId)
		.executeTakeFirst();
	if (!row) throw new AssignmentError('attempt-not-found', 'This student is no longer in the class');
	return row;
}

/** Renames the student whose attempt this is; refused when another student already has a name that looks the same. */
export async function renameStudent(db: Db, assignmentId: string, attemptId: string, newName: string): Promise<void> {
	const key = nameKey(newName);
	await inTransaction(db, async (trx) => {
		// Waits for the joins to this class under way, and they for it (they share-lock its row), so a join and a rename cannot end on one name.
		await trx.selectFrom('assignments').select('id').where('id', '=', assignmentId).$if(locksRows(trx), (q) => q.forUpdate()).execute();
		const student = await studentOf(trx, assignmentId, attemptId);
		if (key !== student.name_key) {
			const taken = await trx
				.selectFrom('attempts')
				.select('display_name')
				.where('assignment_id', '=', assignmentId)
				.where('name_key', '=', key)
				.executeTakeFirst();
			// Named as the class list shows them: "Ana-Maria" typed is refused for Ana-María.
			if (taken) throw new AssignmentError('name-taken', `Another student in this class is already called ${isolate(taken.display_name)}`);
		}
		await trx
			.updateTable('attempts')
			.set({ display_name: newName, name_key: key })
			.where('assignment_id', '=', assignmentId)
			.where('name_key', '=', student.name_key)
			.execute();
	});
}

/**
 * Lets the next browser that joins under this student's name take over their
 * attempt under way, for the next few minutes; the old browser's key stops
 * working when it does. Returns the name to tell the student to type.
 */
export async function letBackIn(db: Db, assignmentId: string, attemptId: string, now: Date): Promise<string> {
	const student = await studentOf(db, assignmentId, attemptId);
	const until = new Date(now.getTime() + LET_IN_MINUTES * 60_000).toISOString();
	const updated = await db
		.updateTable('attempts')
		.set({ claim_until: until })
		.where('assignment_id', '=', assignmentId)
		.where('name_key', '=', student.name_key)
		.where('finished_at', 'is', null)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) throw new AssignmentError('attempt-finished', `${isolate(student.display_name)} has no attempt under way to go back to`);
	return student.display_name;
}

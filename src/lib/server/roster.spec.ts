import { describe, expect, it } from 'vitest';
import { resumeAttempt, startAttempt } from './attempts.ts';
import { isAssignmentError } from './errors.ts';
import { isolate } from '../quiz/text.ts';
import { letBackIn, LET_IN_MINUTES, renameStudent } from './roster.ts';
import { assign, at, getQuiz, tempDb } from '../../test-support/db.ts';

describe('the class list', () => {
	it('lets a student back in from another browser, once, for a few minutes; the old browser is out', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const first = await startAttempt(db, assignment.code, 'Emma', at(1), { getQuiz });
		expect(await letBackIn(db, assignment.id, first.attemptId, at(5))).toBe('Emma');
		const moved = await startAttempt(db, assignment.code, 'emma', at(6), { getQuiz });
		expect(moved.attemptId).toBe(first.attemptId);
		expect(await resumeAttempt(db, first.resumeToken)).toBeUndefined();
		expect((await resumeAttempt(db, moved.resumeToken))?.id).toBe(first.attemptId);
		// Once only: a third browser is refused again.
		await expect(startAttempt(db, assignment.code, 'Emma', at(7), { getQuiz })).rejects.toSatisfy((e) => isAssignmentError(e, 'name-taken'));
	});

	it('lets the chance lapse when nobody takes it', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const first = await startAttempt(db, assignment.code, 'Emma', at(1), { getQuiz });
		await letBackIn(db, assignment.id, first.attemptId, at(5));
		await expect(startAttempt(db, assignment.code, 'Emma', at(5 + LET_IN_MINUTES), { getQuiz })).rejects.toSatisfy((e) =>
			isAssignmentError(e, 'name-taken')
		);
	});

	it('renames a squatter, which frees the name; a name that looks like another student’s is refused', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const squatter = await startAttempt(db, assignment.code, 'Emma', at(1), { getQuiz });
		await startAttempt(db, assignment.code, 'Ben', at(1), { getQuiz });
		await expect(renameStudent(db, assignment.id, squatter.attemptId, 'bеn')).rejects.toSatisfy((e) => isAssignmentError(e, 'name-taken'));
		await renameStudent(db, assignment.id, squatter.attemptId, 'Mallory');
		expect((await resumeAttempt(db, squatter.resumeToken))?.displayName).toBe('Mallory');
		await expect(startAttempt(db, assignment.code, 'Emma', at(2), { getQuiz })).resolves.toBeDefined();
	});

	it('names the student who has the name, as the class list shows it, not the spelling typed', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		await startAttempt(db, assignment.code, 'Ana-María', at(1), { getQuiz });
		const bo = await startAttempt(db, assignment.code, 'Bo', at(1), { getQuiz });
		await expect(renameStudent(db, assignment.id, bo.attemptId, 'Ana-Maria')).rejects.toThrow(`already called ${isolate('Ana-María')}`);
	});

	it('refuses an attempt of another class', async () => {
		const { db } = await tempDb();
		const mine = await assign(db);
		const other = await assign(db);
		const theirs = await startAttempt(db, other.assignment.code, 'Zed', at(1), { getQuiz });
		await expect(renameStudent(db, mine.assignment.id, theirs.attemptId, 'X')).rejects.toSatisfy((e) => isAssignmentError(e, 'attempt-not-found'));
		await expect(letBackIn(db, mine.assignment.id, theirs.attemptId, at(2))).rejects.toSatisfy((e) => isAssignmentError(e, 'attempt-not-found'));
	});
});

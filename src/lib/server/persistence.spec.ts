import { describe, expect, it } from 'vitest';
import type { Answer } from '../quiz/schema.ts';
import { findAssignmentByManageToken } from './assignments.ts';
import { attemptState, finishAttempt, resumeAttempt, startAttempt } from './attempts.ts';
import { classReport } from './dashboard.ts';
import { grantManage, verifyManageSession } from './manage-sessions.ts';
import { assign, at, countRows, dumpRows, getQuiz, quiz, submit, tempDb } from '../../test-support/db.ts';

const classify = (category: string): Answer => ({ type: 'classify', category });

describe('a server restart', () => {
	it('loses nothing: assignments, sessions, attempts in progress and finished, and every answer', async () => {
		const handle = await tempDb();
		let db = handle.db;
		const { assignment, manageToken } = await assign(db, { mode: 'test', shuffle: true });
		const session = await grantManage(db, undefined, assignment.id, at(0));
		const ana = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const ben = await startAttempt(db, assignment.code, 'Ben', at(1), { getQuiz });
		const anaAttempt = (await resumeAttempt(db, ana.resumeToken))!;
		await submit(db, ana.resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(2));
		await finishAttempt(db, anaAttempt, at(3), getQuiz);
		const benAttempt = (await resumeAttempt(db, ben.resumeToken))!;
		await submit(db, ben.resumeToken, { questionId: 'dodge', answer: classify('fact'), seq: 4 }, at(4));

		const rows = await dumpRows(db);
		const report = await classReport(db, assignment.id, quiz);
		const benState = await attemptState(db, ben.resumeToken, at(5), getQuiz);

		db = await handle.reopen();
		expect(await dumpRows(db)).toBe(rows);
		expect(await countRows(db)).toEqual({ assignments: 1, attempts: 2, answers: 2, teacher_sessions: 1, manage_grants: 1 });
		expect((await findAssignmentByManageToken(db, manageToken))?.id).toBe(assignment.id);
		expect(await verifyManageSession(db, session.value, at(6), assignment.id)).toBeDefined();
		expect(await classReport(db, assignment.id, quiz)).toEqual(report);
		const resumed = await attemptState(db, ben.resumeToken, at(5), getQuiz);
		expect(resumed).toEqual(benState);
		expect(resumed).toMatchObject({ order: ben.order, answers: { dodge: classify('fact') }, nextSeq: 5, finished: false });
		expect((await attemptState(db, ana.resumeToken, at(6), getQuiz)).score).toEqual({ points: 1, total: 5, percent: 20 });
	});
});

describe('a whole class at once', () => {
	it('keeps every answer and, per question, the one with the highest seq, whatever order requests finish in', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'test' });
		const names = Array.from({ length: 40 }, (_, i) => `Student ${i + 1}`);
		const tokens = await Promise.all(
			names.map(async (name) => (await startAttempt(db, assignment.code, name, at(1), { getQuiz })).resumeToken)
		);
		// Each student changes their mind on "vote" three times; the requests race.
		const categories = ['anonymous', 'non-answer', 'fact'];
		await Promise.all(
			tokens.flatMap((token) =>
				[2, 0, 1].map((seq) => submit(db, token, { questionId: 'vote', answer: classify(categories[seq]!), seq }, at(2)))
			)
		);
		const stored = await db.selectFrom('answers').select(['answer', 'seq']).execute();
		expect(stored).toHaveLength(40);
		expect(stored.every((r) => r.seq === 2 && r.answer === JSON.stringify(classify('fact')))).toBe(true);
		const report = await classReport(db, assignment.id, quiz);
		expect(report.questions[0]).toMatchObject({ answered: 40, correct: 40 });
	});
});

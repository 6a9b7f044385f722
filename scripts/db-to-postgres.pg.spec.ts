import { describe, expect, it } from 'vitest';
import { findAssignmentByManageToken } from '../src/lib/server/assignments.ts';
import { attemptState, finishAttempt, resumeAttempt, startAttempt } from '../src/lib/server/attempts.ts';
import { classReport } from '../src/lib/server/dashboard.ts';
import { grantManage, verifyManageSession } from '../src/lib/server/manage-sessions.ts';
import { assign, at, getQuiz, quiz, submit, tempDb, tempSqlite, TEST_POSTGRES } from '../src/test-support/db.ts';
import { copySqliteToPostgres } from './db-to-postgres.ts';

const quiet = () => {};

// A copy needs a PostgreSQL to copy into: it runs in the suite's PostgreSQL pass (scripts/postgres/test.ts).
describe('moving a school’s SQLite file into PostgreSQL', () => {
	it('brings every class, attempt, answer and teacher session across, with links and resume keys still working', async () => {
		const school = await tempSqlite();
		const { assignment, manageToken } = await assign(school.db, { mode: 'test', shuffle: true });
		const session = await grantManage(school.db, undefined, assignment.id, at(0));
		const ana = await startAttempt(school.db, assignment.code, 'Ana', at(1), { getQuiz });
		const ben = await startAttempt(school.db, assignment.code, 'Ben', at(1), { getQuiz });
		await submit(school.db, ana.resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(2));
		await finishAttempt(school.db, (await resumeAttempt(school.db, ana.resumeToken))!, at(3), getQuiz);
		await submit(school.db, ben.resumeToken, { questionId: 'denial', answer: { type: 'choice', option: 'no' }, seq: 4 }, at(4));
		const report = await classReport(school.db, assignment.id, quiz);
		const benState = await attemptState(school.db, ben.resumeToken, at(5), getQuiz);
		await school.db.destroy();

		const district = await tempDb();
		const counts = await copySqliteToPostgres(school.path, district.target, quiet);
		expect(counts).toEqual({ assignments: 1, attempts: 2, answers: 2, teacher_sessions: 1, manage_grants: 1 });
		const db = district.db;
		expect(await classReport(db, assignment.id, quiz)).toEqual(report);
		expect(await attemptState(db, ben.resumeToken, at(5), getQuiz)).toEqual(benState);
		expect((await findAssignmentByManageToken(db, manageToken))?.id).toBe(assignment.id);
		expect(await verifyManageSession(db, session.value, at(6), assignment.id)).toBeDefined();
		// The school's file is left as it was: its server can go on until the move is done.
		school.db = await school.reopen();
		expect(await classReport(school.db, assignment.id, quiz)).toEqual(report);
	});

	it('refuses a database that already holds classes, and copies nothing', async () => {
		const school = await tempSqlite();
		await assign(school.db);
		await school.db.destroy();
		const district = await tempDb();
		await assign(district.db);
		await expect(copySqliteToPostgres(school.path, district.target, quiet)).rejects.toThrow(/already holds 1 assignments/);
		const { n } = await district.db.selectFrom('assignments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(n)).toBe(1);
		school.db = await school.reopen();
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	assignmentStatus,
	type GetQuiz,
	changeClosingTime,
	closeAssignment,
	createAssignment,
	deleteAssignment,
	findAssignment,
	findAssignmentByCode,
	findAssignmentByManageToken,
	openNow,
	purgeExpired
} from './assignments.ts';
import { finishAttempt, resumeAttempt, startAttempt } from './attempts.ts';
import { findQuiz, listQuizzes } from './catalogue.ts';
import { isAssignmentError } from './errors.ts';
import { grantManage } from './manage-sessions.ts';
import { CreateAssignmentSchema } from './requests.ts';
import { CODE_ALPHABET, formatCode } from '../class-code.ts';
import { assign, at, countRows, dumpRows, getQuiz, SLUG, submit, tempDb, tempSqlite, T0 } from '../../test-support/db.ts';
import { hashToken } from './tokens.ts';

const DAY = 24 * 60;

describe('creating an assignment', () => {
	it('gives a six-character code without look-alike characters, shown with a hyphen', async () => {
		const { db } = await tempDb();
		const codes = [];
		for (let i = 0; i < 50; i++) codes.push((await assign(db)).assignment.code);
		for (const code of codes) {
			expect(formatCode(code)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}$`));
			expect(code).not.toMatch(/[0O1IL]/);
		}
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('draws another code when the first is taken', async () => {
		const { db } = await tempDb();
		const codes = ['K7M4PX', 'K7M4PX', 'K7M4PX', 'RT9WQ2'];
		const newCode = () => codes.shift()!;
		const input = CreateAssignmentSchema.parse({ quizSlug: SLUG });
		const first = await createAssignment(db, input, T0, { getQuiz, newCode });
		const second = await createAssignment(db, input, T0, { getQuiz, newCode });
		expect(first.assignment.code).toBe('K7M4PX');
		expect(second.assignment.code).toBe('RT9WQ2');
		expect((await countRows(db)).assignments).toBe(2);
	});

	it('finds the assignment by its code however a student types it', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, {}, T0);
		const bare = assignment.code;
		for (const typed of [formatCode(bare), bare, bare.toLowerCase(), ` ${bare.slice(0, 3)} ${bare.slice(3)} `]) {
			expect((await findAssignmentByCode(db, typed))?.id).toBe(assignment.id);
		}
		expect(await findAssignmentByCode(db, 'OOOOOO')).toBeUndefined();
		expect(await findAssignmentByCode(db, 'ZZZZZZ')).toBeUndefined();
	});

	it('takes the quiz title and version unless given a title', async () => {
		const { db } = await tempDb();
		const plain = await assign(db);
		const named = await assign(db, { title: '  Period 3: bridge vote ', mode: 'test', shuffle: true, attemptsAllowed: 2 });
		expect(plain.assignment).toMatchObject({
			title: 'Sample: the bridge vote',
			quizSlug: SLUG,
			quizVersion: 'v1',
			mode: 'practice',
			shuffle: false,
			attemptsAllowed: 1,
			opensAt: T0.toISOString(),
			closesAt: null,
			closedAt: null
		});
		expect(named.assignment).toMatchObject({ title: 'Period 3: bridge vote', mode: 'test', shuffle: true, attemptsAllowed: 2 });
		expect(await findAssignment(db, named.assignment.id)).toEqual(named.assignment);
	});

	it('refuses a quiz the server does not have and a closing time already past', async () => {
		const { db } = await tempDb();
		await expect(assign(db, { quizSlug: 'no-such-quiz' })).rejects.toSatisfy((e) => isAssignmentError(e, 'quiz-not-found'));
		await expect(assign(db, { closesAt: at(-1).toISOString() })).rejects.toSatisfy((e) => isAssignmentError(e, 'invalid-dates'));
		expect((await countRows(db)).assignments).toBe(0);
	});

	it('refuses dates so far ahead that the class would outlive the retention promise', async () => {
		const { db } = await tempDb();
		const DAY = 24 * 60;
		await expect(assign(db, { closesAt: '9999-12-31T10:00:00Z' })).rejects.toSatisfy((e) => isAssignmentError(e, 'invalid-dates'));
		await expect(assign(db, { opensAt: at(400 * DAY).toISOString() })).rejects.toSatisfy((e) => isAssignmentError(e, 'invalid-opening'));
		await expect(assign(db, { opensAt: at(300 * DAY).toISOString(), closesAt: at(700 * DAY).toISOString() })).rejects.toSatisfy((e) =>
			isAssignmentError(e, 'invalid-dates')
		);
		await expect(assign(db, { opensAt: at(300 * DAY).toISOString(), closesAt: at(600 * DAY).toISOString() })).resolves.toBeDefined();
	});

	it('counts the days open from now for an opening typed in the past, which opens the class now', async () => {
		const { db } = await tempDb();
		const DAY = 24 * 60;
		// Opened "200 days ago", closing in 240 days: open 240 days from today, within the year.
		await expect(assign(db, { opensAt: at(-200 * DAY).toISOString(), closesAt: at(240 * DAY).toISOString() })).resolves.toBeDefined();
		await expect(assign(db, { opensAt: at(-200 * DAY).toISOString(), closesAt: at(400 * DAY).toISOString() })).rejects.toSatisfy((e) =>
			isAssignmentError(e, 'invalid-dates')
		);
	});
});

describe('with the quizzes this server offers', () => {
	it('assigns a catalogue quiz and lets a student start it', async () => {
		const { db } = await tempDb();
		const fromCatalogue: GetQuiz = findQuiz;
		const entry = listQuizzes()[0]!;
		const input = CreateAssignmentSchema.parse({ quizSlug: entry.slug });
		const { assignment } = await createAssignment(db, input, T0, { getQuiz: fromCatalogue });
		const studentCode = assignment.code;
		expect(assignment).toMatchObject({ quizSlug: entry.slug, quizVersion: entry.version, title: entry.quiz.title });
		const started = await startAttempt(db, studentCode, 'Ana', at(1), { getQuiz: fromCatalogue });
		expect(started.order).toEqual(entry.quiz.questions.map((q) => q.id));
	});
});

describe('the manage token', () => {
	it('is at least 128 random bits, base64url', async () => {
		const { db } = await tempDb();
		const { manageToken } = await assign(db);
		expect(manageToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
		expect(Buffer.from(manageToken, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
	});

	it('opens its assignment and nothing else', async () => {
		const { db } = await tempDb();
		const mine = await assign(db);
		await assign(db);
		expect((await findAssignmentByManageToken(db, mine.manageToken))?.id).toBe(mine.assignment.id);
		const altered = (mine.manageToken[0] === 'A' ? 'B' : 'A') + mine.manageToken.slice(1);
		expect(await findAssignmentByManageToken(db, altered)).toBeUndefined();
		expect(await findAssignmentByManageToken(db, hashToken(mine.manageToken))).toBeUndefined();
		expect(await findAssignmentByManageToken(db, '')).toBeUndefined();
	});

	it('is stored only as its SHA-256 hash: the raw token is in no row and nowhere in the file', async () => {
		const handle = await tempSqlite();
		const { manageToken } = await assign(handle.db);
		const rows = await dumpRows(handle.db);
		expect(rows).not.toContain(manageToken);
		expect(rows).toContain(hashToken(manageToken));
		const db = await handle.reopen(); // checkpoints the log into the main file
		expect(readFileSync(handle.path).includes(manageToken)).toBe(false);
		expect((await findAssignmentByManageToken(db, manageToken))?.quizSlug).toBe(SLUG);
	});
});

describe('opening and closing times', () => {
	it('reads as scheduled before opening, open, and closed after the closing time or a close', () => {
		const a = { opensAt: at(10).toISOString(), closesAt: at(60).toISOString(), closedAt: null };
		expect(assignmentStatus(a, at(0))).toBe('scheduled');
		expect(assignmentStatus(a, at(10))).toBe('open');
		expect(assignmentStatus(a, at(59))).toBe('open');
		expect(assignmentStatus(a, at(60))).toBe('closed');
		expect(assignmentStatus({ ...a, closedAt: at(20).toISOString() }, at(20))).toBe('closed');
	});
});

describe('closing an assignment', () => {
	it('finishes the attempts in progress as they stand, unanswered questions scoring 0', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'test' });
		const ana = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const ben = await startAttempt(db, assignment.code, 'Ben', at(1), { getQuiz });
		const cy = await startAttempt(db, assignment.code, 'Cy', at(1), { getQuiz });
		const anaAttempt = (await resumeAttempt(db, ana.resumeToken))!;
		await submit(db, ana.resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(2));
		await submit(db, ana.resumeToken, { questionId: 'denial', answer: { type: 'choice', option: 'no' }, seq: 1 }, at(3));
		await submit(db, ana.resumeToken, { questionId: 'dodge', answer: { type: 'classify', category: 'fact' }, seq: 2 }, at(3));
		const benAttempt = (await resumeAttempt(db, ben.resumeToken))!;
		await submit(db, ben.resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(2));
		await finishAttempt(db, benAttempt, at(4), getQuiz);

		const closed = await closeAssignment(db, assignment.id, at(30));
		expect(closed.finishedAttempts).toBe(2);
		expect(closed.assignment.closedAt).toBe(at(30).toISOString());

		const scores = await db.selectFrom('attempts').select(['display_name', 'score', 'max_score', 'finished_at']).orderBy('display_name').execute();
		expect(scores).toEqual([
			{ display_name: 'Ana', score: 2, max_score: 5, finished_at: at(30).toISOString() },
			{ display_name: 'Ben', score: 1, max_score: 5, finished_at: at(4).toISOString() },
			{ display_name: 'Cy', score: 0, max_score: 5, finished_at: at(30).toISOString() }
		]);
		const cyAttempt = (await resumeAttempt(db, cy.resumeToken))!;
		await expect(
			submit(db, cy.resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(31))
		).rejects.toSatisfy((e) => isAssignmentError(e, 'closed'));
		await expect(startAttempt(db, assignment.code, 'Dee', at(31), { getQuiz })).rejects.toSatisfy((e) => isAssignmentError(e, 'closed'));
	});

	it('keeps the first closing time when closed again, and refuses an unknown assignment', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		await closeAssignment(db, assignment.id, at(5));
		expect((await closeAssignment(db, assignment.id, at(9))).assignment.closedAt).toBe(at(5).toISOString());
		await expect(closeAssignment(db, 'nope', at(9))).rejects.toSatisfy((e) => isAssignmentError(e, 'assignment-not-found'));
	});
});

describe('changing when an assignment opens and closes', () => {
	const status = async (db: Parameters<typeof assign>[0], id: string, now: Date) => assignmentStatus((await findAssignment(db, id))!, now);

	it('gives a class longer: one its closing time had closed opens again and takes new students', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { closesAt: at(60).toISOString() });
		await expect(startAttempt(db, assignment.code, 'Ana', at(61), { getQuiz })).rejects.toSatisfy((e) => isAssignmentError(e, 'closed'));
		const changed = await changeClosingTime(db, assignment.id, at(120).toISOString(), at(61));
		expect(changed.closesAt).toBe(at(120).toISOString());
		expect(await status(db, assignment.id, at(61))).toBe('open');
		await startAttempt(db, assignment.code, 'Ana', at(62), { getQuiz });
		expect(await status(db, assignment.id, at(120))).toBe('closed');
		// No closing time: open until its teacher closes it.
		await changeClosingTime(db, assignment.id, null, at(63));
		expect(await status(db, assignment.id, at(500_000))).toBe('open');
	});

	it('refuses a closing time already past or before the opening, and any change to a class closed for good', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { opensAt: at(30).toISOString() });
		await expect(changeClosingTime(db, assignment.id, at(5).toISOString(), at(10))).rejects.toThrow('The closing time has already passed; choose a later one');
		await expect(changeClosingTime(db, assignment.id, at(20).toISOString(), at(10))).rejects.toThrow('The closing time must be after the opening time');
		await closeAssignment(db, assignment.id, at(40));
		await expect(changeClosingTime(db, assignment.id, at(90).toISOString(), at(50))).rejects.toSatisfy((e) => isAssignmentError(e, 'closed'));
		await expect(openNow(db, assignment.id, at(50))).rejects.toSatisfy((e) => isAssignmentError(e, 'closed'));
		expect((await findAssignment(db, assignment.id))!.closesAt).toBeNull();
		await expect(changeClosingTime(db, 'nope', null, at(50))).rejects.toSatisfy((e) => isAssignmentError(e, 'assignment-not-found'));
	});

	it('opens a class set to open later at once, and leaves an open one as it is', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { opensAt: at(30).toISOString() });
		await expect(startAttempt(db, assignment.code, 'Ana', at(5), { getQuiz })).rejects.toSatisfy((e) => isAssignmentError(e, 'not-open-yet'));
		expect((await openNow(db, assignment.id, at(5))).opensAt).toBe(at(5).toISOString());
		await startAttempt(db, assignment.code, 'Ana', at(6), { getQuiz });
		expect((await openNow(db, assignment.id, at(9))).opensAt).toBe(at(5).toISOString());
	});
});

/** An assignment with two students, one finished, and a teacher session. */
async function seededClass(db: Parameters<typeof assign>[0], now = T0) {
	const made = await assign(db, {}, now);
	const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
	for (const name of ['Ana', 'Ben']) {
		const started = await startAttempt(db, made.assignment.code, name, later(1), { getQuiz });
		const attempt = (await resumeAttempt(db, started.resumeToken))!;
		await submit(db, started.resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, later(2));
		if (name === 'Ana') await finishAttempt(db, attempt, later(3), getQuiz);
	}
	await grantManage(db, undefined, made.assignment.id, later(4));
	return made;
}

describe('deleting an assignment', () => {
	it('removes every row that belongs to it, and nothing of another class', async () => {
		const { db } = await tempDb();
		const doomed = await seededClass(db);
		await seededClass(db);
		expect(await countRows(db)).toEqual({ assignments: 2, attempts: 4, answers: 4, teacher_sessions: 2, manage_grants: 2 });

		expect(await deleteAssignment(db, doomed.assignment.id)).toBe(true);
		// The doomed class's grant went with it; the browser's session stays, opening nothing.
		expect(await countRows(db)).toEqual({ assignments: 1, attempts: 2, answers: 2, teacher_sessions: 2, manage_grants: 1 });
		expect(await findAssignmentByManageToken(db, doomed.manageToken)).toBeUndefined();
		expect(await deleteAssignment(db, doomed.assignment.id)).toBe(false);
	});
});

describe('purging expired data', () => {
	it('deletes assignments whose last activity is older than the retention period, with all their rows', async () => {
		const { db } = await tempDb();
		const old = await seededClass(db, at(-400 * DAY));
		const oldButActive = await seededClass(db, at(-400 * DAY));
		const started = await startAttempt(db, oldButActive.assignment.code, 'Late', at(-10 * DAY), { getQuiz });
		const recent = await seededClass(db, at(-10 * DAY));
		const longRunning = await assign(db, { closesAt: at(30 * DAY).toISOString() }, at(-300 * DAY));

		const purged = await purgeExpired(db, T0);
		expect(purged.assignments).toBe(1);
		expect(await findAssignment(db, old.assignment.id)).toBeUndefined();
		expect(await findAssignment(db, oldButActive.assignment.id)).toBeDefined();
		expect(await resumeAttempt(db, started.resumeToken)).toBeDefined();
		expect(await findAssignment(db, recent.assignment.id)).toBeDefined();
		expect(await findAssignment(db, longRunning.assignment.id)).toBeDefined();
		// The old class's two attempts, one answer each and its session went with it.
		expect(await countRows(db)).toMatchObject({ assignments: 3, attempts: 5, answers: 4 });
	});

	it('honours a shorter retention period and removes expired teacher sessions', async () => {
		const { db } = await tempDb();
		await seededClass(db, at(-40 * DAY));
		expect((await purgeExpired(db, T0)).assignments).toBe(0);
		expect(await purgeExpired(db, T0, 30)).toEqual({ assignments: 1, sessions: 0 });

		const { assignment } = await assign(db);
		await grantManage(db, undefined, assignment.id, at(-31 * DAY));
		await grantManage(db, undefined, assignment.id, at(-1 * DAY));
		expect(await purgeExpired(db, T0)).toEqual({ assignments: 0, sessions: 1 });
		expect((await countRows(db)).teacher_sessions).toBe(1);
	});
});

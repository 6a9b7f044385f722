import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { sql } from 'kysely';
import { deleteAssignment, replaceManageToken } from './assignments.ts';
import { startAttempt } from './attempts.ts';
import {
	endManageSession,
	exchangeManageToken,
	grantedAssignments,
	grantManage,
	MANAGE_SESSION_DAYS,
	TEACHER_COOKIE,
	teacherCookie,
	revokeOtherGrants,
	teacherCookieOptions,
	verifyManageSession
} from './manage-sessions.ts';
import { assign, at, countRows, dumpRows, getQuiz, tempDb, T0 } from '../../test-support/db.ts';
import { hashToken } from './tokens.ts';

const DAY = 24 * 60;

/** SvelteKit's cookies, as far as these functions use them. */
function jar(initial: Record<string, string>) {
	const values = new Map(Object.entries(initial));
	const cookies = {
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void values.set(name, value),
		delete: (name: string) => void values.delete(name)
	} as unknown as Cookies;
	return { cookies, values };
}

describe('teacher sessions', () => {
	it('exchange the manage token for a session cookie whose value is stored only hashed', async () => {
		const { db } = await tempDb();
		const { assignment, manageToken } = await assign(db);
		const exchanged = await exchangeManageToken(db, manageToken, undefined, T0);
		expect(exchanged?.assignment.id).toBe(assignment.id);
		const session = exchanged!.session;
		expect(session.expiresAt).toEqual(at(MANAGE_SESSION_DAYS * DAY));
		expect(await dumpRows(db)).not.toContain(session.value);
		expect(await verifyManageSession(db, session.value, at(5), assignment.id)).toEqual({ expiresAt: session.expiresAt, renewed: false });
		// The manage link keeps working, for the teacher's other devices.
		expect(await exchangeManageToken(db, manageToken, undefined, at(6))).toBeDefined();
	});

	it('keep one session per browser, however many classes it opens', async () => {
		const { db } = await tempDb();
		const first = await assign(db);
		const second = await assign(db);
		const session = await grantManage(db, undefined, first.assignment.id, T0);
		const again = await exchangeManageToken(db, second.manageToken, session.value, at(1));
		expect(again!.session.value).toBe(session.value);
		expect(await verifyManageSession(db, session.value, at(2), first.assignment.id)).toBeDefined();
		expect(await verifyManageSession(db, session.value, at(2), second.assignment.id)).toBeDefined();
		expect(await countRows(db)).toMatchObject({ teacher_sessions: 1, manage_grants: 2 });
	});

	it('refuse a wrong token, a forged cookie and a cookie for another assignment', async () => {
		const { db } = await tempDb();
		const mine = await assign(db);
		const other = await assign(db);
		expect(await exchangeManageToken(db, other.manageToken.slice(1) + 'x', undefined, T0)).toBeUndefined();
		const session = await grantManage(db, undefined, mine.assignment.id, T0);
		expect(await verifyManageSession(db, session.value, T0, mine.assignment.id)).toBeDefined();
		expect(await verifyManageSession(db, session.value, T0, other.assignment.id)).toBeUndefined();
		expect(await verifyManageSession(db, mine.manageToken, T0, mine.assignment.id)).toBeUndefined();
		expect(await verifyManageSession(db, undefined, T0, mine.assignment.id)).toBeUndefined();
		expect(await verifyManageSession(db, 'not a session', T0, mine.assignment.id)).toBeUndefined();
	});

	it('expire unless used, and slide forward when used after a day', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const idle = await grantManage(db, undefined, assignment.id, T0);
		expect(await verifyManageSession(db, idle.value, at(MANAGE_SESSION_DAYS * DAY), assignment.id)).toBeUndefined();

		const used = await grantManage(db, undefined, assignment.id, T0);
		const renewed = await verifyManageSession(db, used.value, at(2 * DAY), assignment.id);
		expect(renewed).toEqual({ expiresAt: at((2 + MANAGE_SESSION_DAYS) * DAY), renewed: true });
		expect(await verifyManageSession(db, used.value, at(2 * DAY + 60), assignment.id)).toMatchObject({ renewed: false });
		// Alive past its first expiry, because it was used.
		expect(await verifyManageSession(db, used.value, at((1 + MANAGE_SESSION_DAYS) * DAY), assignment.id)).toBeDefined();
	});

	it('end on sign-out, and stop opening a class when it is deleted', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const a = await grantManage(db, undefined, assignment.id, T0);
		const b = await grantManage(db, undefined, assignment.id, T0);
		await endManageSession(db, a.value);
		expect(await verifyManageSession(db, a.value, T0, assignment.id)).toBeUndefined();
		expect(await verifyManageSession(db, b.value, T0, assignment.id)).toBeDefined();
		await deleteAssignment(db, assignment.id);
		expect(await verifyManageSession(db, b.value, T0, assignment.id)).toBeUndefined();
		expect((await countRows(db)).manage_grants).toBe(0);
	});

	it('fold the per-assignment cookies of earlier versions into the one cookie', async () => {
		const { db } = await tempDb();
		const first = await assign(db);
		const second = await assign(db);
		const old1 = await grantManage(db, undefined, first.assignment.id, T0);
		const old2 = await grantManage(db, undefined, second.assignment.id, T0);
		const { cookies, values } = jar({
			[`whosays_manage_${first.assignment.id}`]: old1.value,
			[`whosays_manage_${second.assignment.id}`]: old2.value,
			[`whosays_manage_gone`]: 'x'.repeat(43)
		});
		const value = await teacherCookie(db, cookies, new URL('http://localhost/'), at(1));
		expect([...values.keys()]).toEqual([TEACHER_COOKIE]);
		expect(values.get(TEACHER_COOKIE)).toBe(value);
		expect(await verifyManageSession(db, value, at(2), first.assignment.id)).toBeDefined();
		expect(await verifyManageSession(db, value, at(2), second.assignment.id)).toBeDefined();
		expect(await countRows(db)).toMatchObject({ teacher_sessions: 1 });
	});

	it('set one HttpOnly, SameSite=Lax cookie, Secure over https only', () => {
		expect(teacherCookieOptions(T0, new URL('http://192.168.1.20:3000/teach'))).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: false,
			expires: T0
		});
		expect(teacherCookieOptions(T0, new URL('https://quiz.school.example/teach'))).toMatchObject({ secure: true });
	});
});

describe('the migration to one session per browser', () => {
	it('keeps every existing session working, each with the class it had', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const session = await grantManage(db, undefined, assignment.id, T0);
		// Back to the first schema, as a server of the earlier version left it.
		const { migrations } = await import('./db/migrations/index.ts');
		await migrations['002-teacher-sessions']!.down!(db);
		expect((await sql<{ n: number }>`select count(*) as n from manage_sessions`.execute(db)).rows[0]!.n).toBe(1);
		await migrations['002-teacher-sessions']!.up(db);
		expect(await verifyManageSession(db, session.value, at(1), assignment.id)).toBeDefined();
	});
});

describe('a replaced manage link', () => {
	it('opens nothing at once; every other browser loses the class, this one keeps it and its other classes', async () => {
		const { db } = await tempDb();
		const { assignment, manageToken } = await assign(db, { title: 'Leaked' });
		const other = (await assign(db, { title: 'Another class' })).assignment;
		const mine = await grantManage(db, undefined, assignment.id, T0);
		await grantManage(db, mine.value, other.id, T0);
		const leaked = (await exchangeManageToken(db, manageToken, undefined, at(1)))!.session;
		const stranger = await grantManage(db, undefined, other.id, T0);

		const fresh = await replaceManageToken(db, assignment.id);
		expect(await revokeOtherGrants(db, assignment.id, hashToken(mine.value))).toBe(1);

		expect(await exchangeManageToken(db, manageToken, undefined, at(2))).toBeUndefined();
		expect(await verifyManageSession(db, leaked.value, at(2), assignment.id)).toBeUndefined();
		expect(await verifyManageSession(db, mine.value, at(2), assignment.id)).toBeDefined();
		expect(await verifyManageSession(db, mine.value, at(2), other.id)).toBeDefined();
		expect(await verifyManageSession(db, stranger.value, at(2), other.id)).toBeDefined();
		// The new link opens it, shown once and stored only hashed.
		expect(fresh).toBeDefined();
		expect(await dumpRows(db)).not.toContain(fresh);
		expect((await exchangeManageToken(db, fresh!, undefined, at(3)))?.assignment.id).toBe(assignment.id);
		expect(await replaceManageToken(db, 'gone')).toBeUndefined();
	});
});

describe("a browser's list of its assignments", () => {
	it('lists the classes its session opens, newest first, with how many students joined, and nothing for a stranger', async () => {
		const { db } = await tempDb();
		const first = (await assign(db, { title: 'Period 1' }, at(0))).assignment;
		const second = (await assign(db, { title: 'Period 2' }, at(10))).assignment;
		const notMine = (await assign(db, { title: 'Next door' }, at(20))).assignment;
		const session = await grantManage(db, undefined, first.id, at(30));
		await grantManage(db, session.value, second.id, at(30));
		await grantManage(db, undefined, notMine.id, at(30));
		for (const name of ['Ana', 'Ben']) await startAttempt(db, first.code, name, at(31), { getQuiz });

		const listed = await grantedAssignments(db, session.value, at(40));
		expect(listed.map((a) => [a.title, a.students])).toEqual([
			['Period 2', 0],
			['Period 1', 2]
		]);
		expect(await grantedAssignments(db, undefined, at(40))).toEqual([]);
		expect(await grantedAssignments(db, session.value, at(MANAGE_SESSION_DAYS * DAY + 31))).toEqual([]);
		await deleteAssignment(db, second.id);
		expect((await grantedAssignments(db, session.value, at(41))).map((a) => a.title)).toEqual(['Period 1']);
	});
});

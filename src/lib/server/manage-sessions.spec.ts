import { describe, expect, it } from 'vitest';
import { deleteAssignment } from './assignments.ts';
import {
	createManageSession,
	endManageSession,
	exchangeManageToken,
	manageCookieName,
	manageCookieOptions,
	MANAGE_SESSION_DAYS,
	verifyManageSession
} from './manage-sessions.ts';
import { assign, at, countRows, dumpRows, tempDb, T0 } from './test-support.ts';

const DAY = 24 * 60;

describe('manage sessions', () => {
	it('exchanges the manage token for a session cookie whose value is stored only hashed', async () => {
		const { db } = await tempDb();
		const { assignment, manageToken } = await assign(db);
		const exchanged = await exchangeManageToken(db, manageToken, T0);
		expect(exchanged?.assignment.id).toBe(assignment.id);
		const session = exchanged!.session;
		expect(session.expiresAt).toEqual(at(MANAGE_SESSION_DAYS * DAY));
		expect(await dumpRows(db)).not.toContain(session.value);

		expect(await verifyManageSession(db, session.value, at(5))).toEqual({
			assignmentId: assignment.id,
			expiresAt: session.expiresAt,
			renewed: false
		});
		// The manage link keeps working, for the teacher's other devices.
		expect(await exchangeManageToken(db, manageToken, at(6))).toBeDefined();
	});

	it('refuses a wrong token, a forged cookie and a cookie for another assignment', async () => {
		const { db } = await tempDb();
		const mine = await assign(db);
		const other = await assign(db);
		expect(await exchangeManageToken(db, other.manageToken.slice(1) + 'x', T0)).toBeUndefined();
		const session = await createManageSession(db, mine.assignment.id, T0);
		expect(await verifyManageSession(db, session.value, T0, mine.assignment.id)).toBeDefined();
		expect(await verifyManageSession(db, session.value, T0, other.assignment.id)).toBeUndefined();
		expect(await verifyManageSession(db, mine.manageToken, T0)).toBeUndefined();
		expect(await verifyManageSession(db, undefined, T0)).toBeUndefined();
		expect(await verifyManageSession(db, 'not a session', T0)).toBeUndefined();
	});

	it('expires unless used, and slides forward when used after a day', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const idle = await createManageSession(db, assignment.id, T0);
		expect(await verifyManageSession(db, idle.value, at(MANAGE_SESSION_DAYS * DAY))).toBeUndefined();

		const used = await createManageSession(db, assignment.id, T0);
		const renewed = await verifyManageSession(db, used.value, at(2 * DAY));
		expect(renewed).toEqual({ assignmentId: assignment.id, expiresAt: at((2 + MANAGE_SESSION_DAYS) * DAY), renewed: true });
		expect(await verifyManageSession(db, used.value, at(2 * DAY + 60))).toMatchObject({ renewed: false });
		// Alive past its first expiry, because it was used.
		expect(await verifyManageSession(db, used.value, at((1 + MANAGE_SESSION_DAYS) * DAY))).toBeDefined();
	});

	it('ends on sign-out and when the assignment is deleted', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const a = await createManageSession(db, assignment.id, T0);
		const b = await createManageSession(db, assignment.id, T0);
		await endManageSession(db, a.value);
		expect(await verifyManageSession(db, a.value, T0)).toBeUndefined();
		expect(await verifyManageSession(db, b.value, T0)).toBeDefined();
		await deleteAssignment(db, assignment.id);
		expect(await verifyManageSession(db, b.value, T0)).toBeUndefined();
		expect((await countRows(db)).manage_sessions).toBe(0);
	});

	it('names one HttpOnly, SameSite=Lax cookie per assignment', () => {
		expect(manageCookieName('abc')).toBe('whosays_manage_abc');
		expect(manageCookieOptions(T0, new URL('http://192.168.1.20:3000/teach'))).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure: false, expires: T0 });
		expect(manageCookieOptions(T0, new URL('https://quiz.school.example/teach'))).toMatchObject({ secure: true });
	});
});

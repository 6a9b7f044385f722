import { describe, expect, it } from 'vitest';
import { assign, at, tempDb } from '../../test-support/db.ts';
import { claimSweep, cleanUpIfDue, CLEANUP_EVERY_MS } from './cleanup.ts';
import { findAssignment } from './assignments.ts';

describe('the hourly clean-up across app processes', () => {
	it('is claimed by one process an hour, whichever asks first', async () => {
		const { db } = await tempDb();
		const ask = (minutes: number) => Promise.all([0, 1, 2].map(() => claimSweep(db, 'test', at(minutes), CLEANUP_EVERY_MS)));
		expect((await ask(0)).filter(Boolean)).toHaveLength(1);
		expect((await ask(30)).filter(Boolean)).toHaveLength(0);
		expect((await ask(59)).filter(Boolean)).toHaveLength(0);
		expect((await ask(60)).filter(Boolean)).toHaveLength(1);
		expect((await ask(61)).filter(Boolean)).toHaveLength(0);
	});

	it('purges what retention has outlived when it runs', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, {}, at(0));
		const later = new Date(at(0).getTime() + 181 * 24 * 60 * 60_000);
		expect(await cleanUpIfDue(db, at(1))).toBe(true);
		expect(await findAssignment(db, assignment.id)).toBeDefined();
		expect(await cleanUpIfDue(db, later)).toBe(true);
		expect(await findAssignment(db, assignment.id)).toBeUndefined();
	});
});

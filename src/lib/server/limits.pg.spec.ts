/** The limits across app processes: run by the PostgreSQL pass only (npm run test:postgres). */
import { describe, expect, it } from 'vitest';
import { tempDb } from '../../test-support/db.ts';
import { Limits, RULES } from './limits.ts';
import { sharedLimitsFor } from './shared-limits.ts';

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

const SCHOOL = '203.0.113.7';
const CLASS = 'K7M4PX';

// One process serves a SQLite file (db/lock.ts); several serve a PostgreSQL database.
describe('several app processes on one PostgreSQL database', () => {
	it('count the guesses from one address in one budget, whichever process they reach', async () => {
		const { db, target } = await tempDb();
		const time = clock();
		const [a, b] = [0, 1].map(() => new Limits({ now: time.now, shared: sharedLimitsFor(target, async () => db) })) as [Limits, Limits];
		await a.afterCodeLookup(SCHOOL, CLASS, 'found');
		for (let i = 0; i < RULES.codeGuesses.limit; i++) await (i % 2 ? a : b).afterCodeLookup(SCHOOL, `GUESS${i}`, 'unknown');
		expect(await a.beforeCodeLookup(SCHOOL, 'RT9WQ2')).toMatchObject({ status: 429 });
		expect(await b.beforeCodeLookup(SCHOOL, 'RT9WQ2')).toMatchObject({ status: 429 });
		// The class let in through one process gets in through the other.
		expect(await b.beforeCodeLookup(SCHOOL, CLASS)).toBeNull();
	});

	it('keep no network address in the database, only a keyed hash of it', async () => {
		const { db, target } = await tempDb();
		const limits = new Limits({ now: clock().now, shared: sharedLimitsFor(target, async () => db) });
		await limits.afterCodeLookup(SCHOOL, CLASS, 'found');
		await limits.afterCodeLookup(SCHOOL, 'GUESS1', 'unknown');
		const rows = JSON.stringify([await db.selectFrom('let_in').selectAll().execute(), await db.selectFrom('rate_buckets').selectAll().execute()]);
		expect(rows).toContain(CLASS);
		expect(rows).not.toContain(SCHOOL);
		expect(rows).not.toContain('203.0.113');
	});

	it('give out each token once when they take at the same moment', async () => {
		const { db, target } = await tempDb();
		const time = clock();
		const processes = [0, 1, 2].map(() => new Limits({ now: time.now, shared: sharedLimitsFor(target, async () => db) }));
		const tries = await Promise.all(
			Array.from({ length: RULES.manageGuesses.limit + 10 }, (_, i) => processes[i % 3]!.manageLookupFailed(SCHOOL))
		);
		expect(tries.filter((refusal) => refusal === null)).toHaveLength(RULES.manageGuesses.limit);
	});
});

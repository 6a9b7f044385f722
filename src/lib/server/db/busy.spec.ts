import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempSqlite } from '../../../test-support/db.ts';
import { DatabaseBusy, whileBusy } from './busy.ts';

/** The longest the event loop went without a turn while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stall: number; outcome: unknown }> {
	let last = performance.now();
	let stall = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		stall = Math.max(stall, now - last);
		last = now;
	}, 5);
	const outcome = await work().catch((e: unknown) => e);
	clearInterval(ticker);
	return { stall, outcome };
}

describe('a database locked by another program', () => {
	it('never holds the thread for long, and gives up with DatabaseBusy', async () => {
		const { db, path } = await tempSqlite();
		const other = new SQLite(path);
		other.exec('begin immediate');
		try {
			const { stall, outcome } = await longestStall(() => db.insertInto('teacher_sessions').values({ id_hash: 'x', created_at: 'a', expires_at: 'b' }).execute());
			expect(outcome).toBeInstanceOf(DatabaseBusy);
			// SQLite's own wait is 50 ms; everything longer is spent in pauses that give the thread back.
			expect(stall).toBeLessThan(250);
		} finally {
			other.exec('rollback');
			other.close();
		}
	});

	it('carries on as soon as the lock is let go', async () => {
		const { db, path } = await tempSqlite();
		const other = new SQLite(path);
		other.exec('begin immediate');
		setTimeout(() => other.exec('rollback'), 150);
		await db.insertInto('teacher_sessions').values({ id_hash: 'y', created_at: 'a', expires_at: 'b' }).execute();
		expect(await db.selectFrom('teacher_sessions').select('id_hash').execute()).toEqual([{ id_hash: 'y' }]);
		other.close();
	});

	it('passes any other error straight on', async () => {
		await expect(whileBusy(() => Promise.reject(Object.assign(new Error('no'), { code: 'SQLITE_CONSTRAINT' })))).rejects.toThrow('no');
	});
});

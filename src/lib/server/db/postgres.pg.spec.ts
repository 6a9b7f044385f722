import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { tempDb, TEST_POSTGRES } from '../../../test-support/db.ts';
import { isTemporary } from './dialect.ts';
import { inTransaction } from './transaction.ts';

/** Ends every connection of the app's pools, as a server restart does. */
async function dropAppConnections(url: string): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query(
			"select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = 'who-says' and pid <> pg_backend_pid()"
		);
		return rows.length;
	} finally {
		await client.end();
	}
}

describe('a PostgreSQL server that drops the app’s connections (a restart)', () => {
	it('fails what was under way as worth a retry, and the next request gets a new connection', async () => {
		const { db } = await tempDb();
		await sql`select 1`.execute(db);
		const failed = await inTransaction(db, async (trx) => {
			await sql`select 1`.execute(trx);
			// Idle in the pool, and out of it in the middle of a transaction: neither may end the process.
			await dropAppConnections(TEST_POSTGRES!);
			await new Promise((resolve) => setTimeout(resolve, 50));
			await sql`select 1`.execute(trx);
		}).catch((error: unknown) => error);
		expect(isTemporary(failed)).toBe(true);
		const { rows } = await sql<{ n: number }>`select 2 as n`.execute(db);
		expect(rows).toEqual([{ n: 2 }]);
	});
});

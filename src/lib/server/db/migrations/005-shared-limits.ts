/**
 * State that every app process must see, so any number of them can serve one
 * PostgreSQL database (and one SQLite file keeps working the same way):
 * - rate_buckets: the limits on guessing class codes and manage links, per
 *   address (limits.ts; the arithmetic is rate-limit.ts's);
 * - let_in: the class codes an address may open past its guessing budget;
 * - sweeps: when each periodic job last ran, so it runs once per interval
 *   across all processes (cleanup.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rate_buckets')
		.addColumn('rule', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('tokens', 'double precision', (c) => c.notNull())
		.addColumn('counted_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_buckets_pk', ['rule', 'key'])
		.execute();
	await db.schema
		.createTable('let_in')
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('until', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('let_in_pk', ['address', 'code'])
		.execute();
	await db.schema
		.createTable('sweeps')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('ran_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['sweeps', 'let_in', 'rate_buckets']) await db.schema.dropTable(table).execute();
}

/**
 * Transactions, the same way for both stores. Isolation is each store's
 * default: SQLite's (one writer at a time, so serializable) and PostgreSQL's
 * READ COMMITTED, with row locks where a transaction decides on what it read
 * (dialect.ts). docs/storage.md lists each write and what it relies on.
 */
import type { Kysely } from 'kysely';

/** PostgreSQL ended this transaction to break a deadlock, or could not serialize it: running it again is safe. */
function isRetryable(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '40P01' || code === '40001';
}

const TRIES = 3;

/**
 * Runs `work` in a transaction, or inside the one `db` already is. Two
 * transactions that lock rows of one class in different orders (a teacher
 * closing it while the hourly sweep finishes overdue attempts) can deadlock
 * on PostgreSQL, which then ends one of them; that one runs again.
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
	if (db.isTransaction) return work(db);
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute(work);
		} catch (error) {
			if (attempt >= TRIES || !isRetryable(error)) throw error;
		}
	}
}

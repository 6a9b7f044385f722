/**
 * What differs between the two stores, kept here so the migrations, queries
 * and rules elsewhere are written once for both.
 *
 * - Locks. PostgreSQL runs transactions side by side, so a transaction that
 *   reads a row to decide a write locks it: `for update` to change it (renaming
 *   a student), `for share` to keep it as read (a join keeps its class open, an
 *   answer its attempt unfinished); and transactions about one thing that has
 *   no row yet (joins under one name) take turns on an advisory lock. SQLite
 *   has no such clauses and needs none: each process has one connection, on
 *   which Kysely runs one transaction at a time, and one process serves a file
 *   (lock.ts).
 * - Errors worth trying again in a moment: SQLite locked by another program
 *   (busy.ts), PostgreSQL restarting or out of reach (postgres.ts).
 * - Opening the store and its pool: sqlite.ts and postgres.ts.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { DatabaseBusy, isBusy } from './busy.ts';
import { isPostgresUnavailable } from './postgres.ts';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): Dialect {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether transactions must lock what they decide on (see above). For `query.$if(locksRows(db), (q) => q.forUpdate())`. */
export function locksRows(db: Kysely<any>): boolean {
	return dialectOf(db) === 'postgres';
}

/**
 * Makes the transactions that name the same `key` take turns, until each
 * ends: PostgreSQL's transaction-level advisory lock on the key's hash.
 * Nothing on SQLite, where transactions take turns anyway.
 */
export async function takeTurnsOn(db: Kysely<any>, key: string): Promise<void> {
	if (locksRows(db)) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
}

/** `for share`, for a statement written in SQL, where the store locks rows; nothing where it does not. */
export function forShare(db: Kysely<any>): RawBuilder<unknown> {
	return locksRows(db) ? sql`for share` : sql``;
}

/** The store is busy or out of reach for a moment: the request gets a 503 with Retry-After, and nothing the user did is lost. */
export function isTemporary(error: unknown): boolean {
	return error instanceof DatabaseBusy || isBusy(error) || isPostgresUnavailable(error);
}

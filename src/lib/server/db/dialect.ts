/**
 * What differs between the two stores, kept here so the migrations, queries
 * and rules elsewhere are written once for both.
 *
 * - Row locks. PostgreSQL runs transactions side by side, so a transaction
 *   that reads a row to decide a write locks it: `for update` to change it
 *   (joining a class, so two joins under one name cannot both pass the count),
 *   `for share` to keep it as read (an answer, so its attempt cannot finish
 *   under it). SQLite has no such clause and needs none: each process has one
 *   connection, on which Kysely runs one transaction at a time, and one process
 *   serves a file (lock.ts).
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

/** Whether transactions must lock the rows they decide on (see above). For `query.$if(locksRows(db), (q) => q.forUpdate())`. */
export function locksRows(db: Kysely<any>): boolean {
	return dialectOf(db) === 'postgres';
}

/** `for share`, for a statement written in SQL, where the store locks rows; nothing where it does not. */
export function forShare(db: Kysely<any>): RawBuilder<unknown> {
	return locksRows(db) ? sql`for share` : sql``;
}

/** The store is busy or out of reach for a moment: the request gets a 503 with Retry-After, and nothing the user did is lost. */
export function isTemporary(error: unknown): boolean {
	return error instanceof DatabaseBusy || isBusy(error) || isPostgresUnavailable(error);
}

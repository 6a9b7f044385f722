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
 * - Opening the store, its pool and its errors: sqlite.ts and postgres.ts.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

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

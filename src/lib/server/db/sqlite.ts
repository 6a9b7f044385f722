/**
 * The embedded store: one SQLite file, one connection per process, opened by
 * better-sqlite3 behind Kysely's SQLite dialect (made patient with a busy
 * database by busy.ts).
 */
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUSY_TIMEOUT_MS, PatientSqliteDialect } from './busy.ts';
import type { Database } from './tables.ts';

/**
 * Set on every connection, since SQLite forgets all but journal_mode on close.
 *
 * - journal_mode=WAL: readers and the one writer do not block each other, so a
 *   teacher's dashboard reads while a class is answering.
 * - synchronous=NORMAL: with WAL, a commit is appended to the log and fsynced
 *   only at checkpoints. The file cannot be corrupted this way; a crash of the
 *   process loses nothing (the OS holds the writes), and a power cut can at worst
 *   roll back the last commits before the checkpoint. Worth it to save an fsync
 *   on every answer a student submits.
 * - busy_timeout: if another program holds the write lock (a backup, the
 *   sqlite3 shell), wait a moment for it; longer waits give the thread back
 *   between tries (busy.ts).
 * - foreign_keys=ON: off by default in SQLite; deleting an assignment relies on
 *   ON DELETE CASCADE to remove its attempts, answers and sessions.
 */
function applyPragmas(sqlite: SQLite.Database): void {
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	sqlite.pragma('foreign_keys = ON');
}

/** Prepared statements kept per connection; the app's queries come to a few dozen distinct texts. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * The connection as Kysely sees it, with each SQL text prepared once.
 * Kysely's SQLite driver calls prepare() for every query, so SQLite would parse
 * and plan the same text again each time. Measured on storing an answer
 * (resumeAttempt + submitAnswer, 10,000 in a row), the database work fell from
 * about 330 µs to 185 µs of CPU with statements reused. Kysely
 * compiles a query of the same shape to the same text, with the values as
 * parameters, so the statement can be run again with new ones. Reuse is safe
 * because Kysely runs one query at a time on this one connection, and SQLite
 * re-plans a statement by itself if a migration changes the schema under it.
 * Least recently used texts are dropped past `size`, since a query with a
 * list of values (`in (?, ?, ?)`) makes a new text for each length.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql) {
			let statement = statements.get(sql);
			if (statement) statements.delete(sql);
			else {
				statement = sqlite.prepare(sql);
				if (statements.size >= size) statements.delete(statements.keys().next().value!);
			}
			// A Map keeps insertion order: re-inserting makes this the most recently used.
			statements.set(sql, statement);
			return statement;
		}
	};
}

/** Opens the file at `path` (creating it and its folder if need be); ":memory:" for a throwaway one. Not migrated. */
export function openSqlite(path: string): Kysely<Database> {
	if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	applyPragmas(sqlite);
	return new Kysely<Database>({ dialect: new PatientSqliteDialect({ database: withStatementCache(sqlite) }) });
}

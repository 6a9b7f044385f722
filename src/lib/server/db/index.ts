/**
 * The store: one SQLite file by default (a school on one machine), or one
 * PostgreSQL database when DATABASE_URL names one (a district with several app
 * processes). Opened once per process and migrated to the latest schema
 * before first use. Kysely is the only way in, and the queries and
 * migrations are the same for both; what differs is in dialect.ts, sqlite.ts
 * and postgres.ts (see docs/storage.md).
 */
import { Kysely, Migrator } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { logWarning } from '../log.ts';
import { lockDatabase } from './lock.ts';
import { migrations } from './migrations/index.ts';
import { DEFAULT_POOL_SIZE, isPostgresUrl, openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Database } from './tables.ts';

export type Db = Kysely<Database>;

const DEFAULT_DB_PATH = './data/whosays.db';

export async function migrateToLatest(db: Db): Promise<void> {
	// On PostgreSQL, Kysely holds an advisory lock while it migrates: processes starting together take turns.
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
}

export interface OpenOptions {
	/** PostgreSQL: connections in this process's pool. */
	poolSize?: number;
	onIdleError?: (error: Error) => void;
}

/**
 * Opens and migrates the store `target` names: a postgres:// URL, or the path
 * of a SQLite file (created with its folder if need be; ":memory:" for a
 * throwaway one).
 */
export async function createDb(target: string, options: OpenOptions = {}): Promise<Db> {
	const db = isPostgresUrl(target) ? openPostgres(target, options) : openSqlite(target);
	try {
		await migrateToLatest(db);
	} catch (error) {
		await db.destroy();
		throw error;
	}
	return db;
}

/** Where this process's store is: DATABASE_URL, or the SQLite file at WHOSAYS_DB (default ./data/whosays.db). */
export function storeTarget(env: NodeJS.ProcessEnv = process.env): string {
	return env.DATABASE_URL || env.WHOSAYS_DB || DEFAULT_DB_PATH;
}

export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
	const size = Number(env.DATABASE_POOL_SIZE);
	return Number.isInteger(size) && size > 0 ? size : DEFAULT_POOL_SIZE;
}

// One handle for the whole process: not per-user state. SQLite: better-sqlite3
// is synchronous and Kysely serialises queries on its one connection, so more
// handles would only add lock contention. PostgreSQL: the handle is the pool.
let opening: Promise<Db> | undefined;
let unlock: (() => void) | undefined;

/**
 * The process's store, opened on first call. A SQLite file is refused with
 * DatabaseInUse when another server has it (lock.ts); a PostgreSQL database
 * is shared by every process given its URL.
 */
export function getDb(): Promise<Db> {
	opening ??= (async () => {
		const target = storeTarget();
		if (process.env.DATABASE_URL && !isPostgresUrl(target))
			throw new Error('DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); for a SQLite file, set WHOSAYS_DB instead');
		if (isPostgresUrl(target)) return createDb(target, { poolSize: poolSize(), onIdleError: (e) => logWarning('PostgreSQL dropped a connection:', e) });
		if (target !== ':memory:') {
			mkdirSync(dirname(target), { recursive: true });
			unlock = lockDatabase(target);
		}
		return createDb(target);
	})().catch((error: unknown) => {
		unlock?.();
		opening = unlock = undefined;
		throw error;
	});
	return opening;
}

/** Closes the process's store; the next getDb() opens it again. For shutdown and tests. */
export async function closeDb(): Promise<void> {
	const current = opening;
	opening = undefined;
	if (current) await (await current).destroy();
	unlock?.();
	unlock = undefined;
}

/**
 * PostgreSQL, for a district: any number of app processes against one
 * server, each with a pool of connections (`pg`, behind Kysely's PostgreSQL
 * dialect). Chosen by DATABASE_URL (see index.ts).
 *
 * Pool size: DATABASE_POOL_SIZE connections a process, 10 by default. A
 * process runs JavaScript on one thread, and its answers go to the database
 * a batch at a time (batch.ts), so a few connections keep it busy; the rest
 * serve page loads and dashboards while a batch is out. The server's
 * max_connections (100 by default, a few kept for the superuser) must cover
 * every process's pool: 3 processes × 10 = 30. docs/deploy.md has the sums.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';

export const DEFAULT_POOL_SIZE = 10;

export function isPostgresUrl(target: string): boolean {
	return /^postgres(ql)?:\/\//i.test(target);
}

/** Counts (bigint) as numbers, as SQLite gives them: no count in this app comes near 2^53. */
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

export interface PostgresOptions {
	poolSize?: number;
	/** What the pool reports when the server drops a connection (a restart); logged by the app. */
	onIdleError?: (error: Error) => void;
}

/** A pool on the database at `url`, as Kysely. Not migrated; connects on first use. */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
	const pool = new pg.Pool({
		connectionString: url,
		max: options.poolSize ?? DEFAULT_POOL_SIZE,
		// A request waits at most this long for a connection, then fails (a 503, see isUnavailable) rather than hang while the server is down.
		connectionTimeoutMillis: 5_000,
		idleTimeoutMillis: 30_000,
		application_name: 'who-says',
		types
	});
	// A connection the server drops (a restart) emits an error: from the pool while it is idle, from the client
	// while it is out (between the statements of a transaction, say). Unheard, either would end the process; the
	// query on it fails by itself and the pool drops the connection.
	const dropped = options.onIdleError ?? (() => {});
	pool.on('error', dropped);
	pool.on('connect', (client) => client.on('error', dropped));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'57P01', // admin_shutdown: the server is stopping
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now: starting up or recovering
	'08000',
	'08001',
	'08003',
	'08004',
	'08006'
]);

/** The PostgreSQL server could not be reached or went away mid-query: worth trying again in a moment. */
export function isPostgresUnavailable(error: unknown): boolean {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
	return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

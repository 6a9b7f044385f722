/**
 * Waiting for a busy database without stopping the server. SQLite's own
 * busy_timeout waits inside the call, and better-sqlite3's calls run on Node's
 * only thread: a lock held elsewhere (a backup, the sqlite3 shell) for 5 s
 * would freeze every request, static files included, for 5 s. Instead the
 * connection waits a moment (BUSY_TIMEOUT_MS), and a query that still finds
 * the database busy is tried again after a pause that gives the thread back;
 * past RETRY_MS in all it fails with DatabaseBusy, which the app answers with
 * 503 and Retry-After.
 */
import { SqliteDialect, type DatabaseConnection, type Driver, type QueryResult, type CompiledQuery, type TransactionSettings } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long one call may block the thread waiting for a lock. */
export const BUSY_TIMEOUT_MS = 50;
const PAUSES_MS = [25, 50, 100, 200, 400, 800];

/** Seconds to suggest, in Retry-After, before trying again. */
export const BUSY_RETRY_AFTER = 2;

export class DatabaseBusy extends Error {
	override readonly name = 'DatabaseBusy';
	constructor() {
		super('The database stayed busy (locked by another program) for too long');
	}
}

export function isBusy(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Runs `work`, trying again after a pause while SQLite reports the database busy. */
export async function whileBusy<T>(work: () => Promise<T>, pauses: readonly number[] = PAUSES_MS): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			if (!isBusy(error)) throw error;
			const pause = pauses[attempt];
			if (pause === undefined) throw new DatabaseBusy();
			await sleep(pause);
		}
	}
}

class PatientConnection implements DatabaseConnection {
	constructor(readonly inner: DatabaseConnection) {}
	executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		return whileBusy(() => this.inner.executeQuery<R>(query));
	}
	streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
		return this.inner.streamQuery<R>(query, chunkSize);
	}
}

/** Kysely's SQLite driver, with every statement (begin and commit included) tried again while the database is busy. */
class PatientDriver implements Driver {
	constructor(readonly inner: Driver) {}
	init() {
		return this.inner.init();
	}
	async acquireConnection() {
		return new PatientConnection(await this.inner.acquireConnection());
	}
	beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
		return this.inner.beginTransaction(connection, settings);
	}
	commitTransaction(connection: DatabaseConnection) {
		return this.inner.commitTransaction(connection);
	}
	rollbackTransaction(connection: DatabaseConnection) {
		return this.inner.rollbackTransaction(connection);
	}
	releaseConnection(connection: DatabaseConnection) {
		return this.inner.releaseConnection((connection as PatientConnection).inner);
	}
	destroy() {
		return this.inner.destroy();
	}
}

export class PatientSqliteDialect extends SqliteDialect {
	override createDriver(): Driver {
		return new PatientDriver(super.createDriver());
	}
}

/**
 * Class events across app processes, over PostgreSQL's LISTEN/NOTIFY: a
 * student's answer reaches the process serving a teacher's dashboard, whichever
 * process took the answer.
 *
 * Publishing sends a NOTIFY on the pool; every process (this one included)
 * holds one connection that LISTENs, from its first subscriber on, and hands
 * what it hears to its own watchers. An event is delivered once per process,
 * in the order the database committed them. While that connection is down (a
 * database restart), events are missed and it connects again; a dashboard
 * reloads its report from the database anyway, so it is late, not wrong.
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { ClassEvent, ClassEventKind, ClassEvents, ClassListener } from '../events.ts';
import type { Db } from './index.ts';

export const CHANNEL = 'whosays_class_events';
const KINDS: readonly ClassEventKind[] = ['joined', 'answered', 'finished', 'changed'];
const RECONNECT_MS = 1_000;

function parse(payload: string | undefined): ClassEvent | undefined {
	try {
		const value = JSON.parse(payload ?? '') as Partial<ClassEvent>;
		return typeof value.assignmentId === 'string' && KINDS.includes(value.kind as ClassEventKind)
			? { assignmentId: value.assignmentId, kind: value.kind as ClassEventKind }
			: undefined;
	} catch {
		return undefined;
	}
}

export interface NotifiedEventsOptions {
	/** The database to LISTEN on. */
	url: string;
	/** The pool to NOTIFY on. */
	db: () => Promise<Db>;
	/** Delivers to this process's watchers (events.ts's InProcessEvents). */
	here: ClassEvents;
	onError: (context: string, error: unknown) => void;
}

export class NotifiedEvents implements ClassEvents {
	readonly #options: NotifiedEventsOptions;
	#client: pg.Client | undefined;
	#listening: Promise<void> | undefined;
	#closed = false;

	constructor(options: NotifiedEventsOptions) {
		this.#options = options;
	}

	publish(event: ClassEvent): void {
		// The request that announced it goes on; a lost announcement only delays a dashboard.
		void this.#notify(event).catch((error: unknown) => this.#options.onError('Could not announce a class event:', error));
	}

	subscribe(assignmentId: string, listener: ClassListener): () => void {
		this.#listening ??= this.#listen();
		return this.#options.here.subscribe(assignmentId, listener);
	}

	/** Resolves once this process is listening (for tests and start-up). */
	async ready(): Promise<void> {
		this.#listening ??= this.#listen();
		await this.#listening;
	}

	async close(): Promise<void> {
		this.#closed = true;
		const client = this.#client;
		this.#client = undefined;
		await client?.end().catch(() => {});
	}

	async #notify(event: ClassEvent): Promise<void> {
		const db = await this.#options.db();
		await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(db);
	}

	async #listen(): Promise<void> {
		const client = new pg.Client({ connectionString: this.#options.url, application_name: 'who-says events' });
		client.on('notification', (message) => {
			const event = parse(message.payload);
			if (event) this.#options.here.publish(event);
		});
		const lost = (error?: unknown) => {
			if (this.#client !== client) return;
			this.#client = undefined;
			this.#listening = undefined;
			if (error) this.#options.onError('Stopped hearing class events from the database; connecting again:', error);
			if (!this.#closed) setTimeout(() => void this.#retry(), RECONNECT_MS).unref();
		};
		client.on('error', lost);
		client.on('end', () => lost());
		this.#client = client;
		try {
			await client.connect();
			await client.query(`listen ${CHANNEL}`);
		} catch (error) {
			lost(error);
			await client.end().catch(() => {});
		}
	}

	async #retry(): Promise<void> {
		if (this.#closed || this.#listening) return;
		this.#listening = this.#listen();
		await this.#listening;
	}
}

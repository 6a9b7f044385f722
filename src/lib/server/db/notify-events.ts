/**
 * Class events across app processes, over PostgreSQL's LISTEN/NOTIFY: a
 * student's answer reaches the process serving a teacher's dashboard, whichever
 * process took the answer.
 *
 * Publishing sends a NOTIFY on the pool; every process (this one included)
 * holds one connection that LISTENs, from its first subscriber on, and hands
 * what it hears to its own watchers. An event is delivered once per process,
 * in the order the database committed them. The events a process publishes
 * in one turn of the event loop go in one NOTIFY, each distinct event once: a
 * class answering at once is one statement, not one per answer, and a
 * watcher learns the same (that the class answered). While that connection is down (a
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

/** A payload holds this many events at most (PostgreSQL takes up to 8,000 bytes; an event is about 70). */
const PER_NOTIFY = 100;

function parse(payload: string | undefined): ClassEvent[] {
	try {
		const values = JSON.parse(payload ?? '') as unknown;
		if (!Array.isArray(values)) return [];
		return values.flatMap((value: Partial<ClassEvent>) =>
			typeof value?.assignmentId === 'string' && KINDS.includes(value.kind as ClassEventKind)
				? [{ assignmentId: value.assignmentId, kind: value.kind as ClassEventKind }]
				: []
		);
	} catch {
		return [];
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
	/** Events published in this turn of the event loop, by `${assignmentId} ${kind}`. */
	#outgoing = new Map<string, ClassEvent>();

	constructor(options: NotifiedEventsOptions) {
		this.#options = options;
	}

	publish(event: ClassEvent): void {
		if (this.#outgoing.size === 0) setImmediate(() => this.#flush());
		this.#outgoing.set(`${event.assignmentId} ${event.kind}`, event);
	}

	#flush(): void {
		const events = [...this.#outgoing.values()];
		this.#outgoing.clear();
		for (let i = 0; i < events.length; i += PER_NOTIFY) {
			// The requests that announced them have gone on; a lost announcement only delays a dashboard.
			void this.#notify(events.slice(i, i + PER_NOTIFY)).catch((error: unknown) =>
				this.#options.onError('Could not announce class events:', error)
			);
		}
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

	async #notify(events: ClassEvent[]): Promise<void> {
		const db = await this.#options.db();
		await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(events)})`.execute(db);
	}

	async #listen(): Promise<void> {
		const client = new pg.Client({ connectionString: this.#options.url, application_name: 'who-says events' });
		client.on('notification', (message) => {
			for (const event of parse(message.payload)) this.#options.here.publish(event);
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

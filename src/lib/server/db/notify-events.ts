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
 * database restart), events are missed and it connects again; once it is
 * back, every watcher in this process is told `unheard`, so an open
 * dashboard looks again (its figures, and whether its access still holds).
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { ClassEvent, ClassEventKind, ClassEvents, ClassListener, InProcessEvents } from '../events.ts';
import type { Db } from './index.ts';

export const CHANNEL = 'whosays_class_events';
const KINDS: readonly ClassEventKind[] = ['joined', 'answered', 'finished', 'changed', 'access-ended'];
const RECONNECT_MS = 1_000;

/** A payload's size at most: PostgreSQL takes up to 8,000 bytes (an event is about 70, 130 with a session kept). */
const NOTIFY_BYTES = 7_000;

/** The events in payloads of NOTIFY_BYTES at most. */
export function payloads(events: readonly ClassEvent[]): string[] {
	const out: string[] = [];
	let part: string[] = [];
	let bytes = 2;
	for (const event of events) {
		const text = JSON.stringify(event);
		if (part.length && bytes + text.length + 1 > NOTIFY_BYTES) {
			out.push(`[${part.join(',')}]`);
			part = [];
			bytes = 2;
		}
		part.push(text);
		bytes += text.length + 1;
	}
	if (part.length) out.push(`[${part.join(',')}]`);
	return out;
}

function parse(payload: string | undefined): ClassEvent[] {
	try {
		const values = JSON.parse(payload ?? '') as unknown;
		if (!Array.isArray(values)) return [];
		return values.flatMap((value: Partial<ClassEvent>) =>
			typeof value?.assignmentId === 'string' && KINDS.includes(value.kind as ClassEventKind)
				? [{ assignmentId: value.assignmentId, kind: value.kind as ClassEventKind, ...(typeof value.keep === 'string' ? { keep: value.keep } : {}) }]
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
	/** Delivers to this process's watchers. */
	here: InProcessEvents;
	onError: (context: string, error: unknown) => void;
}

export class NotifiedEvents implements ClassEvents {
	readonly #options: NotifiedEventsOptions;
	#client: pg.Client | undefined;
	#listening: Promise<void> | undefined;
	#closed = false;
	/** Set when the listening connection is lost: events may have been published meanwhile, unheard here. */
	#missed = false;
	/** Events published in this turn of the event loop, by `${assignmentId} ${kind} ${keep}`. */
	#outgoing = new Map<string, ClassEvent>();

	constructor(options: NotifiedEventsOptions) {
		this.#options = options;
	}

	publish(event: ClassEvent): void {
		if (this.#outgoing.size === 0) setImmediate(() => this.#flush());
		this.#outgoing.set(`${event.assignmentId} ${event.kind} ${event.keep ?? ''}`, event);
	}

	#flush(): void {
		const events = [...this.#outgoing.values()];
		this.#outgoing.clear();
		for (const payload of payloads(events)) {
			// The requests that announced them have gone on; a lost announcement only delays a dashboard.
			void this.#notify(payload).catch((error: unknown) => this.#options.onError('Could not announce class events:', error));
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

	async #notify(payload: string): Promise<void> {
		const db = await this.#options.db();
		await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(db);
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
			this.#missed = true;
			if (error) this.#options.onError('Stopped hearing class events from the database; connecting again:', error);
			if (!this.#closed) setTimeout(() => void this.#retry(), RECONNECT_MS).unref();
		};
		client.on('error', lost);
		client.on('end', () => lost());
		this.#client = client;
		try {
			await client.connect();
			await client.query(`listen ${CHANNEL}`);
			if (this.#missed) {
				this.#missed = false;
				for (const assignmentId of this.#options.here.watched()) this.#options.here.publish({ assignmentId, kind: 'unheard' });
			}
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

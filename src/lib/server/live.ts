/**
 * Open dashboards, kept current by server-sent events. A dashboard that is
 * watching an assignment holds one stream; when a student joins, answers or
 * finishes (classEvents), the assignment's figures are read once and the same
 * text goes to every stream watching it.
 *
 * Bursts are coalesced: a class of 40 answering within a second costs one
 * read, not 40. The first event after a quiet spell is sent at once; events
 * that come sooner than `minIntervalMs` after a read wait for the next one,
 * which comes `minIntervalMs` after the last. So a teacher sees an answer within
 * about a second, and a busy class costs at most one read a second, however
 * many dashboards watch it.
 *
 * In memory, for one process, like the class events it listens to.
 */
import type { ClassEvents } from './events.ts';

export interface LiveOptions {
	events: ClassEvents;
	/** An assignment's figures as one JSON text; null once the assignment is gone. */
	read: (assignmentId: string) => Promise<string | null>;
	/** The least time between two reads of one assignment. */
	minIntervalMs?: number;
	/** How often an idle stream gets a comment, so a connection that died is noticed and proxies keep it open. */
	heartbeatMs?: number;
	/** Told when a read fails; the streams stay open and the next event tries again. */
	onError?: (error: unknown) => void;
	now?: () => number;
}

/** A browser reconnects this long after its stream dropped (the EventSource `retry` field). */
export const RETRY_MS = 3000;
/** A stream whose reader lets this much pile up (a stalled connection) is ended; the browser reconnects and catches up. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

interface Watcher {
	/** The hash of the teacher session that opened it. */
	session: string;
	send(text: string): void;
	end(): void;
}

interface Board {
	watchers: Set<Watcher>;
	unsubscribe: () => void;
	heartbeat: ReturnType<typeof setInterval>;
	timer: ReturnType<typeof setTimeout> | undefined;
	reading: boolean;
	dirty: boolean;
	lastRead: number;
}

export class LiveBoards {
	readonly #boards = new Map<string, Board>();
	/** Set once the server is shutting down: no new stream opens. */
	#closing = false;
	readonly #options: Required<Omit<LiveOptions, 'onError'>> & Pick<LiveOptions, 'onError'>;
	/** Reads done, for tests and measurements. */
	reads = 0;

	constructor(options: LiveOptions) {
		this.#options = { minIntervalMs: 1000, heartbeatMs: 25_000, now: Date.now, ...options };
	}

	/**
	 * An event stream of one assignment's figures for one teacher session: the
	 * figures now (an `event: figures` whose data is the JSON), then again
	 * whenever the class changes, at most once per interval.
	 */
	open(assignmentId: string, session: string): Response {
		if (this.#closing)
			return new Response('The server is restarting.', { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '5' } });
		const encoder = new TextEncoder();
		let watcher: Watcher | undefined;
		const stream = new ReadableStream<Uint8Array>(
			{
				start: (controller) => {
					let ended = false;
					const w: Watcher = {
						session,
						send: (text) => {
							if (ended) return;
							if ((controller.desiredSize ?? 0) < -MAX_BACKLOG_BYTES) return w.end();
							controller.enqueue(encoder.encode(text));
						},
						end: () => {
							if (ended) return;
							ended = true;
							this.#leave(assignmentId, w);
							controller.close();
						}
					};
					watcher = w;
					controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
					this.#join(assignmentId, w);
				},
				cancel: () => {
					if (watcher) this.#leave(assignmentId, watcher);
				}
			},
			{ highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength }
		);
		return new Response(stream, {
			headers: {
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-store',
				// Proxies that buffer (nginx) pass each event on at once.
				'x-accel-buffering': 'no',
				// A stream's connection is not reused once it ends: a server shutting down then finds it closed.
				connection: 'close'
			}
		});
	}

	/**
	 * Ends the streams watching an assignment, but those of the session `keep`:
	 * their grant has ended, or the assignment has. Each is told so first (an
	 * `ended` event), so its page looks again at once instead of reconnecting.
	 */
	end(assignmentId: string, keep?: string): void {
		for (const w of [...(this.#boards.get(assignmentId)?.watchers ?? [])]) {
			if (w.session === keep) continue;
			w.send('event: ended\ndata: {}\n\n');
			w.end();
		}
	}

	/** Ends every stream and opens no new one, so a server shutting down is not held open by dashboards. */
	endAll(): void {
		this.#closing = true;
		for (const board of [...this.#boards.values()]) for (const w of [...board.watchers]) w.end();
	}

	/** Streams open now, over every assignment. */
	get watching(): number {
		let n = 0;
		for (const board of this.#boards.values()) n += board.watchers.size;
		return n;
	}

	#join(assignmentId: string, watcher: Watcher): void {
		let board = this.#boards.get(assignmentId);
		if (!board) {
			const created: Board = {
				watchers: new Set(),
				unsubscribe: this.#options.events.subscribe(assignmentId, () => this.#changed(assignmentId, created)),
				heartbeat: setInterval(() => {
					for (const w of created.watchers) w.send(': still here\n\n');
				}, this.#options.heartbeatMs),
				timer: undefined,
				reading: false,
				dirty: false,
				lastRead: -Infinity
			};
			board = created;
			this.#boards.set(assignmentId, board);
		}
		board.watchers.add(watcher);
		// A new watcher needs the figures now: what happened between its page's load and this stream is in them.
		this.#changed(assignmentId, board);
	}

	#leave(assignmentId: string, watcher: Watcher): void {
		const board = this.#boards.get(assignmentId);
		if (!board?.watchers.delete(watcher) || board.watchers.size > 0) return;
		board.unsubscribe();
		clearInterval(board.heartbeat);
		clearTimeout(board.timer);
		this.#boards.delete(assignmentId);
	}

	#changed(assignmentId: string, board: Board): void {
		board.dirty = true;
		if (board.timer !== undefined || board.reading) return;
		const wait = Math.max(0, board.lastRead + this.#options.minIntervalMs - this.#options.now());
		board.timer = setTimeout(() => {
			board.timer = undefined;
			void this.#read(assignmentId, board);
		}, wait);
	}

	async #read(assignmentId: string, board: Board): Promise<void> {
		if (this.#boards.get(assignmentId) !== board) return;
		board.dirty = false;
		board.reading = true;
		board.lastRead = this.#options.now();
		this.reads++;
		let figures: string | null | undefined;
		try {
			figures = await this.#options.read(assignmentId);
		} catch (e) {
			this.#options.onError?.(e);
		} finally {
			board.reading = false;
		}
		if (figures === null) return this.end(assignmentId);
		if (figures !== undefined) {
			const message = `event: figures\ndata: ${figures}\n\n`;
			for (const w of board.watchers) w.send(message);
		}
		// What changed while reading goes out after the interval.
		if (board.dirty && this.#boards.get(assignmentId) === board) {
			board.dirty = false;
			this.#changed(assignmentId, board);
		}
	}
}

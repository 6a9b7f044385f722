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
import { constants as zlib, createGzip } from 'node:zlib';
import type { ClassEventKind, ClassEvents } from './events.ts';

export interface LiveOptions {
	events: ClassEvents;
	/**
	 * How to read an assignment's figures while it is watched, made when its
	 * first dashboard opens and dropped when its last one closes (so it may
	 * keep what it read before). A read is told what happened since the last
	 * one, and gives the figures as one JSON text, or null once the assignment
	 * is gone.
	 */
	reader: (assignmentId: string) => Reader;
	/** The least time between two reads of one assignment. */
	minIntervalMs?: number;
	/** How often an idle stream gets a comment, so a connection that died is noticed and proxies keep it open. */
	heartbeatMs?: number;
	/** Told when a read fails; the streams stay open and the next event tries again. */
	onError?: (error: unknown) => void;
	now?: () => number;
}

/** Whether an Accept-Encoding header takes gzip (browsers' EventSource always sends one that does). */
export function acceptsGzip(header: string | null): boolean {
	for (const part of (header ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (name !== 'gzip' && name !== '*') continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	}
	return false;
}

export type Reader = (happened: ReadonlySet<ClassEventKind>) => Promise<string | null>;

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
	read: Reader;
	/** What happened since the last read. */
	happened: Set<ClassEventKind>;
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
	 *
	 * With `gzip`, the stream is compressed as one gzip stream flushed after
	 * every event, so each event still leaves at once. Each event repeats most
	 * of the one before, which the compressor still holds: an update of a class
	 * of 40 then costs a few hundred bytes on the wire instead of 20 kB.
	 */
	open(assignmentId: string, session: string, { gzip = false }: { gzip?: boolean } = {}): Response {
		if (this.#closing)
			return new Response('The server is restarting.', { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '5' } });
		const encoder = new TextEncoder();
		const zip = gzip ? createGzip({ flush: zlib.Z_SYNC_FLUSH }) : null;
		let watcher: Watcher | undefined;
		// The browser went away: the compressor may still hand over what it had, and it must go nowhere.
		let cancelled = false;
		const stream = new ReadableStream<Uint8Array>(
			{
				start: (controller) => {
					let ended = false;
					const write = (text: string) => (zip ? zip.write(text) : controller.enqueue(encoder.encode(text)));
					if (zip) {
						zip.on('data', (chunk: Buffer) => {
							if (!cancelled) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
						});
						zip.on('end', () => {
							if (!cancelled) controller.close();
						});
						zip.on('error', () => {
							if (watcher) this.#leave(assignmentId, watcher);
							if (!cancelled) controller.error(new Error('The event stream could not be compressed'));
							cancelled = true;
						});
					}
					const w: Watcher = {
						session,
						send: (text) => {
							if (ended) return;
							if ((controller.desiredSize ?? 0) < -MAX_BACKLOG_BYTES) return w.end();
							write(text);
						},
						end: () => {
							if (ended) return;
							ended = true;
							this.#leave(assignmentId, w);
							if (zip) zip.end();
							else controller.close();
						}
					};
					watcher = w;
					write(`retry: ${RETRY_MS}\n\n`);
					this.#join(assignmentId, w);
				},
				cancel: () => {
					cancelled = true;
					zip?.destroy();
					if (watcher) this.#leave(assignmentId, watcher);
				}
			},
			{ highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength }
		);
		return new Response(stream, {
			headers: {
				'content-type': 'text/event-stream; charset=utf-8',
				...(zip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
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
				read: this.#options.reader(assignmentId),
				happened: new Set(),
				unsubscribe: this.#options.events.subscribe(assignmentId, (e) => {
					// Access ended, in whichever process the teacher ended it: the other sessions' streams end.
					if (e.kind === 'access-ended') return this.end(assignmentId, e.keep);
					// Events may have been missed, an access ended among them: every page looks again, and reconnects if it may.
					if (e.kind === 'unheard') return this.end(assignmentId);
					created.happened.add(e.kind);
					this.#changed(assignmentId, created);
				}),
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
		const happened = new Set(board.happened);
		board.happened.clear();
		let figures: string | null | undefined;
		try {
			figures = await board.read(happened);
		} catch (e) {
			// Read again next time, with what happened since this one too.
			for (const kind of happened) board.happened.add(kind);
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

/**
 * Answers on their way to the server. Each answer is written to localStorage
 * before it is sent, so a reload, a closed lid or a dropped school Wi-Fi loses
 * nothing; the queue is sent in order and retried until the server has it.
 */
import type { AnswerReply } from '../quiz/schema/answer.ts';
import type { Answer } from '../quiz/schema.ts';
// An answer the server refused for good (the assignment closed, say): retrying will not help, and the quiz says why.
import { Refused } from '../machines/quiz.machine.ts';

export interface Pending {
	questionId: string;
	answer: Answer;
	seq: number;
}

/** A reply the page acts on: a superseded answer counts as recorded, since a later one of this student's stands. */
export type Delivered = Exclude<AnswerReply, { status: 'superseded' }>;

interface Stored {
	pending: Pending[];
	nextSeq: number;
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 15_000];

/** Where an attempt's queued answers are kept in localStorage. */
export const outboxKey = (attempt: string) => `whosays:outbox:${attempt}`;

export interface OutboxOptions {
	/**
	 * The attempt the page was made for: its answers are kept under its key (outboxKey), and it is sent with each, so
	 * that should this browser leave it for another (a shared Chromebook, a second tab), the server refuses what this
	 * page still sends instead of filing it under the new one.
	 */
	attempt: string;
	/** Where answers are POSTed as JSON. */
	endpoint: string;
	/** The server's next sequence number; the browser never goes below it. */
	nextSeq: number;
	fetch?: typeof fetch;
}

export class Outbox {
	/** Answers not yet confirmed by the server, oldest first. */
	pending: Pending[] = $state([]);
	/** False after a send that reached no server (the network dropped), until one succeeds. */
	online = $state(true);
	/** True after the server answered that it could not take an answer yet (503, 429), until a send succeeds. */
	busy = $state(false);
	/** The server's reason for refusing an answer, for the student to read. */
	refusal: string | null = $state(null);
	/**
	 * The refusal's status once the attempt takes no more answers: its key is not in this browser (401), the class
	 * closed (403) or is gone (404), the attempt is finished (409). The quiz stops here.
	 */
	endedBy: number | null = $state(null);
	/**
	 * How many answers this browser held that the server will never have, once the attempt ended: the refused one and
	 * those queued behind it. Every answer before them reached the server, since the queue goes in order.
	 */
	unsaved = $state(0);
	get ended(): boolean {
		return this.endedBy !== null;
	}
	/** The attempt this outbox's answers are for (see OutboxOptions). */
	get attempt(): string {
		return this.#options.attempt;
	}

	#options: OutboxOptions;
	readonly #key: string;
	#nextSeq: number;
	#sending = false;
	#retry = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#waiters = new Map<number, { resolve: (d: Delivered) => void; reject: (e: Error) => void }>();
	#drained: (() => void)[] = [];
	/** Who waits to hear of a failed send, and how many requests had begun when they asked. */
	#failed: { after: number; failed: () => void }[] = [];
	/** Requests begun so far. */
	#begun = 0;
	/** Set once the student has left: nothing is sent or stored again, even by a reply still on its way. */
	#forgotten = false;

	constructor(options: OutboxOptions) {
		this.#options = options;
		this.#key = outboxKey(options.attempt);
		const stored = this.#load();
		this.pending = stored?.pending ?? [];
		this.#nextSeq = Math.max(options.nextSeq, stored?.nextSeq ?? 0);
	}

	/** Starts sending whatever a previous page left queued, and again whenever the network returns. */
	start(): () => void {
		const wake = () => {
			this.#retry = 0;
			void this.#flush();
		};
		addEventListener('online', wake);
		void this.#flush();
		return () => {
			removeEventListener('online', wake);
			clearTimeout(this.#timer);
		};
	}

	/** Queues an answer (replacing an unsent one for the same question) and resolves when the server has it. */
	send(questionId: string, answer: Answer): Promise<Delivered> {
		if (this.#forgotten) return Promise.reject(new Refused(this.refusal ?? 'This attempt was left in this browser.'));
		// Another tab of this attempt may have sent answers since: go past its seq too, so the answer given last stands.
		this.#nextSeq = Math.max(this.#nextSeq, this.#load()?.nextSeq ?? 0);
		const item: Pending = { questionId, answer, seq: this.#nextSeq++ };
		for (const old of this.pending.filter((p) => p.questionId === questionId)) this.#waiters.get(old.seq)?.reject(new Refused('replaced'));
		this.pending = [...this.pending.filter((p) => p.questionId !== questionId), item];
		this.#save();
		const delivered = new Promise<Delivered>((resolve, reject) => this.#waiters.set(item.seq, { resolve, reject }));
		void this.#flush();
		return delivered;
	}

	/** Resolves once every queued answer has reached the server. */
	drained(): Promise<void> {
		if (this.pending.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.#drained.push(resolve));
	}

	/**
	 * Resolves the next time a send begun from now on fails for want of a connection, or finds the server busy (the
	 * answer stays queued). A retry already on its way when the network came back, failing a moment later, says
	 * nothing about a check asked for since.
	 */
	failedSend(): Promise<void> {
		return new Promise((resolve) => this.#failed.push({ after: this.#begun, failed: resolve }));
	}

	/**
	 * Stops the quiz when a refusal (of an answer, or of the finish) means the attempt takes nothing more, with the
	 * server's reason for the student, and forgets what this browser holds of the attempt. Says whether it did.
	 * `refused`: answers already taken off the queue that the refusal was for (they count as unsaved).
	 */
	end(status: number, message: string, refused = 0): boolean {
		if (![401, 403, 404, 409].includes(status)) return false;
		this.refusal = message;
		this.endedBy = status;
		this.unsaved = refused + this.pending.length;
		// Nothing queued can reach the attempt now: each waiting answer hears why, and this browser keeps none of them.
		for (const item of this.pending) this.#waiters.get(item.seq)?.reject(new Refused(message));
		this.#waiters.clear();
		this.clear();
		return true;
	}

	/** Forgets everything this browser holds for the attempt, for good: the outbox sends and stores nothing after this. */
	clear(): void {
		this.#forgotten = true;
		clearTimeout(this.#timer);
		this.pending = [];
		try {
			localStorage.removeItem(this.#key);
		} catch {
			// Nothing stored when storage is unavailable.
		}
	}

	async #flush(): Promise<void> {
		if (this.#sending || this.#forgotten) return;
		this.#sending = true;
		clearTimeout(this.#timer);
		try {
			while (this.pending.length && !this.#forgotten) {
				const item = this.pending[0]!;
				const begun = ++this.#begun;
				let response: Response;
				try {
					response = await (this.#options.fetch ?? fetch)(this.#options.endpoint, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ ...item, attempt: this.attempt })
					});
				} catch {
					return this.#later(false, begun);
				}
				if (response.status >= 500 || response.status === 429) return this.#later(true, begun);
				this.online = true;
				this.busy = false;
				this.#retry = 0;
				const body = (await response.json().catch(() => ({}))) as Partial<AnswerReply> & { message?: string };
				this.pending = this.pending.filter((p) => p !== item);
				this.#save();
				const waiter = this.#waiters.get(item.seq);
				this.#waiters.delete(item.seq);
				if (response.ok) {
					this.refusal = null;
					waiter?.resolve(body.status === 'graded' && body.graded ? { status: 'graded', graded: body.graded } : { status: 'recorded' });
				} else {
					this.refusal = body.message ?? 'The server did not accept this answer.';
					this.end(response.status, this.refusal, 1);
					waiter?.reject(new Refused(this.refusal));
				}
			}
			for (const done of this.#drained.splice(0)) done();
		} finally {
			this.#sending = false;
		}
	}

	/**
	 * Tries again after a pause; `answered`: the server answered, busy, rather than the network failing. Those who
	 * asked before request `begun` hear of it; one who asked since has had no request of theirs tried yet: the next
	 * goes at once, so they too hear at once.
	 */
	#later(answered: boolean, begun: number): void {
		this.online = answered;
		this.busy = answered;
		const told = this.#failed.filter((w) => w.after < begun);
		this.#failed = this.#failed.filter((w) => w.after >= begun);
		for (const w of told) w.failed();
		const wait = this.#failed.length ? 0 : RETRY_MS[Math.min(this.#retry++, RETRY_MS.length - 1)]!;
		this.#timer = setTimeout(() => void this.#flush(), wait);
	}

	#load(): Stored | null {
		try {
			const raw = localStorage.getItem(this.#key);
			const stored = raw ? (JSON.parse(raw) as Stored) : null;
			return stored && Array.isArray(stored.pending) && typeof stored.nextSeq === 'number' ? stored : null;
		} catch {
			return null;
		}
	}

	#save(): void {
		if (this.#forgotten) return;
		try {
			localStorage.setItem(this.#key, JSON.stringify({ pending: this.pending, nextSeq: this.#nextSeq } satisfies Stored));
		} catch {
			// Storage full or off: the answers still go out while the page is open.
		}
	}
}

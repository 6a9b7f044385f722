/**
 * Requests that arrive together, sent to the database together: DataLoader's
 * idea, for writes. Items wait for the rest of the current turn of the event
 * loop and then go as one batch; while a batch is at the database, new items
 * gather for the next, which goes as soon as it is back. Alone, an item waits
 * no longer than the current turn; under load, batches grow by themselves.
 *
 * Why: the answer path (answer-store.ts) stores a batch with a few statements
 * whatever its size, so a class answering at once costs a few commits, not one
 * commit (and a WAL append, and on SQLite a share of a checkpoint's fsync)
 * per answer. `npm run bench:load` (scenario c) measured it: docs/storage.md.
 *
 * A batch holds each key once, so one statement never meets the same row twice
 * (PostgreSQL refuses an upsert that would); a second item with a key already
 * in the batch waits for the next one, keeping the order they arrived in.
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Waiting<In, Out> {
	item: In;
	resolve: (value: Out) => void;
	reject: (error: unknown) => void;
}

export interface BatcherOptions<In> {
	/** What may appear only once in a batch. */
	keyOf: (item: In) => string;
	/** Items in one batch at most (statement parameters are limited: SQLite 32,766, PostgreSQL 65,535). */
	max: number;
}

export class Batcher<In, Out> {
	readonly #run: (items: In[]) => Promise<Settled<Out>[]>;
	readonly #options: BatcherOptions<In>;
	#queue: Waiting<In, Out>[] = [];
	#draining = false;

	/** `run` settles each item of a batch, in order; if it throws, every item of that batch fails with the error. */
	constructor(run: (items: In[]) => Promise<Settled<Out>[]>, options: BatcherOptions<In>) {
		this.#run = run;
		this.#options = options;
	}

	add(item: In): Promise<Out> {
		return new Promise<Out>((resolve, reject) => {
			this.#queue.push({ item, resolve, reject });
			if (!this.#draining) {
				this.#draining = true;
				setImmediate(() => void this.#drain());
			}
		});
	}

	async #drain(): Promise<void> {
		while (this.#queue.length) {
			const batch = this.#take();
			let settled: Settled<Out>[];
			try {
				settled = await this.#run(batch.map((w) => w.item));
			} catch (error) {
				settled = batch.map(() => ({ ok: false, error }));
			}
			batch.forEach((waiting, i) => {
				const outcome = settled[i] ?? { ok: false, error: new Error('The batch settled fewer items than it was given') };
				if (outcome.ok) waiting.resolve(outcome.value);
				else waiting.reject(outcome.error);
			});
		}
		this.#draining = false;
	}

	/** The next batch: items in order of arrival, each key once, up to `max`; the rest stay queued. */
	#take(): Waiting<In, Out>[] {
		const keys = new Set<string>();
		const batch: Waiting<In, Out>[] = [];
		const rest: Waiting<In, Out>[] = [];
		for (const waiting of this.#queue) {
			const key = this.#options.keyOf(waiting.item);
			if (batch.length < this.#options.max && !keys.has(key)) {
				keys.add(key);
				batch.push(waiting);
			} else rest.push(waiting);
		}
		this.#queue = rest;
		return batch;
	}
}

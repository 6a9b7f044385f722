import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InProcessEvents } from './events.ts';
import { acceptsGzip, LiveBoards, RETRY_MS } from './live.ts';

/** What a browser's EventSource would have received so far, as events. */
function reader(response: Response) {
	const body = response.headers.get('content-encoding') === 'gzip' ? response.body!.pipeThrough(new DecompressionStream('gzip')) : response.body!;
	const stream = body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let done = false;
	const pump = async () => {
		for (;;) {
			const chunk = await stream.read();
			if (chunk.done) return void (done = true);
			text += decoder.decode(chunk.value);
		}
	};
	void pump();
	return {
		figures: () => [...text.matchAll(/^event: figures\ndata: (.*)$/gm)].map((m) => m[1]),
		text: () => text,
		ended: () => done,
		cancel: () => stream.cancel()
	};
}

describe('live dashboards', () => {
	let events: InProcessEvents;
	let version: number;
	let boards: LiveBoards;

	beforeEach(() => {
		vi.useFakeTimers();
		events = new InProcessEvents();
		version = 0;
		boards = new LiveBoards({ events, reader: (id) => async () => JSON.stringify({ id, version: ++version }), now: () => Date.now() });
	});
	afterEach(() => {
		boards.endAll();
		vi.useRealTimers();
	});

	it('stream the figures at once, unbuffered and uncompressed, with how soon to reconnect', async () => {
		const response = boards.open('a1', 'teacher');
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(response.headers.get('content-encoding')).toBeNull();
		// Its connection is not reused after it, so none is left open for a server shutting down to wait on.
		expect(response.headers.get('connection')).toBe('close');
		const r = reader(response);
		await vi.advanceTimersByTimeAsync(0);
		expect(r.text().startsWith(`retry: ${RETRY_MS}\n\n`)).toBe(true);
		expect(r.figures()).toEqual(['{"id":"a1","version":1}']);
	});

	it('compress a stream for a browser that takes gzip, each event flushed as it is sent', async () => {
		const response = boards.open('a1', 'teacher', { gzip: true });
		expect(response.headers.get('content-encoding')).toBe('gzip');
		const r = reader(response);
		await vi.advanceTimersByTimeAsync(0);
		await vi.waitFor(() => expect(r.figures()).toEqual(['{"id":"a1","version":1}']));
		events.publish({ assignmentId: 'a1', kind: 'answered' });
		await vi.advanceTimersByTimeAsync(1000);
		await vi.waitFor(() => expect(r.figures()).toHaveLength(2));
		boards.end('a1');
		await vi.waitFor(() => expect(r.ended()).toBe(true));
		// A browser that leaves while the compressor is still working leaves nothing behind to fail.
		const gone = reader(boards.open('a1', 'teacher', { gzip: true }));
		await vi.advanceTimersByTimeAsync(0);
		await gone.cancel();
		await vi.advanceTimersByTimeAsync(0);
		expect(boards.watching).toBe(0);
		expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
		expect(acceptsGzip('br')).toBe(false);
		expect(acceptsGzip('gzip;q=0, br')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});

	it('read a class of 40 answering within a second twice, not 40 times, and send each answer within a second', async () => {
		const r = reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(5000);
		expect(boards.reads).toBe(1);
		// The first answer after a quiet spell goes out at once.
		events.publish({ assignmentId: 'a1', kind: 'answered' });
		await vi.advanceTimersByTimeAsync(0);
		expect(boards.reads).toBe(2);
		// The other 39 over the next half second wait for one read, a second after the last.
		for (let i = 0; i < 39; i++) {
			events.publish({ assignmentId: 'a1', kind: 'answered' });
			await vi.advanceTimersByTimeAsync(12);
		}
		expect(boards.reads).toBe(2);
		await vi.advanceTimersByTimeAsync(1000 - 39 * 12);
		expect(boards.reads).toBe(3);
		expect(r.figures()).toHaveLength(3);
		// Nothing happened since: nothing is read.
		await vi.advanceTimersByTimeAsync(10_000);
		expect(boards.reads).toBe(3);
	});

	it('keep answering a steady stream of answers at most once per second', async () => {
		reader(boards.open('a1', 'teacher'));
		for (let ms = 0; ms < 10_000; ms += 50) {
			events.publish({ assignmentId: 'a1', kind: 'answered' });
			await vi.advanceTimersByTimeAsync(50);
		}
		expect(boards.reads).toBeGreaterThanOrEqual(9);
		expect(boards.reads).toBeLessThanOrEqual(11);
	});

	it('read once for every dashboard watching the same class, and only the classes watched', async () => {
		const a = reader(boards.open('a1', 'teacher'));
		const b = reader(boards.open('a1', 'teacher-at-home'));
		const other = reader(boards.open('a2', 'someone-else'));
		await vi.advanceTimersByTimeAsync(2000);
		const before = boards.reads;
		events.publish({ assignmentId: 'a1', kind: 'joined' });
		events.publish({ assignmentId: 'a3', kind: 'joined' });
		await vi.advanceTimersByTimeAsync(0);
		expect(boards.reads).toBe(before + 1);
		expect(a.figures().at(-1)).toBe(b.figures().at(-1));
		expect(other.figures()).toHaveLength(1);
	});

	it('stop listening to a class when its last dashboard closes', async () => {
		const r = reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(0);
		await r.cancel();
		expect(boards.watching).toBe(0);
		events.publish({ assignmentId: 'a1', kind: 'answered' });
		await vi.advanceTimersByTimeAsync(5000);
		expect(boards.reads).toBe(1);
	});

	it('end the streams of every session but the one kept, and all of them when the class is gone', async () => {
		const mine = reader(boards.open('a1', 'teacher'));
		const leaked = reader(boards.open('a1', 'whoever-had-the-link'));
		await vi.advanceTimersByTimeAsync(0);
		boards.end('a1', 'teacher');
		await vi.advanceTimersByTimeAsync(0);
		expect([mine.ended(), leaked.ended()]).toEqual([false, true]);
		// Told why, so its page looks again at once rather than reconnecting.
		expect(leaked.text()).toMatch(/event: ended\n/);
		expect(mine.text()).not.toMatch(/event: ended\n/);

		boards = new LiveBoards({ events, reader: () => async () => null });
		const gone = reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(0);
		expect(gone.ended()).toBe(true);
		expect(gone.figures()).toEqual([]);
	});

	it('end the other sessions\' streams when access ends in any process, and every stream when events went unheard', async () => {
		const mine = reader(boards.open('a1', 'teacher'));
		const leaked = reader(boards.open('a1', 'whoever-had-the-link'));
		const elsewhere = reader(boards.open('a2', 'whoever-had-the-link'));
		await vi.advanceTimersByTimeAsync(0);
		// As the class events bring it from the process where the teacher replaced the link.
		events.publish({ assignmentId: 'a1', kind: 'access-ended', keep: 'teacher' });
		await vi.advanceTimersByTimeAsync(0);
		expect([mine.ended(), leaked.ended(), elsewhere.ended()]).toEqual([false, true, false]);
		expect(leaked.text()).toMatch(/event: ended\n/);

		// This process stopped hearing the others for a while: every page watching looks again.
		events.publish({ assignmentId: 'a1', kind: 'unheard' });
		await vi.advanceTimersByTimeAsync(0);
		expect([mine.ended(), elsewhere.ended()]).toEqual([true, false]);
		expect(mine.text()).toMatch(/event: ended\n/);
	});

	it('end every stream when the server shuts down, and open no new one', async () => {
		const r = reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(0);
		boards.endAll();
		await vi.advanceTimersByTimeAsync(0);
		expect(r.ended()).toBe(true);
		expect(boards.watching).toBe(0);
		const refused = boards.open('a1', 'teacher');
		expect(refused.status).toBe(503);
	});

	it('tell each read what happened since the last, with a reader kept while the class is watched', async () => {
		const made: string[] = [];
		const told: string[][] = [];
		boards = new LiveBoards({
			events,
			reader: (id) => {
				made.push(id);
				return async (happened) => {
					told.push([...happened].sort());
					return '{}';
				};
			}
		});
		const first = reader(boards.open('a1', 'teacher'));
		reader(boards.open('a1', 'teacher-at-home'));
		await vi.advanceTimersByTimeAsync(0);
		events.publish({ assignmentId: 'a1', kind: 'answered' });
		events.publish({ assignmentId: 'a1', kind: 'changed' });
		await vi.advanceTimersByTimeAsync(1000);
		expect(made).toEqual(['a1']);
		expect(told).toEqual([[], ['answered', 'changed']]);
		boards.end('a1');
		await vi.advanceTimersByTimeAsync(0);
		expect(first.ended()).toBe(true);
		reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(0);
		expect(made).toEqual(['a1', 'a1']);
	});

	it('keep the streams open when a read fails, and try again at the next event', async () => {
		const failures: unknown[] = [];
		let fail = true;
		boards = new LiveBoards({
			events,
			reader: () => async () => {
				if (fail) throw new Error('database busy');
				return '{}';
			},
			onError: (e) => failures.push(e)
		});
		const r = reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(0);
		expect(failures).toHaveLength(1);
		fail = false;
		events.publish({ assignmentId: 'a1', kind: 'answered' });
		await vi.advanceTimersByTimeAsync(1000);
		expect(r.figures()).toEqual(['{}']);
		expect(r.ended()).toBe(false);
	});

	it('send an idle stream a comment now and then, which EventSource ignores', async () => {
		const r = reader(boards.open('a1', 'teacher'));
		await vi.advanceTimersByTimeAsync(25_000);
		expect(r.text()).toContain('\n: still here\n\n');
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../quiz/schema.ts';
import { Refused } from '../machines/quiz.machine.ts';
import { Outbox, outboxKey } from './outbox.svelte.ts';

/** The attempt the page was made for. */
const ATTEMPT = '0b6f3f8e-6a53-4a52-9d1e-2f4c1c7d9a10';
const KEY = outboxKey(ATTEMPT);
const fact: Answer = { type: 'classify', category: 'fact' };
const anon: Answer = { type: 'classify', category: 'anonymous' };

/** A fake server: answers each request with the next reply in line (a status, or a thrown network error). */
function server(replies: (number | 'offline')[]) {
	const sent: { questionId: string; seq: number }[] = [];
	const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
		const reply = replies.shift() ?? 200;
		if (reply === 'offline') throw new TypeError('Failed to fetch');
		const body = JSON.parse(String(init?.body)) as { questionId: string; seq: number };
		sent.push({ questionId: body.questionId, seq: body.seq });
		const payload = reply === 200 ? { status: 'recorded' } : { message: `refused with ${reply}` };
		return new Response(JSON.stringify(payload), { status: reply, headers: { 'content-type': 'application/json' } });
	});
	return { fetch: fetch as unknown as typeof globalThis.fetch, sent, calls: fetch };
}

let stored: Map<string, string>;
beforeEach(() => {
	stored = new Map();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => stored.get(k) ?? null,
		setItem: (k: string, v: string) => void stored.set(k, v),
		removeItem: (k: string) => void stored.delete(k)
	});
	vi.stubGlobal('addEventListener', () => {});
	vi.stubGlobal('removeEventListener', () => {});
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

const outbox = (fetch: typeof globalThis.fetch, nextSeq = 0) => new Outbox({ attempt: ATTEMPT, endpoint: '/a/X/answer', nextSeq, fetch });

describe('the outbox', () => {
	it('sends answers in order with growing seq, and each resolves once the server has it', async () => {
		const s = server([200, 200]);
		const box = outbox(s.fetch, 5);
		const first = box.send('q1', fact);
		const second = box.send('q2', anon);
		await expect(first).resolves.toEqual({ status: 'recorded' });
		await expect(second).resolves.toEqual({ status: 'recorded' });
		expect(s.sent).toEqual([
			{ questionId: 'q1', seq: 5 },
			{ questionId: 'q2', seq: 6 }
		]);
		expect(box.pending).toEqual([]);
		await expect(box.drained()).resolves.toBeUndefined();
	});

	it("names the page's attempt in every answer, so the server can refuse one this browser has since left", async () => {
		const s = server([200]);
		await outbox(s.fetch).send('q1', fact);
		const [, init] = s.calls.mock.calls[0]!;
		expect(JSON.parse(String(init?.body))).toEqual({ questionId: 'q1', answer: fact, seq: 0, attempt: ATTEMPT });
	});

	it('keeps an answer through a dropped connection and sends it when a retry gets through, backing off meanwhile', async () => {
		const s = server(['offline', 'offline', 200]);
		const box = outbox(s.fetch);
		const delivered = box.send('q1', fact);
		await vi.advanceTimersByTimeAsync(0);
		expect(box.online).toBe(false);
		expect(box.busy).toBe(false);
		expect(box.pending).toHaveLength(1);
		expect(JSON.parse(stored.get(KEY)!).pending).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(s.calls).toHaveBeenCalledTimes(2);
		// The second wait is longer than the first.
		await vi.advanceTimersByTimeAsync(1_000);
		expect(s.calls).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(1_000);
		await expect(delivered).resolves.toEqual({ status: 'recorded' });
		expect(box.online).toBe(true);
		expect(JSON.parse(stored.get(KEY)!).pending).toEqual([]);
	});

	it('keeps an answer while the server is busy (503, 429) and tries again, as busy rather than offline', async () => {
		const s = server([503, 429, 200]);
		const box = outbox(s.fetch);
		const delivered = box.send('q1', fact);
		await vi.advanceTimersByTimeAsync(0);
		expect({ online: box.online, busy: box.busy }).toEqual({ online: true, busy: true });
		await vi.advanceTimersByTimeAsync(10_000);
		await expect(delivered).resolves.toEqual({ status: 'recorded' });
		expect(box.busy).toBe(false);
		expect(s.sent.map((x) => x.seq)).toEqual([0, 0, 0]);
	});

	it('replaces an unsent answer to the same question with the newer one', async () => {
		const s = server(['offline', 200]);
		const box = outbox(s.fetch);
		const old = box.send('q1', fact);
		await vi.advanceTimersByTimeAsync(0);
		const newer = box.send('q1', anon);
		await expect(old).rejects.toBeInstanceOf(Refused);
		await vi.advanceTimersByTimeAsync(1_000);
		await expect(newer).resolves.toEqual({ status: 'recorded' });
		expect(box.pending).toEqual([]);
		expect(s.sent).toEqual([{ questionId: 'q1', seq: 1 }]);
	});

	it("gives up on an answer the server refuses for good, says why, and sends the rest", async () => {
		const s = server([400, 200]);
		const box = outbox(s.fetch);
		const refused = box.send('q1', fact);
		const next = box.send('q2', anon);
		await expect(refused).rejects.toThrow('refused with 400');
		await expect(next).resolves.toEqual({ status: 'recorded' });
		// An answer that gets through clears the message.
		expect(box.refusal).toBeNull();
	});

	it('knows an attempt that takes no more answers (finished, closed, gone, its key not here) from an answer refused on its own', async () => {
		for (const [status, ended] of [
			[401, true],
			[409, true],
			[403, true],
			[404, true],
			[400, false]
		] as const) {
			const box = outbox(server([status]).fetch);
			await expect(box.send('q1', fact)).rejects.toBeInstanceOf(Refused);
			expect(box.ended, String(status)).toBe(ended);
			expect(box.endedBy, String(status)).toBe(ended ? status : null);
			expect(box.unsaved, String(status)).toBe(ended ? 1 : 0);
		}
	});

	it('keeps nothing in this browser once the attempt takes no more answers, and sends nothing more', async () => {
		const s = server(['offline', 401]);
		const box = outbox(s.fetch);
		const first = expect(box.send('q1', fact)).rejects.toThrow('refused with 401');
		const second = expect(box.send('q2', anon)).rejects.toThrow('refused with 401');
		await vi.advanceTimersByTimeAsync(0);
		expect(stored.has(KEY)).toBe(true);
		// The retry finds the attempt moved to another device: both answers stop there, with the server's reason.
		await vi.advanceTimersByTimeAsync(1_000);
		await first;
		await second;
		expect(box.pending).toEqual([]);
		expect(stored.has(KEY)).toBe(false);
		// Both were waiting to be sent: the one refused and the one behind it are lost, for the student to be told.
		expect(box.unsaved).toBe(2);
		await expect(box.send('q3', fact)).rejects.toThrow('refused with 401');
		await vi.advanceTimersByTimeAsync(20_000);
		expect(s.sent).toEqual([{ questionId: 'q1', seq: 0 }]);
		expect(stored.has(KEY)).toBe(false);
	});

	it('picks up what a closed page left unsent, never going below the seq it had reached', async () => {
		const first = outbox(server(['offline']).fetch, 3);
		void first.send('q1', fact).catch(() => {});
		await vi.advanceTimersByTimeAsync(0);
		const s = server([200]);
		const reopened = outbox(s.fetch, 0);
		expect(reopened.pending).toEqual([{ questionId: 'q1', answer: fact, seq: 3 }]);
		reopened.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(s.sent).toEqual([{ questionId: 'q1', seq: 3 }]);
		void reopened.send('q2', anon);
		await vi.advanceTimersByTimeAsync(0);
		expect(s.sent.at(-1)).toEqual({ questionId: 'q2', seq: 4 });
	});

	it('forgets everything on clear, for the next student on a shared Chromebook', () => {
		const box = outbox(server(['offline']).fetch);
		void box.send('q1', fact).catch(() => {});
		box.clear();
		expect(box.pending).toEqual([]);
		expect(stored.has(KEY)).toBe(false);
	});

	it('stays forgotten when a send under way when the student left comes back afterwards', async () => {
		let reply!: (r: Response) => void;
		const fetch = vi.fn(() => new Promise<Response>((resolve) => (reply = resolve))) as unknown as typeof globalThis.fetch;
		const box = outbox(fetch);
		void box.send('q1', fact).catch(() => {});
		await vi.advanceTimersByTimeAsync(0);
		box.clear();
		reply(new Response(JSON.stringify({ status: 'recorded' }), { status: 200 }));
		await vi.advanceTimersByTimeAsync(0);
		expect(stored.has(KEY)).toBe(false);
		void box.send('q2', anon).catch(() => {});
		await vi.advanceTimersByTimeAsync(20_000);
		expect(stored.has(KEY)).toBe(false);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('tells a waiting page at once when a send fails for want of a connection, and still sends the answer later', async () => {
		const s = server(['offline']);
		const box = outbox(s.fetch);
		const failed = box.failedSend();
		let delivered = false;
		void box.send('q1', fact).then(() => (delivered = true));
		await vi.advanceTimersByTimeAsync(0);
		await expect(failed).resolves.toBeUndefined();
		expect(delivered).toBe(false);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(delivered).toBe(true);
	});

	it('does not blame a check on a retry that was already on its way when the connection came back', async () => {
		// The retry begun while offline fails a moment after the student checks again; the check's own send gets through.
		let failInFlight: () => void = () => {};
		const replies: (() => Promise<Response>)[] = [
			async () => {
				throw new TypeError('Failed to fetch');
			},
			() => new Promise<Response>((_, reject) => (failInFlight = () => reject(new TypeError('Failed to fetch'))))
		];
		const fetch = vi.fn(async () => (replies.shift() ?? (async () => Response.json({ status: 'recorded' })))());
		const box = outbox(fetch as unknown as typeof globalThis.fetch);
		void box.send('q1', fact).catch(() => {});
		await vi.advanceTimersByTimeAsync(1_000);
		expect(fetch).toHaveBeenCalledTimes(2);
		// Back online, the student checks again while that retry is still out.
		let heardFailure = false;
		void box.failedSend().then(() => (heardFailure = true));
		const delivered = box.send('q1', fact);
		failInFlight();
		await vi.advanceTimersByTimeAsync(0);
		await expect(delivered).resolves.toEqual({ status: 'recorded' });
		expect(heardFailure).toBe(false);
		expect(fetch).toHaveBeenCalledTimes(3);
	});

	it('numbers an answer past those another tab of the attempt has sent, so the one given last stands', async () => {
		const s = server([]);
		const first = outbox(s.fetch);
		const second = outbox(s.fetch);
		await first.send('q3', fact);
		await second.send('q3', anon);
		expect(s.sent).toEqual([
			{ questionId: 'q3', seq: 0 },
			{ questionId: 'q3', seq: 1 }
		]);
	});
});

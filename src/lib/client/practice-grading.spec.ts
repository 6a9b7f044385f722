import { describe, expect, it, vi } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import type { quizMachine } from '../machines/quiz.machine.ts';
import { practiceGrading } from './practice-grading.ts';

type Snapshot = SnapshotFrom<typeof quizMachine>;

/** Checks one practice answer against a server that answers with `reply`, and returns the failed step. */
async function checkWith(reply: () => Promise<Response>, mode: 'practice' | 'test' = 'practice'): Promise<Snapshot> {
	const fetch = vi.fn(reply) as unknown as typeof globalThis.fetch;
	const actor = createActor(practiceGrading('quiz', fetch), { input: { questionIds: ['q1'] } }).start();
	actor.send({ type: 'quiz.start', mode });
	actor.send({ type: 'answer.change', answer: { type: 'classify', category: 'fact' } });
	actor.send({ type: 'answer.submit' });
	return new Promise<Snapshot>((resolve) => actor.subscribe((s) => (s.hasTag('error:grade') || s.hasTag('error:finish')) && resolve(s)));
}

const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('open practice: a check the server does not grade', () => {
	it('says why in the server’s words when it refuses (a test under way in another tab)', async () => {
		const why = 'You are taking a test on this quiz. Its practice opens again in this browser when you finish the test.';
		const failed = await checkWith(json(403, { message: why }));
		expect(failed.context.problem).toBe(why);
		expect(failed.context.draft).toEqual({ type: 'classify', category: 'fact' });
	});

	it('names the error when a refusal has no words of its own (a proxy’s error page)', async () => {
		const failed = await checkWith(async () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }));
		expect(failed.context.problem).toBe('The server could not do this just now (error 502).');
	});

	it('blames the connection when no answer came at all', async () => {
		const failed = await checkWith(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(failed.context.problem).toBeNull();
	});

	it('says why when the results of a practice test are refused', async () => {
		const failed = await checkWith(json(429, { message: 'Too many requests: wait a minute.' }), 'test');
		expect(failed.hasTag('error:finish')).toBe(true);
		expect(failed.context.problem).toBe('Too many requests: wait a minute.');
	});
});

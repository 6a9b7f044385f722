import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import type { quizMachine } from '../machines/quiz.machine.ts';
import { Outbox } from './outbox.svelte.ts';
import { serverGrading } from './server-grading.ts';

/** The attempt the page was made for. */
const ATTEMPT = '0b6f3f8e-6a53-4a52-9d1e-2f4c1c7d9a10';

beforeEach(() => {
	const stored = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => stored.get(k) ?? null,
		setItem: (k: string, v: string) => void stored.set(k, v),
		removeItem: (k: string) => void stored.delete(k)
	});
});
afterEach(() => vi.unstubAllGlobals());

/** A server that takes every answer and answers the finish with `finish`. */
function server(finish: { status: number; message?: string }) {
	return vi.fn(async (url: string) =>
		url.endsWith('/finish')
			? new Response(JSON.stringify({ message: finish.message }), { status: finish.status })
			: new Response(JSON.stringify({ status: 'recorded' }), { status: 200 })
	) as unknown as typeof fetch;
}

/** Answers the one question in test mode and asks for the results. */
async function finishWith(finish: { status: number; message?: string }) {
	const fetch = server(finish);
	const outbox = new Outbox({ attempt: ATTEMPT, endpoint: '/a/X/answer', nextSeq: 0, fetch });
	const onFinished = vi.fn();
	const actor = createActor(serverGrading({ outbox, finishUrl: '/a/X/finish', onFinished, fetch }), {
		input: { questionIds: ['q1'], mode: 'test', modeLocked: true, canRepeat: false }
	}).start();
	actor.send({ type: 'quiz.start' });
	actor.send({ type: 'answer.change', answer: { type: 'classify', category: 'fact' } });
	actor.send({ type: 'answer.submit' });
	const failed = await new Promise<SnapshotFrom<typeof quizMachine>>((resolve) =>
		actor.subscribe((s) => s.hasTag('error:finish') && resolve(s))
	);
	return { outbox, onFinished, failed };
}

describe('finishing an attempt the server grades', () => {
	it('stops the quiz with the server’s reason when the class was deleted since the last answer', async () => {
		const gone = 'This assignment no longer exists: your teacher deleted it, with every answer in it.';
		const { outbox, onFinished } = await finishWith({ status: 404, message: gone });
		expect([outbox.ended, outbox.endedBy, outbox.refusal]).toEqual([true, 404, gone]);
		expect(onFinished).not.toHaveBeenCalled();
	});

	it('lets the student try again when the server failed on its side', async () => {
		const { outbox, failed } = await finishWith({ status: 500 });
		expect([outbox.ended, outbox.refusal]).toEqual([false, null]);
		expect(failed.can({ type: 'quiz.finish' })).toBe(true);
	});
});

/** A verdict as the server sends it. */
const verdict = (questionId: string, correct: boolean) => ({
	questionId,
	answer: { type: 'classify', category: 'fact' },
	correct,
	score: correct ? 1 : 0,
	expected: correct ? 'fact' : 'anonymous',
	marks: null,
	ranking: null,
	explanation: `Why ${questionId} is what it is.`,
	whyNot: [],
	cues: [],
	related: []
});

/** Answers q1 and q2 with "fact" and finishes; the server grades q1 right and q2 wrong, in the mode's way. */
async function finishedQuiz(mode: 'practice' | 'test') {
	const finishBodies: unknown[] = [];
	const fetch = vi.fn(async (url: string, init: RequestInit) => {
		const body = JSON.parse(String(init.body)) as { questionId?: string; shown?: string[] };
		if (url.endsWith('/finish')) {
			finishBodies.push(body);
			const all = { q1: verdict('q1', true), q2: verdict('q2', false) };
			const results = Object.fromEntries(Object.entries(all).filter(([id]) => !body.shown?.includes(id)));
			return new Response(JSON.stringify({ results }), { status: 200 });
		}
		const reply = mode === 'practice' ? { status: 'graded', graded: verdict(body.questionId!, body.questionId === 'q1') } : { status: 'recorded' };
		return new Response(JSON.stringify(reply), { status: 200 });
	}) as unknown as typeof globalThis.fetch;
	const outbox = new Outbox({ attempt: ATTEMPT, endpoint: '/a/X/answer', nextSeq: 0, fetch });
	const actor = createActor(serverGrading({ outbox, finishUrl: '/a/X/finish', onFinished: () => {}, fetch }), {
		input: { questionIds: ['q1', 'q2'], mode, modeLocked: true, canRepeat: false }
	}).start();
	const settled = (test: (s: SnapshotFrom<typeof quizMachine>) => boolean) =>
		new Promise<void>((resolve) => {
			const sub = actor.subscribe((s) => {
				if (!test(s)) return;
				sub.unsubscribe();
				resolve();
			});
			if (test(actor.getSnapshot())) resolve();
		});
	actor.send({ type: 'quiz.start' });
	for (const id of ['q1', 'q2']) {
		await settled((s) => s.context.round[s.context.index] === id && s.matches('answering'));
		actor.send({ type: 'answer.change', answer: { type: 'classify', category: 'fact' } });
		actor.send({ type: 'answer.submit' });
		if (mode === 'practice') {
			await settled((s) => s.hasTag('view:feedback'));
			actor.send({ type: 'question.next' });
		}
	}
	await settled((s) => s.hasTag('view:summary'));
	const { results } = actor.getSnapshot().context;
	actor.stop();
	return { finishBodies, correct: Object.fromEntries(Object.entries(results).map(([id, g]) => [id, g.correct])) };
}

describe('the results at the end of an attempt the server grades', () => {
	it('in practice mode come from the verdicts already shown, which the finish need not send again', async () => {
		const { finishBodies, correct } = await finishedQuiz('practice');
		expect(finishBodies).toEqual([{ attempt: ATTEMPT, shown: ['q1', 'q2'] }]);
		expect(correct).toEqual({ q1: true, q2: false });
	});

	it('in test mode come from the finish, which reveals every verdict', async () => {
		const { finishBodies, correct } = await finishedQuiz('test');
		expect(finishBodies).toEqual([{ attempt: ATTEMPT, shown: [] }]);
		expect(correct).toEqual({ q1: true, q2: false });
	});
});

describe('checking an answer in practice mode on a dropped connection', () => {
	afterEach(() => vi.useRealTimers());

	it('says so at once, then shows the verdict by itself once the queued answer gets through, for the answer checked', async () => {
		vi.useFakeTimers();
		const fact = { type: 'classify', category: 'fact' } as const;
		const sent: unknown[] = [];
		let online = false;
		const fetch = vi.fn(async (_url: string, init: RequestInit) => {
			if (!online) throw new TypeError('Failed to fetch');
			sent.push(JSON.parse(String(init.body)));
			const graded = { questionId: 'q1', answer: fact, correct: true, score: 1, expected: 'fact', marks: null, ranking: null, explanation: 'Named in the report.', whyNot: [], cues: [], related: [] };
			return new Response(JSON.stringify({ status: 'graded', graded }), { status: 200 });
		}) as unknown as typeof globalThis.fetch;
		const outbox = new Outbox({ attempt: ATTEMPT, endpoint: '/a/X/answer', nextSeq: 0, fetch });
		const actor = createActor(serverGrading({ outbox, finishUrl: '/a/X/finish', onFinished: () => {}, fetch }), {
			input: { questionIds: ['q1', 'q2'], mode: 'practice', modeLocked: true, canRepeat: false }
		}).start();
		actor.send({ type: 'quiz.start' });
		actor.send({ type: 'answer.change', answer: fact });
		actor.send({ type: 'answer.submit' });
		await vi.advanceTimersByTimeAsync(0);
		expect(actor.getSnapshot().hasTag('error:grade')).toBe(true);
		// A second thought while offline, not checked: the answer checked is the one queued.
		actor.send({ type: 'answer.change', answer: { type: 'classify', category: 'anonymous' } });

		online = true;
		await vi.advanceTimersByTimeAsync(1_000);
		const s = actor.getSnapshot();
		expect(sent).toEqual([{ questionId: 'q1', answer: fact, seq: 0, attempt: ATTEMPT }]);
		expect([s.value, s.context.answers.q1, s.context.results.q1?.correct]).toEqual(['feedback', fact, true]);
		actor.stop();
	});
});

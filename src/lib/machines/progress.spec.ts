import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { Graded } from '../quiz/grading.ts';
import type { Answer } from '../quiz/schema.ts';
import { decodeProgress, encodeProgress, fromProgress, progressFromAnswers, toProgress, type Progress } from './progress.ts';
import { quizMachine, viewOf, type FinishInput, type FinishOutput } from './quiz.machine.ts';

const ids = ['q1', 'q2', 'q3'];
const right: Answer = { type: 'classify', category: 'fact', marked: [2, 3] };
const verdict = (questionId: string, answer: Answer): Graded => ({
	questionId,
	answer,
	correct: true,
	score: 1,
	expected: 'fact',
	marks: null,
	ranking: null,
	explanation: 'Because.',
	whyNot: [],
	cues: [],
	related: []
});

const place: Progress = {
	step: 'answering',
	mode: 'test',
	round: ids,
	roundNumber: 1,
	index: 2,
	reviewIndex: 0,
	answers: { q1: right, q2: { type: 'choice', option: 'b' } },
	draft: { type: 'cue', marked: [0, 4] }
};

describe('a place in the quiz', () => {
	it('survives the cookie, answers and draft and all, in a few hundred bytes', () => {
		const text = encodeProgress(place, ids, 'v1');
		expect(encodeURIComponent(text).length).toBeLessThan(300);
		expect(decodeProgress(text, ids, 'v1')).toEqual({ progress: place });
		const retry = { ...place, round: ['q3'], roundNumber: 2, index: 0 };
		expect(decodeProgress(encodeProgress(retry, ids, 'v1'), ids, 'v1')).toEqual({ progress: retry });
	});

	it('says why a cookie cannot be used: another version of the quiz, or not a place at all', () => {
		expect(decodeProgress(encodeProgress(place, ids, 'v1'), ids, 'v2')).toEqual({ problem: 'changed' });
		for (const junk of ['{not json', '"a string"', '{"v":"v1","s":"nowhere"}', '{"v":"v1","s":"answering","a":{"q9":"c:fact"}}', '{"v":"v1","s":"intro","a":{"q1":"x:y"}}'])
			expect(decodeProgress(junk, ids, 'v1'), junk).toEqual({ problem: 'unreadable' });
	});

	it('restores the machine at the same step, with the verdicts the caller grants', () => {
		const s = fromProgress({ questionIds: ids }, place, { q1: verdict('q1', right) })!;
		expect(viewOf(s)).toBe('question');
		expect(s.context).toMatchObject({ mode: 'test', index: 2, draft: place.draft });
		expect(toProgress(s)).toEqual(place);
	});

	it('refuses a place that does not fit the quiz', () => {
		expect(fromProgress({ questionIds: ids }, { ...place, index: 7 }, {})).toBeNull();
		expect(fromProgress({ questionIds: ids }, { ...place, round: ['q9'] }, {})).toBeNull();
		expect(fromProgress({ questionIds: ['q1'] }, place, {})).toBeNull();
	});

	it("keeps a teacher's mode whatever the cookie says", () => {
		const s = fromProgress({ questionIds: ids, mode: 'practice', modeLocked: true }, place, {})!;
		expect(s.context.mode).toBe('practice');
	});

	it('puts a student the server knows only by their answers at the first question unanswered, or at the end', async () => {
		const input = { questionIds: ids, mode: 'test' as const };
		expect(progressFromAnswers(input, {}, false).step).toBe('intro');
		expect(progressFromAnswers(input, { q1: right }, false)).toMatchObject({ step: 'answering', index: 1, roundNumber: 1 });
		expect(progressFromAnswers(input, { q1: right }, true).step).toBe('summary');
		const all = progressFromAnswers(input, { q1: right, q2: right, q3: right }, false);
		expect(all.step).toBe('finishing');
		// Every question answered but not finished: the student asks for the results.
		const machine = quizMachine.provide({
			actors: { finish: fromPromise<FinishOutput, FinishInput>(async ({ input: f }) => Object.fromEntries(f.round.map((id) => [id, verdict(id, right)]))) }
		});
		const actor = createActor(machine, { input, snapshot: fromProgress(input, all, {}, machine)! }).start();
		expect(actor.getSnapshot().value).toEqual({ finishing: 'waiting' });
		actor.send({ type: 'quiz.finish' });
		await new Promise((resolve) => actor.subscribe((s) => s.hasTag('view:summary') && resolve(s)));
		expect(Object.keys(actor.getSnapshot().context.results)).toEqual(ids);
	});
});

import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { attemptStamp, PLACE } from '../client/place.ts';
import { encodeProgress, toProgress } from '../machines/progress.ts';
import { quizMachine, viewOf } from '../machines/quiz.machine.ts';
import type { Answer } from '../quiz/schema.ts';
import type { AttemptState } from './attempts.ts';
import { readAttemptPlace } from './attempt-place.ts';

const fact: Answer = { type: 'classify', category: 'fact' };
const order = ['q1', 'q2', 'q3'];

function state(answers: Record<string, Answer>, finished = false): AttemptState {
	return {
		attemptId: 'a1',
		displayName: 'Ana',
		assignment: { title: 'T', mode: 'practice', code: 'K7M4PX', closesAt: null },
		quiz: { slug: 's', version: 'v1', title: 'T', language: 'en', article: { headline: 'h', outlet: 'o', paragraphs: ['p'] }, categories: [], questions: [] },
		order,
		answers,
		feedback: {},
		finished,
		score: null,
		nextSeq: Object.keys(answers).length
	} as AttemptState;
}

const jar = (value?: string) => ({ get: (name: string) => (name === PLACE ? value : undefined) }) as unknown as Cookies;

const cookieAt = (step: 'feedback' | 'review' | 'answering', index: number, stamp = attemptStamp('v1', 'a1')) =>
	encodeProgress({ step, mode: 'practice', round: order, roundNumber: 1, index, reviewIndex: 1, answers: {}, draft: null }, order, stamp, false);

describe("an assignment's place on a page", () => {
	it('without a cookie, is the first question the server has no answer for', () => {
		const { snapshot } = readAttemptPlace(state({ q1: fact }), jar(), quizMachine);
		expect([viewOf(snapshot), snapshot.context.index]).toEqual(['question', 1]);
	});

	it("is this browser's step when its cookie fits the attempt, with the answers the server has", () => {
		const { snapshot, progress } = readAttemptPlace(state({ q1: fact }), jar(cookieAt('feedback', 0)), quizMachine);
		expect([viewOf(snapshot), snapshot.context.index]).toEqual(['feedback', 0]);
		expect(toProgress(snapshot).answers).toEqual({ q1: fact });
		expect(progress.answers).toEqual({ q1: fact });
	});

	it("ignores a cookie of another attempt or another version of the quiz", () => {
		for (const stamp of [attemptStamp('v1', 'other'), attemptStamp('v0', 'a1')]) {
			const { snapshot } = readAttemptPlace(state({ q1: fact }), jar(cookieAt('feedback', 0, stamp)), quizMachine);
			expect([viewOf(snapshot), snapshot.context.index], stamp).toEqual(['question', 1]);
		}
		expect(viewOf(readAttemptPlace(state({}), jar('{junk'), quizMachine).snapshot)).toBe('intro');
	});

	it('shows a finished attempt at its results, or the review the browser was in', () => {
		expect(viewOf(readAttemptPlace(state({ q1: fact }, true), jar(cookieAt('answering', 1)), quizMachine).snapshot)).toBe('summary');
		expect(viewOf(readAttemptPlace(state({ q1: fact }, true), jar(cookieAt('review', 1)), quizMachine).snapshot)).toBe('review');
	});
});

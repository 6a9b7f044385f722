import { describe, expect, it } from 'vitest';
import { announcement, sentence } from './format.ts';
import type { Graded } from '../../quiz/grading.ts';

describe('answers read out as sentences', () => {
	it('ends a label with a full stop, and an option that has one with no second', () => {
		expect(sentence('Anonymous-source claim')).toBe('Anonymous-source claim.');
		expect(sentence('No: a non-answer.')).toBe('No: a non-answer.');
		expect(sentence('Was it “a denial?”')).toBe('Was it “a denial?”');
	});
});

describe('the verdict read out after an answer', () => {
	const graded = (over: Partial<Graded>): Graded => ({
		questionId: 'q',
		answer: { type: 'cue', marked: [1] },
		correct: false,
		score: 0.5,
		expected: null,
		marks: null,
		ranking: null,
		explanation: '',
		...over
	}) as Graded;
	const context = { mode: 'practice', index: 0, round: ['q'] };
	const cue = { id: 'q', type: 'cue', quote: 'x' } as never;

	it('says "Partly right" where the heading says so, and "Not quite" for no credit', () => {
		expect(announcement('feedback', context, cue, graded({}), [], null)).toBe('Partly right.');
		expect(announcement('feedback', context, cue, graded({ score: 0 }), [], null)).toBe('Not quite.');
		expect(announcement('feedback', context, cue, graded({ correct: true, score: 1 }), [], null)).toBe('Correct.');
	});
});

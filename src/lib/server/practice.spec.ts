import { describe, expect, it } from 'vitest';
import type { Answer } from '../quiz/schema.ts';
import { isAssignmentError } from './errors.ts';
import { checkPractice, gradePractice } from './practice.ts';
import { quiz } from '../../test-support/db.ts';

describe('open practice grading', () => {
	it('gives the verdict with its explanation, and refuses an answer that does not fit', () => {
		const graded = checkPractice(quiz, 'vote', { type: 'classify', category: 'fact' });
		expect(graded).toMatchObject({ questionId: 'vote', correct: true, explanation: quiz.questions[0]!.explanation });
		expect(() => checkPractice(quiz, 'nope', { type: 'classify', category: 'fact' })).toThrow(/no question "nope"/);
		const misfits: Answer[] = [
			{ type: 'choice', option: 'x' },
			{ type: 'classify', category: 'rumour' },
			{ type: 'classify', category: 'fact', marked: [999] }
		];
		for (const bad of misfits) {
			let thrown: unknown;
			try {
				checkPractice(quiz, 'vote', bad);
			} catch (e) {
				thrown = e;
			}
			expect(isAssignmentError(thrown), JSON.stringify(bad)).toBe(true);
		}
	});

	it('grades a whole practice test at the end', () => {
		const results = gradePractice(quiz, { vote: { type: 'classify', category: 'anonymous' }, dodge: { type: 'classify', category: 'non-answer' } });
		expect(Object.keys(results).sort()).toEqual(['dodge', 'vote']);
		expect(results.vote!.correct).toBe(false);
	});
});

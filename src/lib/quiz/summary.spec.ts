import { describe, expect, it } from 'vitest';
import { grade } from './grading.ts';
import { toPublicQuiz } from './public.ts';
import { QuizSchema } from './schema.ts';
import { sampleQuizWithOrder } from '../../test-support/sample-quiz.ts';
import { summarize } from './summary.ts';

const quiz = QuizSchema.parse(sampleQuizWithOrder);
const q = (id: string) => quiz.questions.find((x) => x.id === id)!;

describe('the end-of-quiz summary', () => {
	it('counts order questions by type, with their partial credit in the points', () => {
		const results = {
			vote: grade(q('vote'), { type: 'classify', category: 'fact' }),
			denial: grade(q('denial'), { type: 'choice', option: 'no' }),
			support: grade(q('support'), { type: 'order', order: ['two-people', 'minutes', 'reportedly'] })
		};
		const summary = summarize(toPublicQuiz(quiz, 'sample', 'v1'), results, ['vote', 'denial', 'support']);
		expect(summary.byType).toEqual([
			{ type: 'choice', correct: 1, total: 1 },
			{ type: 'order', correct: 0, total: 1 }
		]);
		expect(summary).toMatchObject({ points: 2.67, total: 3, answered: 3, correct: 2, percent: 89, missed: ['support'] });
		// The assignment closed after the first answer: the others are unanswered, and missed.
		expect(summarize(toPublicQuiz(quiz, 'sample', 'v1'), { vote: results.vote }, ['vote', 'denial', 'support'])).toMatchObject({
			total: 3,
			answered: 1,
			correct: 1,
			missed: ['denial', 'support']
		});
	});
});

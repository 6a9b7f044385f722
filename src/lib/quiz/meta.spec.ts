import { describe, expect, it } from 'vitest';
import { estimateMinutes } from './meta.ts';
import { QuizSchema } from './schema.ts';
import { sampleQuizWithOrder } from '../../test-support/sample-quiz.ts';

const quiz = QuizSchema.parse(sampleQuizWithOrder);
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('the time a quiz takes', () => {
	it('counts reading the article', () => {
		const longer = { ...quiz, article: { ...quiz.article, paragraphs: [...quiz.article.paragraphs, words(1500)] } };
		// 1,500 more words read closely at 150 a minute.
		expect(estimateMinutes(longer) - estimateMinutes(quiz)).toBeGreaterThanOrEqual(9);
		expect(estimateMinutes(longer) - estimateMinutes(quiz)).toBeLessThanOrEqual(11);
	});

	it('counts reading the feedback, every order claim’s included', () => {
		const wordy = { ...quiz, questions: quiz.questions.map((q) => ({ ...q, explanation: `${q.explanation} ${words(360)}` })) };
		// 360 more words of feedback on each of 6 questions, read at 180 a minute.
		expect(estimateMinutes(wordy) - estimateMinutes(quiz)).toBeGreaterThanOrEqual(11);
		expect(estimateMinutes(wordy) - estimateMinutes(quiz)).toBeLessThanOrEqual(13);
	});

	it('gives the sample quiz a few minutes', () => {
		expect(estimateMinutes(quiz)).toBeGreaterThanOrEqual(2);
		expect(estimateMinutes(quiz)).toBeLessThanOrEqual(5);
	});
});

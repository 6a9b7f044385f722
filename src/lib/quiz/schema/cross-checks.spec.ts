import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { validateQuizData } from '../validate.ts';

/** What an author reads side by side for a quote that is not in the article. */
const sideBySide = (question: number, quote: string) => {
	const data = structuredClone(sampleQuiz) as Record<string, any>;
	data.questions[question].quote = quote;
	const r = validateQuizData(data);
	return r.ok ? [] : r.problems.map((p) => `found ${p.found}; expected ${p.expected}`);
};

describe('a quote that is not the article’s word for word', () => {
	it('shows whole words of the article when a word is missing near the quote’s start', () => {
		expect(sideBySide(0, 'The voted 5–2 on Monday to delay the bridge repair, the minutes show.')).toEqual([
			'found "The voted 5–2 on Monday to…"; expected the article\'s text "The council voted 5–2 on Monday to…"'
		]);
	});

	it('shows whole words of the article when the quote starts with a word of its own', () => {
		expect(sideBySide(0, 'A council voted 5–2 on Monday to delay the bridge repair, the minutes show.')).toEqual([
			'found "A council voted 5–2 on…"; expected the article\'s text "The council voted 5–2 on…"'
		]);
		expect(sideBySide(1, 'Said two people familiar with the talks.')).toEqual([
			'found "Said two people familiar…"; expected the article\'s text "…a stadium, according to two people familiar…"'
		]);
	});

	it('still shows the words around a difference further in', () => {
		expect(sideBySide(1, 'The mayor reportedly wants the money for a new stadium, according to two people familiar with the talks.')).toEqual([
			'found "…wants the money for a new stadium, according…"; expected the article\'s text "…wants the money for a stadium, according to…"'
		]);
	});
});

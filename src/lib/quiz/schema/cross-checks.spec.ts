import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { validateQuizData } from '../validate.ts';
import { formatProblem } from '../validate/format.ts';

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

describe('a related passage that is not the article’s word for word', () => {
	const said = (passage: string) => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		data.questions[0].related = [passage];
		const r = validateQuizData(data);
		return r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
	};

	it('is named as the related passage, not as the quote', () => {
		expect(said('The mayor reportedly wants the money for a Stadium')).toEqual([
			'quiz.json error questions[0].related[0]: The related passage is not in the article word for word (found "…wants the money for a Stadium"; expected the article\'s text "…wants the money for a stadium") hint: the article’s closest words are in paragraph 2; first difference at character 44: letter case differs; copy the words exactly as the article writes them'
		]);
		expect(said('the minutes show. The mayor reportedly')).toEqual([
			'quiz.json error questions[0].related[0]: The related passage is not in the article word for word (found "the minutes show. The mayor reportedly"; expected the article\'s text "…the minutes show.") hint: the article’s closest words are in paragraph 1; first difference at character 18: the related passage runs on from paragraph 1 into paragraph 2; a related passage must sit inside one paragraph, so split it into two related passages or shorten it'
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { validateQuizData } from '../validate.ts';
import { formatProblem } from './format.ts';

/** What an author reads about the sample quiz once `edit` has changed it. */
const said = (edit: (data: Record<string, any>) => void) => {
	const data = structuredClone(sampleQuiz) as Record<string, any>;
	edit(data);
	const r = validateQuizData(data);
	return r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
};

describe('a text left empty', () => {
	it('is told to be written when the field is required', () => {
		expect(said((d) => (d.questions[0].explanation = ''))).toEqual([
			'quiz.json error questions[0].explanation: The explanation is empty (found an empty text "") hint: write it: "explanation" is required'
		]);
		expect(said((d) => (d.questions[0].whyNot.anonymous = ' '))).toEqual([
			'quiz.json error questions[0].whyNot.anonymous: A why-not text is empty (found only spaces) hint: write why a student might choose this category and why it does not fit; every wrong category needs one'
		]);
		expect(said((d) => (d.questions[4].options[0].whyNot = ''))).toEqual([
			'quiz.json error questions[4].options[0].whyNot: A why-not text is empty (found an empty text "") hint: write why a student might choose this option and why it is wrong (only the right option has no whyNot)'
		]);
	});

	it('may be removed instead when the field is optional, or an entry of a list', () => {
		expect(said((d) => (d.article.note = ''))).toEqual([
			'quiz.json error article.note: The note is empty (found an empty text "") hint: write something here, or remove the field'
		]);
		expect(said((d) => (d.questions[0].prompt = ''))).toEqual([
			'quiz.json error questions[0].prompt: The prompt is empty (found an empty text "") hint: write something here, or remove the field'
		]);
		expect(said((d) => (d.questions[0].related = ['']))).toEqual([
			'quiz.json error questions[0].related[0]: A related passage is empty (found an empty text "") hint: write it, or remove this entry from the list'
		]);
	});
});

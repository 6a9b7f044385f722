import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { validateQuizData } from '../validate.ts';
import { formatProblem } from '../validate/format.ts';

/** What an author reads about the sample quiz once `edit` has changed it. */
const said = (edit: (data: Record<string, any>) => void) => {
	const data = structuredClone(sampleQuiz) as Record<string, any>;
	edit(data);
	const r = validateQuizData(data);
	return r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
};

/** Renames a key of the first question's whyNot, keeping its text. */
const rename = (from: string, to: string) => (data: Record<string, any>) => {
	const whyNot = data.questions[0].whyNot as Record<string, string>;
	whyNot[to] = whyNot[from]!;
	delete whyNot[from];
};

describe('the keys of a classify question’s whyNot', () => {
	it('tell a mistyped key as one problem, naming it and the category it was meant for', () => {
		expect(said(rename('anonymous', 'anonymus'))).toEqual([
			'quiz.json error questions[0].whyNot.anonymus: whyNot names "anonymus", which is not a category (found "anonymus"; expected one of "anonymous", "non-answer") hint: did you mean "anonymous"?'
		]);
	});

	it('tell a key of the wrong form as one problem, naming the category it was meant for', () => {
		expect(said(rename('non-answer', 'Non Answer'))).toEqual([
			'quiz.json error questions[0].whyNot[\"Non Answer\"]: A whyNot key may use only lower-case letters, digits and single hyphens, like "non-answer" or "q12" (found "Non Answer") hint: rename it "non-answer", the category\'s id'
		]);
	});

	it('still tell a key that is no category, and a wrong category left out, as two problems', () => {
		expect(said(rename('anonymous', 'rumour'))).toEqual([
			'quiz.json error questions[0].whyNot.rumour: whyNot names "rumour", which is not a category (found "rumour"; expected one of "anonymous", "non-answer") hint: each key of whyNot is the id of a wrong category',
			'quiz.json error questions[0].whyNot: whyNot has nothing for "anonymous" (expected a text for every wrong category: "anonymous", "non-answer") hint: add "anonymous": "why a student might choose it and why it does not fit"'
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { sampleOrder, sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { DEFAULT_CATEGORIES } from '../categories.ts';
import { validateQuizData, validateQuizText } from '../validate.ts';
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

/** What an author reads, placed in the file's text, about the sample quiz once `edit` has changed it. */
const placed = (edit: (data: Record<string, any>) => void) => {
	const data = structuredClone(sampleQuiz) as Record<string, any>;
	edit(data);
	const r = validateQuizText(JSON.stringify(data, null, '\t'));
	return r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
};

describe('texts students would see twice', () => {
	it('refuse two options of a choice question that read the same, naming both', () => {
		expect(placed((d) => (d.questions[4].options[1].text = ' yes, that is a denial.'))).toEqual([
			'quiz.json:87:6 error questions[4].options[1].text: The option text "yes, that is a denial." is used twice (found "yes, that is a denial."; expected a text no other entry has) hint: students would see two answers that read the same; reword one of them; questions[4].options[0] has it too, on line 80'
		]);
	});

	it('refuse two claims of an order question that quote the same words, naming both', () => {
		expect(
			placed((d) => {
				d.questions.push(structuredClone(sampleOrder));
				d.questions[5].items[2].quote = d.questions[5].items[0].quote;
			})
		).toEqual([
			'quiz.json:110:6 error questions[5].items[2].quote: The claim "The council voted 5–2 on Monday to delay the bridge repair, the minutes show." is used twice (found "The council voted 5–2 on Monday to delay the bridge repair, the minutes show."; expected a quote no other entry has) hint: students would see the same claim twice, with no right place for either; quote another claim; questions[5].items[0] has it too, on line 98'
		]);
	});

	it('refuse two categories with the same label, naming both', () => {
		expect(
			placed((d) => {
				d.categories = DEFAULT_CATEGORIES.map((c) => ({ ...c }));
				d.categories[2].label = 'CONFIRMED FACT';
			})
		).toEqual([
			'quiz.json:107:4 error categories[2].label: The category label "CONFIRMED FACT" is used twice (found "CONFIRMED FACT"; expected a label no other entry has) hint: students would see two buttons that read the same, and could not tell which is meant; rename one of them; categories[0] has it too, on line 95'
		]);
	});
});

describe('a choice question with no options', () => {
	it('says the question has no options, not that the answer is not among an empty list', () => {
		expect(said((d) => (d.questions[4].options = []))).toEqual([
			'quiz.json error questions[4].options: A choice question needs at least 2 options (found 0 items) hint: add at least 2',
			'quiz.json error questions[4].answer: The answer "no" names an option, but the question has no options (found "no"; expected options to choose from, one of them with this id) hint: list the options students choose from in "options": [{ "id": "a", "text": "..." }, ...]'
		]);
	});
});

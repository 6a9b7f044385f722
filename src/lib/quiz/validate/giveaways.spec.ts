import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { validateQuizData } from '../validate.ts';

type Data = Record<string, any>;
const warnings = (edit: (data: Data) => void) => {
	const data = structuredClone(sampleQuiz) as Data;
	edit(data);
	const r = validateQuizData(data);
	if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
	return r.warnings.map((w) => `${w.path}: ${w.message}`);
};
const move = (data: Data, from: number, to: number) => data.questions.splice(to, 0, ...data.questions.splice(from, 1));

describe('feedback that gives away the next answer', () => {
	it('is silent for the sample quiz', () => {
		expect(warnings(() => {})).toEqual([]);
	});

	it('warns when an explanation holds half the words of the next right option in a row', () => {
		const found = warnings((d) => (d.questions[3].explanation = 'They are counted, not named. And the spokesperson? No: a non-answer.'));
		expect(found).toEqual(['questions[3].explanation: The explanation of "familiar" gives away the answer to the next question, "denial"']);
	});

	it('does not count a few shared words as a quote', () => {
		expect(warnings((d) => (d.questions[3].explanation = 'It is counted, but no one is named.'))).toEqual([]);
	});

	it('warns when the next question asks for the label this feedback gives, about the same paragraph', () => {
		// familiar and stadium both quote paragraph 2.
		const found = warnings((d) => {
			move(d, 3, 1);
			d.questions[1].explanation = 'The people are not named, so this is an Anonymous-source claim.';
		});
		expect(found).toEqual(['questions[1].explanation: The explanation of "familiar" gives away the answer to the next question, "stadium"']);
	});

	it('leaves a draft\'s placeholder to the placeholder error, though it names the label it explains', () => {
		const data = structuredClone(sampleQuiz) as Data;
		move(data, 3, 1);
		data.questions[1].explanation = 'TODO: explain why this is “Anonymous-source claim”, naming the cue.';
		const r = validateQuizData(data);
		expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'questions[1].explanation: The quiz still holds a "TODO:" placeholder from the draft'
		]);
	});

	it('leaves a label alone when the next question is about another paragraph', () => {
		expect(warnings((d) => (d.questions[1].explanation = 'Next comes an official non-answer.'))).toEqual([]);
	});

	it('warns when the feedback names every cue of the next cue question on the same paragraph', () => {
		const found = warnings((d) => (d.questions[2].explanation = 'x'));
		expect(found).toEqual([]);
		const cue = warnings((d) => {
			move(d, 2, 3);
			d.questions[1].explanation = '“Reportedly”, then “according to” and “two people familiar with”: unnamed.';
		});
		expect(cue).toEqual(['questions[1].explanation: The explanation of "stadium" gives away the answer to the next question, "familiar"']);
	});
});

describe('the right option as the longest', () => {
	it('warns when it is the longest in more than half of the choice questions', () => {
		expect(warnings((d) => (d.questions[4].options[1].text = 'No: it says nothing either way.'))).toEqual([
			'questions[4].options[1].text: The right option is the longest in 1 of 1 choice questions'
		]);
	});

	it('does not count a tie as the longest', () => {
		expect(warnings((d) => (d.questions[4].options[1].text = 'No: a non-answer here.'))).toEqual([]);
	});
});

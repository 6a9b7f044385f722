import { describe, expect, it } from 'vitest';
import { cueTokens, grade, gradeMarks } from './grading.ts';
import { QuizSchema } from './schema.ts';
import { sampleQuiz } from '../../test-support/sample-quiz.ts';
import { tokenize } from './text.ts';

const quiz = QuizSchema.parse(sampleQuiz);
const q = (id: string) => quiz.questions.find((x) => x.id === id)!;

describe('grading', () => {
	it('marks the right label correct with full credit and no why-not', () => {
		const r = grade(q('vote'), { type: 'classify', category: 'fact' });
		expect(r).toMatchObject({ correct: true, score: 1, expected: 'fact', whyNot: [] });
		expect(r.cues).toEqual(['the minutes show']);
	});

	it('explains why the chosen wrong label is wrong', () => {
		const r = grade(q('vote'), { type: 'classify', category: 'anonymous' });
		expect(r.correct).toBe(false);
		expect(r.score).toBe(0);
		expect(r.whyNot).toEqual(['Nobody hidden is speaking: the minutes are a public record.']);
	});

	it('gives half credit for the label and half for the cue words when citing', () => {
		const quote = q('stadium').quote!;
		const reportedly = tokenize(quote).findIndex((t) => t.text === 'reportedly');
		const right = grade(q('stadium'), { type: 'classify', category: 'anonymous', marked: [reportedly] });
		expect(right).toMatchObject({ correct: true, score: 1 });
		const noMarks = grade(q('stadium'), { type: 'classify', category: 'anonymous', marked: [] });
		expect(noMarks).toMatchObject({ correct: true, score: 0.5 });
	});

	it('grades cue marking as a set, with partial credit and decoy notes', () => {
		const question = q('familiar');
		if (question.type !== 'cue') throw new Error('fixture');
		const expected = cueTokens(question.quote, question.cues);
		expect(expected.map((t) => tokenize(question.quote)[t]!.text)).toEqual(['according', 'to', 'two', 'people', 'familiar', 'with']);
		expect(grade(question, { type: 'cue', marked: expected })).toMatchObject({ correct: true, score: 1 });

		const talks = tokenize(question.quote).findIndex((t) => t.text === 'talks');
		const partial = grade(question, { type: 'cue', marked: [expected[0]!, expected[1]!, talks] });
		expect(partial.correct).toBe(false);
		expect(partial.score).toBeGreaterThan(0);
		expect(partial.score).toBeLessThan(1);
		expect(partial.whyNot).toEqual(['“Talks” is what they discussed, not who is speaking.']);
		expect(partial.marks).toMatchObject({ missed: expected.slice(2), extra: [talks] });
	});

	it('says which marked words are not cues when no decoy note fits', () => {
		const question = q('familiar');
		const the = tokenize(question.quote!).findIndex((t) => t.text === 'the');
		expect(grade(question, { type: 'cue', marked: [the] }).whyNot).toEqual(['“the” does not tell you who the source is.']);
	});

	it('grades a choice and returns the chosen option’s why-not', () => {
		expect(grade(q('denial'), { type: 'choice', option: 'no' })).toMatchObject({ correct: true, whyNot: [] });
		expect(grade(q('denial'), { type: 'choice', option: 'yes' }).whyNot[0]).toMatch(/Declining to answer/);
	});

	it('scores marks as F1 of found words against marked and expected', () => {
		const m = gradeMarks('a b c d', ['a b'], [0, 2]);
		expect(m).toMatchObject({ expected: [0, 1], found: [0], missed: [1], extra: [2], score: 0.5 });
		expect(gradeMarks('a b', ['a'], []).score).toBe(0);
	});

	it('refuses an answer of the wrong type rather than guessing', () => {
		expect(() => grade(q('vote'), { type: 'choice', option: 'x' })).toThrow(TypeError);
	});
});

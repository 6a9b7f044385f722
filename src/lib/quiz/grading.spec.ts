import { describe, expect, it } from 'vitest';
import { cueTokens, grade, gradeMarks, isComplete, misfit, sameAnswer } from './grading.ts';
import { AnswerSchema, QuizSchema, type Question } from './schema.ts';
import { sampleQuizWithOrder } from '../../test-support/sample-quiz.ts';
import { tokenize } from './text.ts';

const quiz = QuizSchema.parse(sampleQuizWithOrder);
const q = (id: string) => quiz.questions.find((x) => x.id === id)!;
const quoteOf = (question: Question) => (question.type === 'order' ? '' : question.quote!);

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

	it('gives half credit for the label and half for the cue words when citing, and calls it right only with both', () => {
		const quote = quoteOf(q('stadium'));
		const reportedly = tokenize(quote).findIndex((t) => t.text === 'reportedly');
		const right = grade(q('stadium'), { type: 'classify', category: 'anonymous', marked: [reportedly] });
		expect(right).toMatchObject({ correct: true, score: 1 });
		// The right label with no cue word marked: half a point, not right, and no why-not for the label.
		const noMarks = grade(q('stadium'), { type: 'classify', category: 'anonymous', marked: [] });
		expect(noMarks).toMatchObject({ correct: false, score: 0.5, whyNot: [] });
		const wrongLabel = grade(q('stadium'), { type: 'classify', category: 'fact', marked: [reportedly] });
		expect(wrongLabel).toMatchObject({ correct: false, score: 0.5, whyNot: ['Nothing here is on the record; the claim rests on unnamed people.'] });
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
		const the = tokenize(quoteOf(question)).findIndex((t) => t.text === 'the');
		expect(grade(question, { type: 'cue', marked: [the] }).whyNot).toEqual(['“the” does not tell you who the source is.']);
	});

	it('grades a choice and returns the chosen option’s why-not', () => {
		expect(grade(q('denial'), { type: 'choice', option: 'no' })).toMatchObject({ correct: true, whyNot: [] });
		expect(grade(q('denial'), { type: 'choice', option: 'yes' }).whyNot[0]).toMatch(/Declining to answer/);
	});

	it('counts a cue where it stands as a word of its own, not inside a longer word', () => {
		const quote = 'Some resources were cut last year, sources said.';
		const sources = tokenize(quote).findIndex((t) => t.text === 'sources');
		expect(cueTokens(quote, ['sources'])).toEqual([sources]);
		expect(gradeMarks(quote, ['sources'], [sources]).score).toBe(1);
		expect(gradeMarks(quote, ['sources'], [1]).score).toBe(0);
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

describe('grading an order question', () => {
	const support = q('support');
	const order = (...ids: string[]) => grade(support, { type: 'order', order: ids });

	it('gives full credit, and every claim’s note in the right order, for the right order', () => {
		const r = order('minutes', 'two-people', 'reportedly');
		expect(r).toMatchObject({ correct: true, score: 1, expected: null, marks: null, cues: [], whyNot: [] });
		expect(r.ranking).toMatchObject({ expected: ['minutes', 'two-people', 'reportedly'], pairsRight: 3, pairs: 3 });
		expect(r.ranking!.notes.map((n) => n.id)).toEqual(['minutes', 'two-people', 'reportedly']);
		expect(r.ranking!.notes[0]).toEqual({
			id: 'minutes',
			quote: 'The council voted 5–2 on Monday to delay the bridge repair, the minutes show.',
			explanation: 'The minutes are a public record anyone can read.'
		});
	});

	it('gives credit for each pair in the right relative order', () => {
		const swapped = order('two-people', 'minutes', 'reportedly');
		expect(swapped).toMatchObject({ correct: false, score: 0.67, ranking: { pairsRight: 2, pairs: 3, chosen: ['two-people', 'minutes', 'reportedly'] } });
		expect(order('reportedly', 'minutes', 'two-people')).toMatchObject({ score: 0.33 });
		expect(order('minutes', 'reportedly', 'two-people')).toMatchObject({ score: 0.67 });
		expect(order('two-people', 'reportedly', 'minutes')).toMatchObject({ score: 0.33 });
		expect(order('reportedly', 'two-people', 'minutes')).toMatchObject({ correct: false, score: 0, ranking: { pairsRight: 0 } });
	});

	it('says which claims stand in the wrong place', () => {
		expect(order('two-people', 'minutes', 'reportedly').whyNot).toEqual([
			'You put “according to two people familiar with the talks” first; it belongs second.',
			'You put “The council voted 5–2 on Monday to delay…” second; it belongs first.'
		]);
	});

	it('leaves ranking out for the other types', () => {
		expect(grade(q('vote'), { type: 'classify', category: 'fact' }).ranking).toBeNull();
		expect(grade(q('denial'), { type: 'choice', option: 'no' }).ranking).toBeNull();
	});

	it('takes only an order of this question’s claims, each once', () => {
		const check = (ids: string[]) => misfit(quiz, support, { type: 'order', order: ids })?.kind ?? null;
		expect(check(['reportedly', 'minutes', 'two-people'])).toBeNull();
		expect(check(['minutes', 'two-people'])).toBe('invalid-answer');
		expect(check(['minutes', 'two-people', 'two-people'])).toBe('invalid-answer');
		expect(check(['minutes', 'two-people', 'rumour'])).toBe('invalid-answer');
		expect(check(['minutes', 'two-people', 'reportedly', 'rumour'])).toBe('invalid-answer');
		expect(misfit(quiz, support, { type: 'choice', option: 'no' })?.kind).toBe('wrong-answer-type');
		expect(misfit(quiz, q('denial'), { type: 'order', order: ['no'] })?.kind).toBe('wrong-answer-type');
	});

	it('refuses a repeated claim on the wire, before any question is looked up', () => {
		expect(AnswerSchema.safeParse({ type: 'order', order: ['a', 'b', 'a'] }).success).toBe(false);
		expect(AnswerSchema.safeParse({ type: 'order', order: [] }).success).toBe(false);
		expect(AnswerSchema.safeParse({ type: 'order', order: ['a', 'b', 'c'] }).success).toBe(true);
	});

	it('can always be checked, since the claims start in an order', () => {
		expect(isComplete({ type: 'order', order: ['a', 'b', 'c'] })).toBe(true);
	});
});

describe('the same answer', () => {
	it('is the same label, option or order, with the same words marked in any order', () => {
		expect(sameAnswer({ type: 'classify', category: 'fact', marked: [3, 1] }, { type: 'classify', category: 'fact', marked: [1, 3] })).toBe(true);
		expect(sameAnswer({ type: 'classify', category: 'fact' }, { type: 'classify', category: 'fact', marked: [] })).toBe(true);
		expect(sameAnswer({ type: 'classify', category: 'fact' }, { type: 'classify', category: 'named-claim' })).toBe(false);
		expect(sameAnswer({ type: 'cue', marked: [2] }, { type: 'cue', marked: [2, 4] })).toBe(false);
		expect(sameAnswer({ type: 'choice', option: 'a' }, { type: 'choice', option: 'a' })).toBe(true);
		expect(sameAnswer({ type: 'order', order: ['a', 'b'] }, { type: 'order', order: ['b', 'a'] })).toBe(false);
		expect(sameAnswer({ type: 'choice', option: 'a' }, { type: 'cue', marked: [] })).toBe(false);
	});
});

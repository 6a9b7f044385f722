import { describe, expect, it } from 'vitest';
import { announcement, checkFailure, finishFailure, taskText, unsavedAnswers } from './format.ts';
import { sentence } from '../../quiz/text.ts';
import { DEFAULT_CATEGORIES, FOUR_CATEGORIES } from '../../quiz/categories.ts';
import type { PublicQuestion } from '../../quiz/public.ts';
import type { Graded } from '../../quiz/grading.ts';

describe('answers read out as sentences', () => {
	it('ends a label with a full stop, and an option that has one with no second', () => {
		expect(sentence('Anonymous-source claim')).toBe('Anonymous-source claim.');
		expect(sentence('No: a non-answer.')).toBe('No: a non-answer.');
		expect(sentence('Was it “a denial?”')).toBe('Was it “a denial?”');
	});
});

describe('the task as the intro tells it', () => {
	const classify = { type: 'classify', id: 'a', quote: 'q' } as PublicQuestion;
	const cite = { ...classify, cite: true } as PublicQuestion;
	const order = { type: 'order', id: 'o' } as PublicQuestion;
	it('names the quiz\'s own labels, and asks for cue words or a ranking only when a question does', () => {
		expect(taskText({ categories: DEFAULT_CATEGORIES, questions: [classify] })).toBe(
			'Read the article, then take it claim by claim and choose the label that fits each: Confirmed fact, Anonymous-source claim or Official non-answer. Question 1 is below.'
		);
		expect(taskText({ categories: FOUR_CATEGORIES, questions: [cite, order] })).toBe(
			'Read the article, then take it claim by claim and choose the label that fits each: Confirmed fact, Named-source claim, Anonymous-source claim or Official non-answer. ' +
				'Find the words that give it away. Rank claims by how well they are supported. Question 1 is below.'
		);
		expect(taskText({ categories: DEFAULT_CATEGORIES, questions: [order] })).toBe(
			'Read the article, then take it claim by claim. Rank claims by how well they are supported. Question 1 is below.'
		);
	});
});

describe('the verdict read out after an answer', () => {
	const graded = (over: Partial<Graded>): Graded => ({
		questionId: 'q',
		answer: { type: 'cue', marked: [1] },
		correct: false,
		score: 0.5,
		expected: null,
		marks: { expected: [1, 2], found: [1], extra: [], score: 0.5 },
		ranking: null,
		explanation: '',
		...over
	}) as Graded;
	const context = { mode: 'practice', index: 0, round: ['q'] };
	const cue = { id: 'q', type: 'cue', quote: 'x' } as never;

	it('says "Partly right" where the heading says so, and "Not quite" for no credit', () => {
		expect(announcement('feedback', context, cue, graded({}), [], null)).toBe('Partly right.');
		expect(announcement('feedback', context, cue, graded({ score: 0 }), [], null)).toBe('Not quite.');
		expect(announcement('feedback', context, cue, graded({ correct: true, score: 1 }), [], null)).toBe('Correct.');
	});

	it('for a label with cue words: "Partly right" with half, and the right label only when the chosen one was wrong', () => {
		const stadium = { id: 'q', type: 'classify', quote: 'x' } as never;
		const categories = [
			{ id: 'fact', label: 'Confirmed fact' },
			{ id: 'anonymous', label: 'Anonymous source' }
		] as never;
		const rightLabel = graded({ answer: { type: 'classify', category: 'anonymous', marked: [] }, expected: 'anonymous' });
		expect(announcement('feedback', context, stadium, rightLabel, categories, null)).toBe('Partly right.');
		const wrongLabel = graded({ answer: { type: 'classify', category: 'fact', marked: [1, 2] }, expected: 'anonymous' });
		expect(announcement('feedback', context, stadium, wrongLabel, categories, null)).toBe('Partly right. The right answer: Anonymous source.');
		const noCues = graded({ answer: { type: 'classify', category: 'fact' }, expected: 'anonymous', marks: null, score: 0 });
		expect(announcement('feedback', context, stadium, noCues, categories, null)).toBe('Not quite. The right answer: Anonymous source.');
	});
});

describe('a check that brought no feedback', () => {
	it('says the server is busy when it answered so, not that the connection is lost', () => {
		expect(checkFailure({ problem: null, checksWhenBack: true, serverBusy: true })).toBe('The server is busy: your answer is kept and checked in a moment.');
	});

	it('says a connection is needed when none reached the server, and the server’s own reason when it refused', () => {
		expect(checkFailure({ problem: null, checksWhenBack: true, serverBusy: false })).toBe(
			'Your answer could not be checked: feedback needs a connection to the server. Your answer is kept, and checked as soon as you are back online.'
		);
		expect(checkFailure({ problem: null, checksWhenBack: false, serverBusy: false })).toMatch(/press Check again once you are back online\.$/);
		expect(checkFailure({ problem: 'Too many answers at once.', checksWhenBack: true, serverBusy: true })).toBe('Too many answers at once. Your answer is kept here.');
	});
});

describe('results that could not be loaded', () => {
	it('says they need a connection, and to try again once back online, when none reached the server; else the server’s reason', () => {
		expect(finishFailure(null)).toBe(
			'Your results could not be loaded: they need a connection to the server. Your answers are saved; press Try again once you are back online.'
		);
		expect(finishFailure('The class is closed.')).toBe('Your results could not be loaded: The class is closed. Your answers are saved.');
	});
});

describe('answers lost when the attempt takes no more', () => {
	it('says how many of those waiting to be sent could not be saved, and that only those before them are', () => {
		expect(unsavedAnswers(3)).toBe('The 3 answers waiting to be sent could not be saved. Your answers before them are saved.');
		expect(unsavedAnswers(1)).toBe('The answer waiting to be sent could not be saved. Your answers before it are saved.');
		expect(unsavedAnswers(0)).toBeNull();
	});
});

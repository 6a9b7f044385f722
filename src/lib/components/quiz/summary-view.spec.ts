import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { grade } from '../../quiz/grading.ts';
import { toPublicQuiz } from '../../quiz/public.ts';
import { QuizSchema } from '../../quiz/schema.ts';
import { summarize } from '../../quiz/summary.ts';
import { sampleQuizWithOrder } from '../../../test-support/sample-quiz.ts';
import type { Graded } from '../../quiz/grading.ts';
import Summary from './Summary.svelte';

const quiz = QuizSchema.parse(sampleQuizWithOrder);
const shown = toPublicQuiz(quiz, 'sample', 'v1');
const order = quiz.questions.map((q) => q.id);
const text = (html: string) => html.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

function resultsPage(results: Record<string, Graded>, asked = order): string {
	const summary = summarize(shown, results, asked);
	const props = { quiz: shown, summary, results, order: asked, canRetry: false, canRestart: false, onevents: () => {} };
	return text(render(Summary, { props }).body);
}

describe('the results of an attempt the assignment ended early', () => {
	it('with no answer saved, say so instead of a score of 0 and praise for mixing nothing up', () => {
		const page = resultsPage({});
		expect(page).toContain('No answer of yours was saved before this assignment ended, so there is no score.');
		expect(page).not.toMatch(/points|fully right|Well read|By kind of claim/);
		expect(page).toContain('See each question and its answer');
	});

	it('with some answers, give the score and say how many went unanswered', () => {
		const [first] = quiz.questions;
		if (first?.type !== 'classify') throw new Error('The sample quiz starts with a classify question');
		const page = resultsPage({ [first.id]: grade(first, { type: 'classify', category: first.answer }) });
		expect(page).toContain(`1 of ${order.length} questions fully right.`);
		expect(page).toContain(`You answered 1 of ${order.length} questions before this assignment ended. The ${order.length - 1} you did not answer score nothing.`);
		expect(page).toContain('Review every answer');
	});

	it('with every question answered, add nothing', () => {
		const q = (id: string) => quiz.questions.find((x) => x.id === id)!;
		const results = {
			vote: grade(q('vote'), { type: 'classify', category: 'fact' }),
			denial: grade(q('denial'), { type: 'choice', option: 'no' }),
			support: grade(q('support'), { type: 'order', order: ['two-people', 'minutes', 'reportedly'] })
		};
		const page = resultsPage(results, ['vote', 'denial', 'support']);
		expect(page).toContain('2 of 3 questions fully right.');
		expect(page).not.toContain('before this assignment ended');
		expect(page).not.toContain('you answered.');
	});

	it('count every kind of claim the same way, over the questions answered, when some went unanswered', () => {
		const q = (id: string) => quiz.questions.find((x) => x.id === id)!;
		const page = resultsPage({ vote: grade(q('vote'), { type: 'classify', category: 'fact' }) }, ['vote', 'denial', 'support']);
		expect(page).toContain('By kind of claim Of the 1 question you answered.');
		// The choice and the ranking went unanswered: no row counts them as missed while the labels leave theirs out.
		expect(page).not.toMatch(/Reading closely|Weighing the sources/);
	});
});

describe('a missed choice in the results', () => {
	it('names the answer given and the right one, each as written, with no full stop doubled around it', () => {
		const q = (id: string) => quiz.questions.find((x) => x.id === id)!;
		const denial = q('denial');
		if (denial.type !== 'choice') throw new Error('The sample quiz has a choice question "denial"');
		const wrong = denial.options.find((o) => o.id !== denial.answer)!;
		const right = denial.options.find((o) => o.id === denial.answer)!;
		const page = resultsPage({ denial: grade(denial, { type: 'choice', option: wrong.id }) }, ['denial']);
		expect(page).toContain(`Your answer: ${wrong.text} The right answer: ${right.text}`);
		expect(page).not.toMatch(/[.!?]”[.;]/);
	});
});

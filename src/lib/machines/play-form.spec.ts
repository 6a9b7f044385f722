import { describe, expect, it } from 'vitest';
import { answerFromForm, changesFromForm, eventsFromForm, moveFromForm } from './play-form.ts';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe("the player's forms", () => {
	it('read as the events the machine knows, named by the button pressed', () => {
		expect(eventsFromForm(form([['event', 'quiz.start'], ['mode', 'test']]), undefined)).toEqual([{ type: 'quiz.start', mode: 'test' }]);
		expect(eventsFromForm(form([['event', 'quiz.start'], ['mode', 'both']]), undefined)).toEqual([{ type: 'quiz.start' }]);
		expect(eventsFromForm(form([['event', 'question.next']]), undefined)).toEqual([{ type: 'question.next' }]);
		expect(eventsFromForm(form([['event', 'review.start@3']]), undefined)).toEqual([{ type: 'review.start', index: 3 }]);
		expect(eventsFromForm(form([['event', 'xstate.done.actor.grade']]), undefined)).toEqual([]);
		expect(eventsFromForm(form([]), undefined)).toEqual([]);
	});

	it('stand for each step they name, in order: the intro starts the quiz and checks question 1', () => {
		const start = form([['event', 'quiz.start'], ['mode', 'test'], ['choice', 'fact'], ['event', 'answer.submit']]);
		expect(eventsFromForm(start, { type: 'classify' })).toEqual([
			{ type: 'quiz.start', mode: 'test' },
			{ type: 'answer.change', answer: { type: 'classify', category: 'fact' } },
			{ type: 'answer.submit' }
		]);
		// Moving a claim of an order question on the intro starts the quiz there too.
		const order = form([['event', 'quiz.start'], ['order', 'a'], ['order', 'b'], ['event', 'order.down@a']]);
		expect(eventsFromForm(order, { type: 'order' })).toEqual([{ type: 'quiz.start' }, { type: 'answer.change', answer: { type: 'order', order: ['b', 'a'] } }]);
		// A tampered form naming more steps than any of the player's forms has is cut at two.
		const many = form(Array.from({ length: 50 }, () => ['event', 'quiz.restart'] as [string, string]));
		expect(eventsFromForm(many, undefined)).toEqual([{ type: 'quiz.restart' }, { type: 'quiz.restart' }]);
	});

	it('tell the machine of each change: the answer being built, and on the intro the mode picked', () => {
		expect(changesFromForm(form([['mode', 'test'], ['choice', 'fact']]), { type: 'classify' })).toEqual([
			{ type: 'mode.choose', mode: 'test' },
			{ type: 'answer.change', answer: { type: 'classify', category: 'fact' } }
		]);
		expect(changesFromForm(form([['mode', 'both']]), { type: 'choice' })).toEqual([{ type: 'answer.change', answer: null }]);
		expect(changesFromForm(form([['choice', 'b']]), { type: 'choice' })).toEqual([{ type: 'answer.change', answer: { type: 'choice', option: 'b' } }]);
	});

	it('turn a question form into the answer it holds, then Check', () => {
		const classify = { type: 'classify' as const, cite: true };
		expect(eventsFromForm(form([['event', 'answer.submit'], ['choice', 'fact'], ['marked', '4'], ['marked', '2'], ['marked', '2']]), classify)).toEqual([
			{ type: 'answer.change', answer: { type: 'classify', category: 'fact', marked: [2, 4] } },
			{ type: 'answer.submit' }
		]);
		expect(answerFromForm(form([['choice', 'b']]), { type: 'choice' })).toEqual({ type: 'choice', option: 'b' });
		expect(answerFromForm(form([['marked', '1'], ['marked', '-1'], ['marked', 'x']]), { type: 'cue' })).toEqual({ type: 'cue', marked: [1] });
		expect(answerFromForm(form([]), { type: 'choice' })).toBeNull();
		expect(answerFromForm(form([]), { type: 'classify' })).toBeNull();
	});
});

describe('the button a form was sent with', () => {
	it('is the move of a claim, for the page it leads to to focus again, and nothing for any other step', () => {
		const form = (...events: string[]) => new URLSearchParams([...events.map((e) => ['event', e]), ['order', 'a'], ['order', 'b']]);
		expect(moveFromForm(form('order.down@a'))).toBe('order.down@a');
		expect(moveFromForm(form('order.up@b'))).toBe('order.up@b');
		expect(moveFromForm(form('answer.submit'))).toBeNull();
		expect(moveFromForm(form('order.up@'))).toBeNull();
	});
});

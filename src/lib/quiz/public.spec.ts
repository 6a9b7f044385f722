import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownOrder, toPublicQuestion, toPublicQuiz } from './public.ts';
import { QuizSchema } from './schema.ts';
import { sampleQuizWithOrder } from '../../test-support/sample-quiz.ts';

const quiz = QuizSchema.parse(sampleQuizWithOrder);

describe('what a student’s browser gets of an order question', () => {
	const support = quiz.questions.find((q) => q.id === 'support')!;

	it('holds the claims, without their explanations, and not in the right order', () => {
		const shown = toPublicQuestion(support);
		expect(shown).toEqual({
			type: 'order',
			id: 'support',
			prompt: 'Put these claims in order: best supported first.',
			items: expect.any(Array)
		});
		if (shown.type !== 'order') throw new Error('an order question');
		expect(shown.items.map((i) => Object.keys(i))).toEqual([['id', 'quote'], ['id', 'quote'], ['id', 'quote']]);
		expect(shown.items.map((i) => i.id).sort()).toEqual(['minutes', 'reportedly', 'two-people']);
		expect(shown.items.map((i) => i.id)).not.toEqual(['minutes', 'two-people', 'reportedly']);
		expect(JSON.stringify(toPublicQuiz(quiz, 'sample', 'v1'))).not.toContain('public record anyone can read');
	});

	it('is the same order on every load', () => {
		expect(toPublicQuestion(support)).toEqual(toPublicQuestion(structuredClone(support)));
	});

	it('never shows 3 to 5 claims in the right order, whatever their ids', () => {
		const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 3, maxLength: 5 });
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z0-9-]{1,12}$/), ids, (id, itemIds) => {
				const items = itemIds.map((itemId) => ({ id: itemId }));
				const shown = shownOrder({ id, items });
				expect(shown.map((i) => i.id)).not.toEqual(itemIds);
				expect([...shown].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...items].sort((a, b) => (a.id < b.id ? -1 : 1)));
			})
		);
	});
});

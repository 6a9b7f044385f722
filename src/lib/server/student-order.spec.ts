import { describe, expect, it } from 'vitest';
import { toPublicQuiz } from '../quiz/public.ts';
import { quiz } from '../../test-support/db.ts';
import { drawOptionOrder, inStudentOrder, parseOptionOrder, shuffled } from './student-order.ts';

const choices = (order: Record<string, string[]>) =>
	inStudentOrder(toPublicQuiz(quiz, 'bridge-vote', 'v1'), order).questions.flatMap((q) => (q.type === 'choice' ? [q.options.map((o) => o.id)] : []));

describe('the order a student sees options in', () => {
	it('is drawn for choice questions only, from the randomness given', () => {
		expect(drawOptionOrder(quiz, () => 0)).toEqual({ denial: ['no', 'yes'] });
		expect(drawOptionOrder(quiz, (max) => max - 1)).toEqual({ denial: ['yes', 'no'] });
		expect([...shuffled([1, 2, 3, 4], () => 0)].sort()).toEqual([1, 2, 3, 4]);
	});

	it('puts options the stored order does not name (added to the quiz since) last, and ignores ids the quiz no longer has', () => {
		expect(choices({ denial: ['no', 'yes'] })).toEqual([['no', 'yes']]);
		expect(choices({ denial: ['gone', 'no'] })).toEqual([['no', 'yes']]);
		expect(choices({})).toEqual([['yes', 'no']]);
	});

	it('reads an unreadable stored order as none, so the quiz’s own order shows', () => {
		expect(parseOptionOrder('not json')).toEqual({});
		expect(parseOptionOrder('[1, 2]')).toEqual({});
		expect(parseOptionOrder('{"denial": ["no", 3], "q": "x"}')).toEqual({ denial: ['no'] });
	});
});

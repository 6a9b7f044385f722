/** The end-of-quiz picture: score, score per category, and which labels were confused. */
import { choseWrong, type Graded } from './grading.ts';
import type { PublicQuestion, PublicQuiz } from './public.ts';

export interface Tally {
	correct: number;
	total: number;
}

export interface Confusion {
	/** The right category id. */
	expected: string;
	/** The category id the student chose instead. */
	chosen: string;
	count: number;
}

export interface Summary {
	/** Points earned; partial credit makes it fractional. */
	points: number;
	total: number;
	/** Questions with an answer: fewer than total only when the assignment ended first (the teacher closed it). */
	answered: number;
	correct: number;
	/** Whole percent of points. */
	percent: number;
	/** classify questions answered, by the right category, in the quiz's category order. */
	byCategory: (Tally & { category: string })[];
	/** cue, choice and order questions answered, by type. */
	byType: (Tally & { type: 'cue' | 'choice' | 'order' })[];
	confusions: Confusion[];
	/** Ids of questions not answered right, in quiz order. */
	missed: string[];
}

export function summarize(
	quiz: Pick<PublicQuiz, 'categories'> & { questions: readonly Pick<PublicQuestion, 'id' | 'type'>[] },
	results: Readonly<Record<string, Graded>>,
	questionIds: readonly string[] = quiz.questions.map((q) => q.id)
): Summary {
	const asked = quiz.questions.filter((q) => questionIds.includes(q.id));
	const graded = asked.map((q) => ({ q, r: results[q.id] }));
	const points = graded.reduce((n, { r }) => n + (r?.score ?? 0), 0);
	const correct = graded.filter(({ r }) => r?.correct).length;

	const byCategory = quiz.categories.map((c) => {
		const items = graded.filter(({ r }) => r?.answer.type === 'classify' && r.expected === c.id);
		return { category: c.id, correct: items.filter(({ r }) => r?.correct).length, total: items.length };
	});
	// Both count the questions answered: an unanswered claim's category is its answer, which the page does not hold.
	const byType = (['cue', 'choice', 'order'] as const)
		.map((type) => {
			const items = graded.filter(({ q, r }) => q.type === type && r);
			return { type, correct: items.filter(({ r }) => r?.correct).length, total: items.length };
		})
		.filter((t) => t.total > 0);

	const pairs = new Map<string, Confusion>();
	for (const { r } of graded) {
		// A label confused with another: a right label with cue words missed is no confusion.
		if (!r || r.answer.type !== 'classify' || r.expected === null || !choseWrong(r)) continue;
		const key = `${r.expected}\u0000${r.answer.category}`;
		const entry = pairs.get(key) ?? { expected: r.expected, chosen: r.answer.category, count: 0 };
		entry.count++;
		pairs.set(key, entry);
	}
	const confusions = [...pairs.values()].sort((a, b) => b.count - a.count);

	return {
		points: Math.round(points * 100) / 100,
		total: asked.length,
		answered: graded.filter(({ r }) => r).length,
		correct,
		percent: asked.length === 0 ? 0 : Math.round((points / asked.length) * 100),
		byCategory,
		byType,
		confusions,
		missed: graded.filter(({ r }) => !r?.correct).map(({ q }) => q.id)
	};
}

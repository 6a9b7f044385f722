/**
 * The order a student meets things in: the questions (when the assignment
 * shuffles them) and each choice question's options (always, so neighbours'
 * screens do not give an answer away by its place). Drawn once when the
 * attempt starts and stored with it, so a reload, a resume on another device
 * and the review all show the same order. Grading, the dashboard and the CSV
 * go by ids and never see it.
 */
import type { PublicQuiz } from '../quiz/public.ts';
import type { Question, Quiz } from '../quiz/schema.ts';

/** An integer in [0, max): node:crypto's randomInt in the app, a fixed one in tests. */
export type RandomInt = (max: number) => number;

/** Per question id, the ids of its options in the order this student sees them. */
export type OptionOrder = Record<string, string[]>;

/**
 * A stream of integers drawn from a 32-bit seed (mulberry32): the same seed
 * gives the same stream, so an order drawn from it can be drawn again instead
 * of stored. For open practice, where nothing about a student is stored.
 */
export function seededPick(seed: number): RandomInt {
	let state = seed >>> 0;
	return (max) => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) % max;
	};
}

/** Fisher–Yates. */
export function shuffled<T>(items: readonly T[], pick: RandomInt): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = pick(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/**
 * The ids of what a question lists for the student to choose among, whose
 * order is the student's own; undefined for a question that lists nothing.
 * A question type whose items are put in order by the student (an `order`
 * question) belongs here too: its items, shuffled the same way.
 */
function listed(question: Question): string[] | undefined {
	return question.type === 'choice' ? question.options.map((o) => o.id) : undefined;
}

/** A fresh order of every listed question's options, to store with a new attempt. */
export function drawOptionOrder(quiz: Quiz, pick: RandomInt): OptionOrder {
	const order: OptionOrder = {};
	for (const question of quiz.questions) {
		const ids = listed(question);
		if (ids) order[question.id] = shuffled(ids, pick);
	}
	return order;
}

/** A stored order; anything unreadable (a hand-edited row) counts as none, so the quiz's own order shows. */
export function parseOptionOrder(json: string): OptionOrder {
	try {
		const value: unknown = JSON.parse(json);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
		return Object.fromEntries(
			Object.entries(value)
				.filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
				.map(([id, ids]) => [id, ids.filter((x): x is string => typeof x === 'string')])
		);
	} catch {
		return {};
	}
}

/** Items sorted by where their id stands in `ids`; items it does not name (added to the quiz since) come last, as the quiz has them. */
function arranged<T extends { id: string }>(items: readonly T[], ids: readonly string[] | undefined): T[] {
	if (!ids) return [...items];
	const place = new Map(ids.map((id, i) => [id, i]));
	const rank = (item: T) => place.get(item.id) ?? ids.length;
	return items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i).map((x) => x.item);
}

/** The quiz as this student sees it: each listed question's options in their order. */
export function inStudentOrder(quiz: PublicQuiz, order: OptionOrder): PublicQuiz {
	return {
		...quiz,
		questions: quiz.questions.map((q) => (q.type === 'choice' ? { ...q, options: arranged(q.options, order[q.id]) } : q))
	};
}

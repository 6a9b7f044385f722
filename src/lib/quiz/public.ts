/**
 * What a student's browser may hold before answering: the quiz without its
 * answer key. Assignments send only this; feedback arrives with each grade.
 */
import type { ChoiceQuestion, ClassifyQuestion, CueQuestion, OrderQuestion, Quiz } from './schema.ts';

export type PublicQuestion =
	| Pick<ClassifyQuestion, 'type' | 'id' | 'prompt' | 'quote' | 'cite'>
	| Pick<CueQuestion, 'type' | 'id' | 'prompt' | 'quote'>
	| (Pick<ChoiceQuestion, 'type' | 'id' | 'prompt' | 'quote'> & {
			options: { id: string; text: string }[];
	  })
	| (Pick<OrderQuestion, 'type' | 'id' | 'prompt'> & {
			/** The claims in a fixed order that is never the right one (see `shownOrder`). */
			items: { id: string; quote: string }[];
	  });

export interface PublicQuiz {
	slug: string;
	version: string;
	title: string;
	summary?: string;
	language: string;
	article: Quiz['article'];
	categories: Quiz['categories'];
	questions: PublicQuestion[];
}

export function toPublicQuestion(q: Quiz['questions'][number]): PublicQuestion {
	switch (q.type) {
		case 'classify':
			return { type: q.type, id: q.id, prompt: q.prompt, quote: q.quote, cite: q.cite };
		case 'cue':
			return { type: q.type, id: q.id, prompt: q.prompt, quote: q.quote };
		case 'choice':
			return {
				type: q.type,
				id: q.id,
				prompt: q.prompt,
				quote: q.quote,
				options: q.options.map((o) => ({ id: o.id, text: o.text }))
			};
		case 'order':
			return { type: q.type, id: q.id, prompt: q.prompt, items: shownOrder(q).map(({ id, quote }) => ({ id, quote })) };
	}
}

/** FNV-1a: a small, stable hash of a text; it only has to scatter ids, not resist anyone. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/**
 * The order a student first sees an order question's claims in. The file
 * lists them in the right order, so showing that would give the answer away.
 * Sorting by a hash of the question id and claim id gives every student the
 * same order, on every load, that does not follow the right one; when the
 * sort happens to land on the right order, it is turned one place, which for
 * three claims or more always differs from it.
 */
export function shownOrder<T extends { id: string }>(q: { id: string; items: readonly T[] }): T[] {
	const sorted = [...q.items].sort((a, b) => hash(`${q.id}\u0000${a.id}`) - hash(`${q.id}\u0000${b.id}`) || (a.id < b.id ? -1 : 1));
	const same = sorted.every((item, i) => item === q.items[i]);
	return same && sorted.length > 1 ? [...sorted.slice(1), sorted[0]!] : sorted;
}

export function toPublicQuiz(quiz: Quiz, slug: string, version: string): PublicQuiz {
	return {
		slug,
		version,
		title: quiz.title,
		summary: quiz.summary,
		language: quiz.language,
		article: quiz.article,
		categories: quiz.categories,
		questions: quiz.questions.map(toPublicQuestion)
	};
}

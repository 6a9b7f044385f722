/**
 * What a student's browser may hold before answering: the quiz without its
 * answer key. Assignments send only this; feedback arrives with each grade.
 */
import type { ChoiceQuestion, ClassifyQuestion, CueQuestion, Quiz } from './schema.ts';

export type PublicQuestion =
	| Pick<ClassifyQuestion, 'type' | 'id' | 'prompt' | 'quote' | 'cite'>
	| Pick<CueQuestion, 'type' | 'id' | 'prompt' | 'quote'>
	| (Pick<ChoiceQuestion, 'type' | 'id' | 'prompt' | 'quote'> & {
			options: { id: string; text: string }[];
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
	}
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

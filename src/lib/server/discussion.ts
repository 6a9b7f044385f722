/**
 * One question as a class discusses it on the projector: the claim in its
 * paragraph, what the class answered (counts only, never who), and the
 * explanation with the cue words, from the question's own key.
 */
import { quotesOf } from '../quiz/claims.ts';
import { cueTokens, grade, opening, type Graded } from '../quiz/grading.ts';
import { toPublicQuestion, type PublicQuestion } from '../quiz/public.ts';
import type { Answer, Article, Question, Quiz } from '../quiz/schema.ts';
import { locate, quoteList } from '../quiz/text.ts';
import type { TallyBar } from './dashboard.ts';
import type { Figures } from './board.ts';

export interface Discussion {
	question: PublicQuestion;
	/** Its place in the quiz, from 1. */
	number: number;
	/** Its place among the questions, the most missed first, from 1. */
	rank: number;
	questions: number;
	/** Neighbours in the most-missed order, by id. */
	previous: string | null;
	next: string | null;
	/** The article with only the paragraphs holding the question's claims; null for a question that quotes none. */
	article: Article | null;
	answered: number;
	percent: number | null;
	tally: TallyBar[];
	/** A label question that also asks for the cue words: how the class marked them (every one, some, none). */
	marking: TallyBar[] | null;
	/** The right answer in words: the label, the option, the claims in order, or the cue words. */
	right: string;
	/** The right answer graded: its explanation, and the cues and related passages to light up. */
	key: Graded;
}

/** The answer that earns full marks: what the explanation explains. */
function modelAnswer(question: Question): Answer {
	if (question.type === 'choice') return { type: 'choice', option: question.answer };
	if (question.type === 'order') return { type: 'order', order: question.items.map((item) => item.id) };
	const marked = cueTokens(question.quote, question.cues);
	return question.type === 'cue' ? { type: 'cue', marked } : { type: 'classify', category: question.answer, marked };
}

export function discussion(quiz: Quiz, figures: Figures, questionId: string): Discussion | undefined {
	const index = quiz.questions.findIndex((q) => q.id === questionId);
	const question = quiz.questions[index];
	const f = figures.questions.find((q) => q.id === questionId);
	if (!question || !f) return undefined;
	const rank = figures.hardest.indexOf(questionId);
	// The paragraphs that hold the question's claims, in the article's order.
	const held = new Set(quotesOf(question).flatMap((quote) => locate(quiz.article.paragraphs, quote)?.paragraph ?? []));
	const paragraphs = quiz.article.paragraphs.filter((_, i) => held.has(i));
	const right =
		question.type === 'classify'
			? (quiz.categories.find((c) => c.id === question.answer)?.label ?? question.answer)
			: question.type === 'choice'
				? (question.options.find((o) => o.id === question.answer)?.text ?? question.answer)
				: question.type === 'order'
					? question.items.map((item, i) => `${i + 1}. ${opening(item.quote)}`).join(' ')
					: quoteList(question.cues);
	return {
		question: toPublicQuestion(question),
		number: index + 1,
		rank: rank + 1,
		questions: figures.hardest.length,
		previous: figures.hardest[rank - 1] ?? null,
		next: figures.hardest[rank + 1] ?? null,
		article: paragraphs.length ? { ...quiz.article, paragraphs } : null,
		answered: f.answered,
		percent: f.percent,
		tally: f.tally,
		marking: f.marking,
		right,
		key: grade(question, modelAnswer(question))
	};
}

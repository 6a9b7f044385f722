/**
 * What a question puts on screen, the same for the full question and the
 * public one a student's browser holds: its one quoted claim, every claim it
 * quotes, and the line that names it to a teacher.
 */
import type { PublicQuestion } from './public.ts';
import type { Question } from './schema.ts';

type Shown = Question | PublicQuestion;

/** The one claim a question quotes, if it quotes one (an order question quotes several). */
export function quoteOf(question: Shown | undefined): string | undefined {
	return question && question.type !== 'order' ? question.quote : undefined;
}

/** Every claim a question puts on screen, for lighting them up in the article. */
export function quotesOf(question: Shown | undefined): string[] {
	if (!question) return [];
	if (question.type === 'order') return question.items.map((item) => item.quote);
	return question.quote ? [question.quote] : [];
}

/** What names the question to a teacher: a choice or order question's prompt, otherwise its quote. */
export function headline(question: Question): string {
	return question.type === 'choice' || question.type === 'order' ? question.prompt : question.quote;
}

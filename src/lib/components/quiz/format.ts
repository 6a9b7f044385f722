/** Words for answers, shared by feedback, summary and review. */
import { choseWrong, type Graded } from '../../quiz/grading.ts';
import type { PublicQuestion } from '../../quiz/public.ts';
import { sentence, wordList } from '../../quiz/text.ts';
import type { Answer, Category } from '../../quiz/schema.ts';

export function categoryLabel(categories: readonly Category[], id: string | null | undefined): string {
	return categories.find((c) => c.id === id)?.label ?? id ?? '';
}

export function categoryIndex(categories: readonly Category[], id: string | null | undefined): number {
	return Math.max(0, categories.findIndex((c) => c.id === id));
}

/** The student's answer in words. */
export function describeAnswer(question: PublicQuestion, answer: Answer, categories: readonly Category[]): string {
	if (answer.type === 'classify') return categoryLabel(categories, answer.category);
	if (answer.type === 'choice' && question.type === 'choice')
		return question.options.find((o) => o.id === answer.option)?.text ?? answer.option;
	if (answer.type === 'cue') return `${answer.marked.length} word${answer.marked.length === 1 ? '' : 's'} marked`;
	return '';
}

/** The right answer in words, or null for cue questions (shown as marked words). */
export function describeExpected(question: PublicQuestion, result: Graded, categories: readonly Category[]): string | null {
	if (question.type === 'classify') return categoryLabel(categories, result.expected);
	if (question.type === 'choice') return question.options.find((o) => o.id === result.expected)?.text ?? result.expected;
	return null;
}

/** The verdict said and shown: partial credit is one where marking words is the task, or half of it. */
export function verdictOf(result: Pick<Graded, 'correct' | 'score' | 'answer' | 'marks'>): 'Correct' | 'Partly right' | 'Not quite' {
	if (result.correct) return 'Correct';
	return result.marks && result.score > 0 ? 'Partly right' : 'Not quite';
}

/**
 * The intro's account of the task, in this quiz's own labels: a quiz with a
 * named-source claim says so before its first question asks for one.
 */
export function taskText(quiz: { categories: readonly Category[]; questions: readonly PublicQuestion[] }): string {
	const asks = (type: PublicQuestion['type']) => quiz.questions.some((q) => q.type === type);
	const list = wordList(quiz.categories.map((c) => c.label), 'or');
	const parts = [
		asks('classify') ? `Read the article, then take it claim by claim and choose the label that fits each: ${list}.` : 'Read the article, then take it claim by claim.',
		asks('cue') || quiz.questions.some((q) => q.type === 'classify' && q.cite) ? 'Find the words that give it away.' : null,
		asks('order') ? 'Rank claims by how well they are supported.' : null,
		'Question 1 is below.'
	];
	return parts.filter(Boolean).join(' ');
}

export function defaultPrompt(question: PublicQuestion): string {
	if (question.prompt) return question.prompt;
	if (question.type === 'cue') return 'Which words tell you where this claim comes from? Mark them.';
	if (question.type === 'order') return 'Put these claims in order, from the best supported to the least.';
	return 'Who says so? Choose the label that fits this claim.';
}

/** What a screen reader hears when the quiz moves to a new step. */
export function announcement(
	view: string,
	context: { mode: string; index: number; round: readonly string[] },
	question: PublicQuestion | undefined,
	result: Graded | null,
	categories: readonly Category[],
	summary: { answered: number; correct: number; total: number } | null
): string {
	if (view === 'feedback' && result && question) {
		const expected = describeExpected(question, result, categories);
		return result.correct ? 'Correct.' : `${verdictOf(result)}.${expected && choseWrong(result) ? ` The right answer: ${sentence(expected)}` : ''}`;
	}
	if (view === 'question' && context.mode === 'test' && context.index > 0)
		return `Answer saved. Question ${context.index + 1} of ${context.round.length}.`;
	if (view === 'summary' && summary)
		return summary.answered === 0 ? 'Quiz ended before any answer was saved.' : `Quiz finished: ${summary.correct} of ${summary.total} right.`;
	return '';
}

/**
 * Why the last check brought no feedback, said under the Check button. `problem`: the server's refusal in its words;
 * `checksWhenBack`: the answer stays queued and goes by itself (an assignment's outbox); `serverBusy`: the server
 * answered that it could not take it yet, so the connection is fine and the check is only late.
 */
export function checkFailure({ problem, checksWhenBack, serverBusy }: { problem: string | null; checksWhenBack: boolean; serverBusy: boolean }): string {
	if (problem) return `${problem} Your answer is kept here.`;
	if (checksWhenBack && serverBusy) return 'The server is busy: your answer is kept and checked in a moment.';
	return `Your answer could not be checked: feedback needs a connection to the server. ${
		checksWhenBack ? 'Your answer is kept, and checked as soon as you are back online.' : 'Your answer is kept here; press Check again once you are back online.'
	}`;
}

/**
 * Why the results did not come, said on the finishing step: `problem`, the server's refusal in its words; otherwise no
 * answer reached the server, so the results wait for the connection, like a check does.
 */
export function finishFailure(problem: string | null): string {
	if (problem) return `Your results could not be loaded: ${problem} Your answers are saved.`;
	return 'Your results could not be loaded: they need a connection to the server. Your answers are saved; press Try again once you are back online.';
}

/**
 * What became of the answers a student gave while they waited to be sent, once the attempt takes no more (the class
 * closed, say): those `unsaved` are lost, and only those before them, which the server acknowledged, are saved.
 */
export function unsavedAnswers(unsaved: number): string | null {
	if (unsaved === 0) return null;
	if (unsaved === 1) return 'The answer waiting to be sent could not be saved. Your answers before it are saved.';
	return `The ${unsaved} answers waiting to be sent could not be saved. Your answers before them are saved.`;
}

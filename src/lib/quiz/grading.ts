/**
 * Grading: one answer in, a verdict with everything the feedback shows out.
 * Pure and isomorphic, so the same code grades in the browser for open
 * practice and on the server for assignments.
 */
import type { Answer, OrderQuestion, Question, Quiz } from './schema.ts';
import { quoteList, spansOf, tokenize, tokensIn } from './text.ts';

export interface MarkResult {
	/** Token indices of the quote that are the cue words. */
	expected: number[];
	/** Cue words the student marked. */
	found: number[];
	/** Cue words the student left unmarked. */
	missed: number[];
	/** Words the student marked that are not cue words. */
	extra: number[];
	/** Share of the cue words found, with extras counted against it (F1), 0..1. */
	score: number;
}

/** How a student ordered the claims of an order question, and how each belongs. */
export interface Ranking {
	/** Claim ids, best supported first. */
	expected: string[];
	/** The student's order of the same ids. */
	chosen: string[];
	/** Pairs of claims the student put in the right relative order. */
	pairsRight: number;
	/** All pairs: n(n-1)/2 for n claims. */
	pairs: number;
	/** Each claim with why it belongs where it does, in the right order. */
	notes: { id: string; quote: string; explanation: string }[];
}

export interface Graded {
	questionId: string;
	answer: Answer;
	/** The whole point was earned: the label or option right, and every cue word marked where the question asks for them (so `score === 1`). */
	correct: boolean;
	/** Credit from 0 to 1; cue marking earns partial credit. */
	score: number;
	/** classify: the right category id; choice: the right option id. */
	expected: string | null;
	/** Present where the student marked words (cue questions, or classify with cite). */
	marks: MarkResult | null;
	/** Present for order questions. */
	ranking: Ranking | null;
	explanation: string;
	/** Why the student's wrong choice is wrong, notes on decoy words they marked, or the claims placed wrong. */
	whyNot: string[];
	/** Cue phrases to light up in the article. */
	cues: string[];
	related: string[];
}

/** Token indices of a question's cue words within its quote. */
export function cueTokens(quote: string, cues: readonly string[]): number[] {
	const spans = spansOf(quote, cues).filter((s) => s !== null);
	return tokensIn(tokenize(quote), spans);
}

export function gradeMarks(quote: string, cues: readonly string[], marked: readonly number[]): MarkResult {
	const expected = cueTokens(quote, cues);
	const chosen = new Set(marked);
	const want = new Set(expected);
	const found = expected.filter((t) => chosen.has(t));
	const missed = expected.filter((t) => !chosen.has(t));
	const extra = [...chosen].filter((t) => !want.has(t)).sort((a, b) => a - b);
	const precision = chosen.size === 0 ? 0 : found.length / chosen.size;
	const recall = want.size === 0 ? 1 : found.length / want.size;
	const score = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { expected, found, missed, extra, score: Math.round(score * 100) / 100 };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const place = (i: number) => ORDINALS[i] ?? `number ${i + 1}`;

/** The first words of a quote, for naming a claim briefly. */
export function opening(quote: string, words = 8): string {
	const tokens = tokenize(quote);
	return tokens.length <= words ? quote : `${quote.slice(0, tokens[words - 1]!.end)}…`;
}

/**
 * Credit for each pair of claims in the right relative order, so moving one
 * claim a place costs less than turning the whole order round.
 */
export function gradeOrder(question: OrderQuestion, chosen: readonly string[]): Ranking {
	const expected = question.items.map((item) => item.id);
	const rank = new Map(expected.map((id, i) => [id, i]));
	let pairsRight = 0;
	for (let i = 0; i < chosen.length; i++)
		for (let j = i + 1; j < chosen.length; j++) if (rank.get(chosen[i]!)! < rank.get(chosen[j]!)!) pairsRight++;
	return {
		expected,
		chosen: [...chosen],
		pairsRight,
		pairs: (expected.length * (expected.length - 1)) / 2,
		notes: question.items.map(({ id, quote, explanation }) => ({ id, quote, explanation }))
	};
}

/** Whether the label or option chosen is not the right one (a right label with cue words missed is not). */
export function choseWrong(result: Pick<Graded, 'answer' | 'expected'>): boolean {
	const { answer, expected } = result;
	if (answer.type === 'classify') return answer.category !== expected;
	if (answer.type === 'choice') return answer.option !== expected;
	return false;
}

/** A label question with cite: the label and the cue words are worth half each, and it is right only with both. */
export const citedScore = (labelRight: boolean, marksScore: number) => ((labelRight ? 1 : 0) + marksScore) / 2;

/** The cue words' part of a cited answer's score, from the score and whether the label was right (`citedScore` undone). */
export const citedMarksScore = (score: number, labelRight: boolean) => 2 * score - (labelRight ? 1 : 0);

/** Whether two answers say the same: the same label, option or order, and the same words marked, in whatever order. */
export function sameAnswer(a: Answer, b: Answer): boolean {
	const words = (answer: Answer) => (answer.type === 'classify' || answer.type === 'cue' ? [...new Set(answer.marked ?? [])].sort((x, y) => x - y).join() : '');
	if (a.type === 'classify' && b.type === 'classify') return a.category === b.category && words(a) === words(b);
	if (a.type === 'cue' && b.type === 'cue') return words(a) === words(b);
	if (a.type === 'choice' && b.type === 'choice') return a.option === b.option;
	if (a.type === 'order' && b.type === 'order') return a.order.join() === b.order.join();
	return false;
}

function mismatch(question: Question, answer: Answer): never {
	throw new TypeError(`A ${answer.type} answer was given to ${question.type} question "${question.id}"`);
}

export function grade(question: Question, answer: Answer): Graded {
	const base = {
		questionId: question.id,
		answer,
		explanation: question.explanation,
		cues: ('cues' in question ? question.cues : undefined) ?? [],
		related: question.related ?? [],
		ranking: null
	};
	switch (question.type) {
		case 'classify': {
			if (answer.type !== 'classify') return mismatch(question, answer);
			const labelRight = answer.category === question.answer;
			const marks = question.cite ? gradeMarks(question.quote, question.cues, answer.marked ?? []) : null;
			const whyNot = labelRight ? [] : [question.whyNot[answer.category] ?? ''].filter(Boolean);
			const score = marks ? citedScore(labelRight, marks.score) : labelRight ? 1 : 0;
			return { ...base, correct: score === 1, score, expected: question.answer, marks, whyNot };
		}
		case 'cue': {
			if (answer.type !== 'cue') return mismatch(question, answer);
			const marks = gradeMarks(question.quote, question.cues, answer.marked);
			const tokens = tokenize(question.quote);
			const decoyNotes = (question.decoys ?? [])
				.filter((d) => {
					const decoy = cueTokens(question.quote, [d.text]);
					return decoy.some((t) => marks.extra.includes(t));
				})
				.map((d) => d.whyNot);
			const extraWords = marks.extra.map((t) => tokens[t]?.text).filter(Boolean);
			const whyNot =
				decoyNotes.length || extraWords.length === 0
					? decoyNotes
					: [`${quoteList(extraWords as string[])} ${extraWords.length === 1 ? 'does' : 'do'} not tell you who the source is.`];
			return { ...base, correct: marks.score === 1, score: marks.score, expected: null, marks, whyNot };
		}
		case 'choice': {
			if (answer.type !== 'choice') return mismatch(question, answer);
			const correct = answer.option === question.answer;
			const chosen = question.options.find((o) => o.id === answer.option);
			const whyNot = correct || !chosen?.whyNot ? [] : [chosen.whyNot];
			return { ...base, correct, score: correct ? 1 : 0, expected: question.answer, marks: null, whyNot };
		}
		case 'order': {
			if (answer.type !== 'order') return mismatch(question, answer);
			const ranking = gradeOrder(question, answer.order);
			const whyNot = ranking.chosen.flatMap((id, i) => {
				const right = ranking.expected.indexOf(id);
				return right < 0 || right === i ? [] : [`You put “${opening(question.items[right]!.quote)}” ${place(i)}; it belongs ${place(right)}.`];
			});
			const correct = ranking.pairsRight === ranking.pairs;
			const score = Math.round((ranking.pairsRight / ranking.pairs) * 100) / 100;
			return { ...base, correct, score, expected: null, marks: null, ranking, whyNot };
		}
	}
}

export type Checked = { ok: true; graded: Graded } | { ok: false; kind: AnswerMisfit['kind'] | 'unknown-question'; message: string };

/** Grades by question id, for graders that hold a whole quiz; an answer the question cannot take is refused, not graded. */
export function gradeIn(quiz: Quiz, questionId: string, answer: Answer): Checked {
	const question = quiz.questions.find((q) => q.id === questionId);
	if (!question) return { ok: false, kind: 'unknown-question', message: `This quiz has no question "${questionId}"` };
	const wrong = misfit(quiz, question, answer);
	return wrong ? { ok: false, ...wrong } : { ok: true, graded: grade(question, answer) };
}

export type AnswerMisfit = { kind: 'wrong-answer-type' | 'invalid-answer'; message: string };

/**
 * Why an answer cannot be an answer to this question (another type, a label or
 * option the quiz does not have, a word past the end of the quote), or null.
 * Grading and storing both refuse such an answer before doing anything else.
 */
export function misfit(quiz: Pick<Quiz, 'categories'>, question: Question, answer: Answer): AnswerMisfit | null {
	if (question.type !== answer.type)
		return { kind: 'wrong-answer-type', message: `Question "${question.id}" takes a ${question.type} answer, not a ${answer.type} answer` };
	if (answer.type === 'classify' && !quiz.categories.some((c) => c.id === answer.category))
		return { kind: 'invalid-answer', message: `"${answer.category}" is not one of this quiz's labels` };
	if (question.type === 'choice' && answer.type === 'choice' && !question.options.some((o) => o.id === answer.option))
		return { kind: 'invalid-answer', message: `"${answer.option}" is not one of this question's options` };
	if (question.type === 'order' && answer.type === 'order') {
		const ids = question.items.map((item) => item.id);
		const given = new Set(answer.order);
		if (given.size !== answer.order.length || answer.order.length !== ids.length || !ids.every((id) => given.has(id)))
			return { kind: 'invalid-answer', message: `The order must list each of this question's ${ids.length} claims once: ${ids.join(', ')}` };
		return null;
	}
	const marked = answer.type === 'classify' || answer.type === 'cue' ? (answer.marked ?? []) : [];
	const words = 'quote' in question && question.quote !== undefined ? tokenize(question.quote).length : 0;
	if (marked.some((i) => i >= words)) return { kind: 'invalid-answer', message: `Marked words must be within the quote's ${words} words` };
	return null;
}

/** True when an answer is complete enough to be checked. */
export function isComplete(answer: Answer | null): boolean {
	if (!answer) return false;
	if (answer.type === 'classify') return answer.category !== '';
	if (answer.type === 'cue') return answer.marked.length > 0;
	// The claims start in an order of their own, so any order can be checked.
	if (answer.type === 'order') return answer.order.length > 0;
	return answer.option !== '';
}

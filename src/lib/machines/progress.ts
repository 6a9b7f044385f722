/**
 * A student's place in the quiz machine, small enough for a cookie: the step,
 * the round, the answers given and the one being built. Verdicts are left out:
 * whoever holds the answer key (the server) grades the answers again when it
 * restores a place, so nothing in the cookie can claim a score.
 *
 * The same place is written by the browser after every step (when scripts
 * run) and by the server after every form a student without scripts sends, so
 * a reload, a dropped script or a return to the page finds the student where
 * they were, rendered by the server.
 */
import type { Graded } from '../quiz/grading.ts';
import type { Answer } from '../quiz/schema.ts';
import {
	freshContext,
	quizMachine,
	viewOf,
	type FeedbackMode,
	type QuizContext,
	type QuizLogic,
	type QuizMachineInput,
	type QuizSnapshot
} from './quiz.machine.ts';

export type Step = 'intro' | 'answering' | 'feedback' | 'finishing' | 'summary' | 'review';

export interface Progress {
	step: Step;
	mode: FeedbackMode;
	round: string[];
	roundNumber: number;
	index: number;
	reviewIndex: number;
	answers: Record<string, Answer>;
	draft: Answer | null;
}

const STEPS: readonly Step[] = ['intro', 'answering', 'feedback', 'finishing', 'summary', 'review'];

/** The place a snapshot stands for; a check under way is a question still to check. */
export function toProgress(snapshot: QuizSnapshot): Progress {
	const c = snapshot.context;
	const view = viewOf(snapshot);
	return {
		step: view === 'question' ? 'answering' : view,
		mode: c.mode,
		round: c.round,
		roundNumber: c.roundNumber,
		index: c.index,
		reviewIndex: c.reviewIndex,
		answers: c.answers,
		draft: c.draft
	};
}

/** The place of a student the server knows only by their answers: the first question unanswered, or the end. */
export function progressFromAnswers(input: QuizMachineInput, answers: Record<string, Answer>, finished: boolean): Progress {
	const ids = input.questionIds;
	const first = ids.findIndex((id) => !answers[id]);
	const answered = ids.some((id) => answers[id]);
	const step: Step = finished ? 'summary' : first < 0 ? 'finishing' : answered ? 'answering' : 'intro';
	return {
		step,
		mode: input.mode ?? 'practice',
		round: ids,
		roundNumber: step === 'intro' ? 0 : 1,
		index: first < 0 ? Math.max(0, ids.length - 1) : first,
		reviewIndex: 0,
		answers,
		draft: null
	};
}

/**
 * The snapshot for a place, with the verdicts the caller may show. Returns
 * null for a place that does not fit this quiz (another version, a hand-edited
 * cookie): the caller starts afresh.
 */
export function fromProgress(
	input: QuizMachineInput,
	progress: Progress,
	results: Record<string, Graded>,
	logic: QuizLogic = quizMachine
): QuizSnapshot | null {
	const ids = new Set(input.questionIds);
	const fits =
		STEPS.includes(progress.step) &&
		progress.round.length > 0 &&
		progress.round.every((id) => ids.has(id)) &&
		Number.isInteger(progress.index) &&
		progress.index >= 0 &&
		progress.index < progress.round.length &&
		Number.isInteger(progress.reviewIndex) &&
		progress.reviewIndex >= 0 &&
		progress.reviewIndex < input.questionIds.length &&
		Number.isInteger(progress.roundNumber) &&
		progress.roundNumber >= 0 &&
		Object.keys(progress.answers).every((id) => ids.has(id));
	if (!fits) return null;
	const fresh = freshContext(input);
	const context: QuizContext = {
		...fresh,
		// A mode chosen for the student stays theirs, whatever a cookie says.
		mode: input.modeLocked ? fresh.mode : progress.mode,
		round: progress.round,
		roundNumber: progress.roundNumber,
		index: progress.index,
		reviewIndex: progress.reviewIndex,
		answers: progress.answers,
		draft: progress.draft,
		results
	};
	const value = progress.step === 'answering' ? { answering: 'ready' } : progress.step === 'finishing' ? { finishing: 'waiting' } : progress.step;
	return logic.resolveState({ value, context });
}

// ------------------------------------------------------------------ cookie codec

/** "c:fact:3.4" classify (with marked words), "o:denied" choice, "w:3.4" cue, "r:a,b,c" order. */
function encodeAnswer(answer: Answer): string {
	switch (answer.type) {
		case 'classify':
			return `c:${answer.category}${answer.marked?.length ? `:${answer.marked.join('.')}` : ''}`;
		case 'choice':
			return `o:${answer.option}`;
		case 'cue':
			return `w:${answer.marked.join('.')}`;
		case 'order':
			return `r:${answer.order.join(',')}`;
	}
}

const ID = /^[a-z0-9-]{1,64}$/;
const words = (text: string | undefined): number[] | null => {
	if (!text) return [];
	const list = text.split('.').map(Number);
	return list.every((n) => Number.isInteger(n) && n >= 0 && n < 10_000) ? list : null;
};

function decodeAnswer(text: unknown): Answer | null {
	if (typeof text !== 'string') return null;
	const [kind, first, second] = text.split(':');
	if (kind === 'c' && first && ID.test(first)) {
		const marked = words(second);
		return marked ? { type: 'classify', category: first, ...(marked.length ? { marked } : {}) } : null;
	}
	if (kind === 'o' && first && ID.test(first)) return { type: 'choice', option: first };
	if (kind === 'w') {
		const marked = words(first);
		return marked ? { type: 'cue', marked } : null;
	}
	if (kind === 'r' && first) {
		const order = first.split(',');
		return order.every((id) => ID.test(id)) && new Set(order).size === order.length ? { type: 'order', order } : null;
	}
	return null;
}

interface Wire {
	v: string;
	s: Step;
	m: 'p' | 't';
	r: number[] | null;
	n: number;
	i: number;
	w: number;
	a: Record<string, string>;
	d: string | null;
}

/**
 * The place as cookie text, stamped with the quiz version; question ids in the
 * round become their positions in the quiz. `withAnswers: false` keeps only
 * the place (an assignment's answers are on the server).
 */
export function encodeProgress(progress: Progress, questionIds: readonly string[], version: string, withAnswers = true): string {
	const full = progress.round.length === questionIds.length && progress.round.every((id, i) => id === questionIds[i]);
	const wire: Wire = {
		v: version,
		s: progress.step,
		m: progress.mode === 'test' ? 't' : 'p',
		r: full ? null : progress.round.map((id) => questionIds.indexOf(id)),
		n: progress.roundNumber,
		i: progress.index,
		w: progress.reviewIndex,
		a: withAnswers ? Object.fromEntries(Object.entries(progress.answers).map(([id, a]) => [id, encodeAnswer(a)])) : {},
		d: progress.draft ? encodeAnswer(progress.draft) : null
	};
	return JSON.stringify(wire);
}

export type Decoded = { progress: Progress } | { problem: 'changed' | 'unreadable' };

/** The place in cookie text, or why it cannot be used: another quiz version, or text that is not a place. */
export function decodeProgress(text: string, questionIds: readonly string[], version: string): Decoded {
	let wire: Partial<Wire>;
	try {
		wire = JSON.parse(text) as Partial<Wire>;
	} catch {
		return { problem: 'unreadable' };
	}
	if (!wire || typeof wire !== 'object') return { problem: 'unreadable' };
	if (wire.v !== version) return { problem: typeof wire.v === 'string' ? 'changed' : 'unreadable' };
	const round = wire.r === null ? [...questionIds] : Array.isArray(wire.r) ? wire.r.map((i) => questionIds[i as number]) : [];
	const answers: Record<string, Answer> = {};
	for (const [id, text] of Object.entries(wire.a && typeof wire.a === 'object' ? wire.a : {})) {
		const answer = decodeAnswer(text);
		if (!answer || !questionIds.includes(id)) return { problem: 'unreadable' };
		answers[id] = answer;
	}
	const draft = wire.d === null || wire.d === undefined ? null : decodeAnswer(wire.d);
	if (round.some((id) => id === undefined) || (wire.d && !draft) || !STEPS.includes(wire.s as Step)) return { problem: 'unreadable' };
	return {
		progress: {
			step: wire.s as Step,
			mode: wire.m === 't' ? 'test' : 'practice',
			round: round as string[],
			roundNumber: Number(wire.n),
			index: Number(wire.i),
			reviewIndex: Number(wire.w),
			answers,
			draft
		}
	};
}

/**
 * The flow of one quiz: intro → answering → checking → feedback → … →
 * finishing → summary ⇄ review, with a retry of the missed items.
 *
 * Pure: grading and finishing are actors the edge provides (a local grader
 * for open practice, a server grader for assignments), so this machine runs
 * unchanged in unit tests, in the browser and against the server.
 */
import { assign, fromPromise, setup } from 'xstate';
import { isComplete, type Graded } from '../quiz/grading.ts';
import type { Answer } from '../quiz/schema.ts';

export type Mode = 'practice' | 'test';

export interface QuizMachineInput {
	/** Question ids in the order they are asked. */
	questionIds: string[];
	mode?: Mode;
	/** The mode was chosen for the student (an assignment); the intro only shows it. */
	modeLocked?: boolean;
	/** Whether "retry missed" and "start over" are offered (open practice: yes). */
	canRepeat?: boolean;
}

export interface QuizContext {
	questionIds: string[];
	/** The ids asked in this round: all of them, or the missed ones on a retry. */
	round: string[];
	/** How many rounds have started; 1 is the first pass. */
	roundNumber: number;
	index: number;
	mode: Mode;
	modeLocked: boolean;
	canRepeat: boolean;
	/** The answer being built for the current question, kept across reloads. */
	draft: Answer | null;
	answers: Record<string, Answer>;
	results: Record<string, Graded>;
	error: 'grade' | 'finish' | null;
	reviewIndex: number;
}

export interface GradeInput {
	questionId: string;
	answer: Answer;
	mode: Mode;
}

export interface FinishInput {
	round: string[];
	answers: Record<string, Answer>;
	results: Record<string, Graded>;
	mode: Mode;
}

/** In test mode a grader may only record the answer and reveal nothing (null). */
export type GradeOutput = Graded | null;
export type FinishOutput = Record<string, Graded>;

export type QuizEvent =
	| { type: 'quiz.start'; mode?: Mode }
	| { type: 'answer.change'; answer: Answer | null }
	| { type: 'answer.submit' }
	| { type: 'question.next' }
	| { type: 'quiz.finish' }
	| { type: 'review.start'; index?: number }
	| { type: 'review.next' }
	| { type: 'review.prev' }
	| { type: 'review.close' }
	| { type: 'quiz.retryMissed' }
	| { type: 'quiz.restart' };

function missedIn(context: QuizContext): string[] {
	return context.questionIds.filter((id) => !context.results[id]?.correct);
}

function fresh(input: QuizMachineInput): QuizContext {
	return {
		questionIds: input.questionIds,
		round: input.questionIds,
		roundNumber: 0,
		index: 0,
		mode: input.mode ?? 'practice',
		modeLocked: input.modeLocked ?? false,
		canRepeat: input.canRepeat ?? true,
		draft: null,
		answers: {},
		results: {},
		error: null,
		reviewIndex: 0
	};
}

export const quizMachine = setup({
	types: {
		context: {} as QuizContext,
		events: {} as QuizEvent,
		input: {} as QuizMachineInput
	},
	actors: {
		grade: fromPromise<GradeOutput, GradeInput>(async () => {
			throw new Error('Provide a grade actor with quizMachine.provide()');
		}),
		finish: fromPromise<FinishOutput, FinishInput>(async () => {
			throw new Error('Provide a finish actor with quizMachine.provide()');
		})
	},
	guards: {
		hasAnswer: ({ context }) => isComplete(context.draft),
		isPractice: ({ context }) => context.mode === 'practice',
		isLastQuestion: ({ context }) => context.index >= context.round.length - 1,
		hasMissed: ({ context }) => context.canRepeat && missedIn(context).length > 0,
		canRepeat: ({ context }) => context.canRepeat,
		hasNextReview: ({ context }) => context.reviewIndex < context.questionIds.length - 1,
		hasPrevReview: ({ context }) => context.reviewIndex > 0
	},
	actions: {
		begin: assign(({ context, event }) => {
			const mode = event.type === 'quiz.start' && !context.modeLocked && event.mode ? event.mode : context.mode;
			return { mode, round: context.questionIds, roundNumber: 1, index: 0, draft: null, error: null };
		}),
		setDraft: assign({
			draft: ({ event }) => (event.type === 'answer.change' ? event.answer : null),
			error: null
		}),
		record: assign(({ context }, output: GradeOutput) => {
			const id = context.round[context.index]!;
			const answers = { ...context.answers, [id]: context.draft! };
			const results = { ...context.results };
			if (output) results[id] = output;
			else delete results[id];
			return { answers, results, error: null };
		}),
		advance: assign({ index: ({ context }) => context.index + 1, draft: null, error: null }),
		failGrade: assign({ error: 'grade' as const }),
		failFinish: assign({ error: 'finish' as const }),
		settle: assign(({ context }, output: FinishOutput) => {
			return { results: { ...context.results, ...output }, error: null, draft: null };
		}),
		openReview: assign({
			reviewIndex: ({ context, event }) => {
				const wanted = event.type === 'review.start' ? (event.index ?? 0) : 0;
				return Math.min(Math.max(0, wanted), context.questionIds.length - 1);
			}
		}),
		nextReview: assign({ reviewIndex: ({ context }) => context.reviewIndex + 1 }),
		prevReview: assign({ reviewIndex: ({ context }) => context.reviewIndex - 1 }),
		startRetry: assign(({ context }) => {
			const round = missedIn(context);
			const answers = { ...context.answers };
			const results = { ...context.results };
			for (const id of round) {
				delete answers[id];
				delete results[id];
			}
			return { round, roundNumber: context.roundNumber + 1, index: 0, draft: null, answers, results, error: null };
		}),
		reset: assign(({ context }) =>
			fresh({
				questionIds: context.questionIds,
				mode: context.mode,
				modeLocked: context.modeLocked,
				canRepeat: context.canRepeat
			})
		)
	}
}).createMachine({
	id: 'quiz',
	context: ({ input }) => fresh(input),
	initial: 'intro',
	on: {
		'quiz.restart': { guard: 'canRepeat', target: '.intro', actions: 'reset' }
	},
	states: {
		intro: {
			on: { 'quiz.start': { target: 'answering', actions: 'begin' } }
		},
		answering: {
			on: {
				'answer.change': { actions: 'setDraft' },
				'answer.submit': { guard: 'hasAnswer', target: 'checking' }
			}
		},
		checking: {
			invoke: {
				id: 'grade',
				src: 'grade',
				input: ({ context }) => ({
					questionId: context.round[context.index]!,
					answer: context.draft!,
					mode: context.mode
				}),
				onDone: [
					{ guard: 'isPractice', target: 'feedback', actions: { type: 'record', params: ({ event }) => event.output } },
					{ guard: 'isLastQuestion', target: 'finishing', actions: { type: 'record', params: ({ event }) => event.output } },
					{ target: 'answering', actions: [{ type: 'record', params: ({ event }) => event.output }, 'advance'] }
				],
				onError: { target: 'answering', actions: 'failGrade' }
			}
		},
		feedback: {
			on: {
				'question.next': [
					{ guard: 'isLastQuestion', target: 'finishing' },
					{ target: 'answering', actions: 'advance' }
				]
			}
		},
		finishing: {
			initial: 'saving',
			states: {
				saving: {
					invoke: {
						id: 'finish',
						src: 'finish',
						input: ({ context }) => ({
							round: context.round,
							answers: context.answers,
							results: context.results,
							mode: context.mode
						}),
						onDone: { target: '#quiz.summary', actions: { type: 'settle', params: ({ event }) => event.output } },
						onError: { target: 'paused', actions: 'failFinish' }
					}
				},
				// Waiting for the student to ask again: after an error, or when resumed with every question answered.
				paused: {
					on: { 'quiz.finish': 'saving' }
				}
			}
		},
		summary: {
			on: {
				'review.start': { target: 'review', actions: 'openReview' },
				'quiz.retryMissed': { guard: 'hasMissed', target: 'answering', actions: 'startRetry' }
			}
		},
		review: {
			on: {
				'review.next': { guard: 'hasNextReview', actions: 'nextReview' },
				'review.prev': { guard: 'hasPrevReview', actions: 'prevReview' },
				'review.close': 'summary'
			}
		}
	}
});

/** What a server knows of an attempt: enough to rebuild the student's place in it. */
export interface Progress {
	answers: Record<string, Answer>;
	/** Verdicts the student may already see (practice mode, or all once finished). */
	results: Record<string, Graded>;
	finished: boolean;
}

/**
 * The snapshot to start from when the browser has no saved one (another device,
 * cleared storage): the first unanswered question, or the summary when finished.
 */
export function snapshotFromProgress(machine: typeof quizMachine, input: QuizMachineInput, progress: Progress) {
	const context = fresh(input);
	const answered = context.questionIds.filter((id) => progress.answers[id]);
	if (!progress.finished && answered.length === 0) return machine.resolveState({ value: 'intro', context });
	const index = context.questionIds.findIndex((id) => !progress.answers[id]);
	const resumed: QuizContext = {
		...context,
		roundNumber: 1,
		answers: { ...progress.answers },
		results: { ...progress.results },
		index: index < 0 ? context.questionIds.length - 1 : index
	};
	if (progress.finished) return machine.resolveState({ value: 'summary', context: resumed });
	// A snapshot built here has no running actors, so the student asks for the results.
	if (index < 0) return machine.resolveState({ value: { finishing: 'paused' }, context: resumed });
	return machine.resolveState({ value: 'answering', context: resumed });
}

/** The question id being asked, or null outside a round. */
export function currentQuestionId(context: QuizContext): string | null {
	return context.round[context.index] ?? null;
}

const STATES = new Set(['intro', 'answering', 'checking', 'feedback', 'summary', 'review']);

/**
 * Whether a saved snapshot can be resumed for this list of questions. Guards
 * against storage edited by hand, an old format, or a quiz that changed.
 */
export function isResumable(saved: unknown, questionIds: readonly string[]): boolean {
	if (!saved || typeof saved !== 'object') return false;
	const s = saved as { status?: unknown; value?: unknown; context?: Partial<QuizContext> };
	if (s.status !== 'active') return false;
	const valueOk =
		(typeof s.value === 'string' && STATES.has(s.value)) ||
		(typeof s.value === 'object' &&
			s.value !== null &&
			['saving', 'paused'].includes(String((s.value as { finishing?: unknown }).finishing)));
	const ctx = s.context;
	return (
		valueOk &&
		!!ctx &&
		Array.isArray(ctx.questionIds) &&
		ctx.questionIds.length === questionIds.length &&
		ctx.questionIds.every((id, i) => id === questionIds[i]) &&
		Array.isArray(ctx.round) &&
		ctx.round.every((id) => questionIds.includes(id)) &&
		typeof ctx.index === 'number' &&
		ctx.index >= 0 &&
		ctx.index < Math.max(1, ctx.round.length) &&
		typeof ctx.answers === 'object' &&
		typeof ctx.results === 'object'
	);
}

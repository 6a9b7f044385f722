/**
 * The flow of one quiz: intro → answering → checking → feedback → … →
 * finishing → summary ⇄ review, with a retry of the missed items.
 *
 * Pure: grading and finishing are actors the edge provides (the server's
 * check endpoint or the outbox in a browser; the grader itself on the
 * server), and so is `showStep`, which moves focus and speaks the new step in
 * a browser and does nothing on the server. The same machine runs in unit
 * tests, in the browser, and on the server for a student without JavaScript.
 *
 * The UI asks the machine rather than re-deriving it: tags say which view
 * shows (`view:*`), whether a request is under way (`busy`) and what failed
 * (`error:*`); `snapshot.can(event)` says whether a button works; the
 * selectors below say which question and verdict are on screen.
 */
import { assign, fromPromise, setup, type SnapshotFrom } from 'xstate';
import { isComplete, type Graded } from '../quiz/grading.ts';
import type { Answer } from '../quiz/schema.ts';

/** How feedback is given: after each answer, or all at the end. */
import type { FeedbackMode } from '../quiz/modes.ts';

export type { FeedbackMode };

export interface QuizMachineInput {
	/** Question ids in the order they are asked. */
	questionIds: string[];
	mode?: FeedbackMode;
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
	mode: FeedbackMode;
	modeLocked: boolean;
	canRepeat: boolean;
	/** The answer being built for the current question, kept across reloads. */
	draft: Answer | null;
	answers: Record<string, Answer>;
	results: Record<string, Graded>;
	reviewIndex: number;
	/**
	 * Why the last check or finish failed, in the server's words for the
	 * student (a `Refused` error); null when it got no answer at all, or did
	 * not fail.
	 */
	problem: string | null;
}

/**
 * What a grade or finish actor throws when the server refused, in words the
 * student should read (a test under way in another tab, too many requests, a
 * closed class). Any other error means no answer came: a dropped connection.
 */
export class Refused extends Error {
	override name = 'Refused';
}

const problemOf = (error: unknown): string | null => (error instanceof Refused ? error.message : null);

export interface GradeInput {
	questionId: string;
	answer: Answer;
	mode: FeedbackMode;
	/**
	 * For a grader that keeps a failed check queued and sends it once the connection returns (an assignment's
	 * outbox): the verdict the server then gives, which the machine shows if the student is still on the question.
	 */
	gradedLater: (graded: Graded) => void;
}

export interface FinishInput {
	round: string[];
	answers: Record<string, Answer>;
	results: Record<string, Graded>;
	mode: FeedbackMode;
}

/** In test mode a grader only records the answer and reveals nothing (null). */
export type GradeOutput = Graded | null;
export type FinishOutput = Record<string, Graded>;

export type QuizEvent =
	| { type: 'quiz.start'; mode?: FeedbackMode }
	/** The mode picked on the intro, before the quiz starts: kept with the place, so a reload keeps it. */
	| { type: 'mode.choose'; mode: FeedbackMode }
	| { type: 'answer.change'; answer: Answer | null }
	| { type: 'answer.submit' }
	/** A check that failed for want of a connection reached the server once it returned: its verdict stands. */
	| { type: 'answer.graded'; questionId: string; answer: Answer; graded: Graded }
	| { type: 'question.next' }
	| { type: 'quiz.finish' }
	| { type: 'review.start'; index?: number }
	| { type: 'review.next' }
	| { type: 'review.prev' }
	| { type: 'review.close' }
	| { type: 'quiz.retryMissed' }
	| { type: 'quiz.restart' };

export type View = 'intro' | 'question' | 'feedback' | 'finishing' | 'summary' | 'review';

/** The questions of the quiz not answered fully right. */
export function missedIn(context: Pick<QuizContext, 'questionIds' | 'results'>): string[] {
	return context.questionIds.filter((id) => !context.results[id]?.correct);
}

export function isLastQuestion(context: Pick<QuizContext, 'index' | 'round'>): boolean {
	return context.index >= context.round.length - 1;
}

export function freshContext(input: QuizMachineInput): QuizContext {
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
		reviewIndex: 0,
		problem: null
	};
}

export const quizMachine = setup({
	types: {
		context: {} as QuizContext,
		events: {} as QuizEvent,
		input: {} as QuizMachineInput,
		tags: {} as `view:${View}` | 'busy' | 'error:grade' | 'error:finish'
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
		isModeUnlocked: ({ context }) => !context.modeLocked,
		isPractice: ({ context }) => context.mode === 'practice',
		// In practice the server keeps the first answer it gets, so a verdict that comes late is the one that counts.
		isLateVerdict: ({ context, event }) =>
			event.type === 'answer.graded' && context.mode === 'practice' && event.questionId === context.round[context.index],
		isLastQuestion: ({ context }) => isLastQuestion(context),
		hasMissed: ({ context }) => context.canRepeat && missedIn(context).length > 0,
		canRepeat: ({ context }) => context.canRepeat,
		hasNextReview: ({ context }) => context.reviewIndex < context.questionIds.length - 1,
		hasPrevReview: ({ context }) => context.reviewIndex > 0
	},
	actions: {
		begin: assign(({ context, event }) => {
			const mode = event.type === 'quiz.start' && !context.modeLocked && event.mode ? event.mode : context.mode;
			// The intro shows question 1: an answer built there is the first question's draft.
			return { mode, round: context.questionIds, roundNumber: 1, index: 0, draft: context.draft };
		}),
		chooseMode: assign({ mode: ({ context, event }) => (event.type === 'mode.choose' ? event.mode : context.mode) }),
		setDraft: assign({ draft: ({ event }) => (event.type === 'answer.change' ? event.answer : null) }),
		// The answer the late verdict is for, whatever the form shows since: it is the one the server has.
		takeGradedAnswer: assign(({ context, event }) => ({ draft: event.type === 'answer.graded' ? event.answer : context.draft })),
		record: assign(({ context }, output: GradeOutput) => {
			const id = context.round[context.index]!;
			const answers = { ...context.answers, [id]: context.draft! };
			const results = { ...context.results };
			if (output) results[id] = output;
			else delete results[id];
			return { answers, results };
		}),
		advance: assign({ index: ({ context }) => context.index + 1, draft: null }),
		settle: assign(({ context }, output: FinishOutput) => ({ results: { ...context.results, ...output }, draft: null })),
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
			return { round, roundNumber: context.roundNumber + 1, index: 0, draft: null, answers, results };
		}),
		reset: assign(({ context }) =>
			freshContext({ questionIds: context.questionIds, mode: context.mode, modeLocked: context.modeLocked, canRepeat: context.canRepeat })
		),
		noteProblem: assign({ problem: ({ event }) => ('error' in event ? problemOf(event.error) : null) }),
		// The browser moves focus to the new step and announces it; nothing happens elsewhere.
		showStep: () => {}
	}
}).createMachine({
	id: 'quiz',
	context: ({ input }) => freshContext(input),
	initial: 'intro',
	on: {
		'quiz.restart': { guard: 'canRepeat', target: '.intro', actions: ['reset', 'showStep'] }
	},
	states: {
		intro: {
			tags: ['view:intro'],
			on: {
				// Question 1 is open under the intro: its answer is built here, and sent with the start.
				'answer.change': { actions: 'setDraft' },
				'mode.choose': { guard: 'isModeUnlocked', actions: 'chooseMode' },
				'quiz.start': { target: 'answering', actions: ['begin', 'showStep'] }
			}
		},
		answering: {
			tags: ['view:question'],
			initial: 'ready',
			states: {
				ready: {},
				// The answer could not be checked (a dropped connection); it is kept for another try.
				failed: { tags: ['error:grade'] }
			},
			on: {
				'answer.change': { target: '.ready', actions: 'setDraft' },
				'answer.submit': { guard: 'hasAnswer', target: 'checking' },
				'answer.graded': {
					guard: 'isLateVerdict',
					target: 'feedback',
					actions: ['takeGradedAnswer', { type: 'record', params: ({ event }) => event.graded }, 'showStep']
				}
			}
		},
		checking: {
			tags: ['view:question', 'busy'],
			invoke: {
				id: 'grade',
				src: 'grade',
				input: ({ context, self }) => {
					const questionId = context.round[context.index]!;
					const answer = context.draft!;
					return {
						questionId,
						answer,
						mode: context.mode,
						gradedLater: (graded: Graded) => self.send({ type: 'answer.graded', questionId, answer, graded })
					};
				},
				onDone: [
					{ guard: 'isPractice', target: 'feedback', actions: [{ type: 'record', params: ({ event }) => event.output }, 'showStep'] },
					{ guard: 'isLastQuestion', target: 'finishing', actions: [{ type: 'record', params: ({ event }) => event.output }, 'showStep'] },
					{ target: 'answering', actions: [{ type: 'record', params: ({ event }) => event.output }, 'advance', 'showStep'] }
				],
				onError: { target: 'answering.failed', actions: 'noteProblem' }
			}
		},
		feedback: {
			tags: ['view:feedback'],
			on: {
				'question.next': [
					{ guard: 'isLastQuestion', target: 'finishing', actions: 'showStep' },
					{ target: 'answering', actions: ['advance', 'showStep'] }
				]
			}
		},
		finishing: {
			tags: ['view:finishing'],
			initial: 'saving',
			states: {
				saving: {
					tags: ['busy'],
					invoke: {
						id: 'finish',
						src: 'finish',
						input: ({ context }) => ({ round: context.round, answers: context.answers, results: context.results, mode: context.mode }),
						onDone: { target: '#quiz.summary', actions: [{ type: 'settle', params: ({ event }) => event.output }, 'showStep'] },
						onError: { target: 'failed', actions: 'noteProblem' }
					}
				},
				failed: { tags: ['error:finish'], on: { 'quiz.finish': 'saving' } },
				// Resumed from what a server knows, with every question answered: the student asks for the results.
				waiting: { on: { 'quiz.finish': 'saving' } }
			}
		},
		summary: {
			tags: ['view:summary'],
			on: {
				'review.start': { target: 'review', actions: ['openReview', 'showStep'] },
				'quiz.retryMissed': { guard: 'hasMissed', target: 'answering', actions: ['startRetry', 'showStep'] }
			}
		},
		review: {
			tags: ['view:review'],
			on: {
				'review.next': { guard: 'hasNextReview', actions: ['nextReview', 'showStep'] },
				'review.prev': { guard: 'hasPrevReview', actions: ['prevReview', 'showStep'] },
				'review.close': { target: 'summary', actions: 'showStep' }
			}
		}
	}
});

export type QuizLogic = typeof quizMachine;
export type QuizSnapshot = SnapshotFrom<QuizLogic>;

const VIEWS: readonly View[] = ['intro', 'question', 'feedback', 'finishing', 'summary', 'review'];

/** Which view shows, from the state's tags. */
export function viewOf(snapshot: QuizSnapshot): View {
	return VIEWS.find((v) => snapshot.hasTag(`view:${v}`)) ?? 'intro';
}

/** The question on screen: the first on the intro, the one asked, or the one reviewed. */
export function questionIdOf(snapshot: QuizSnapshot): string | undefined {
	const c = snapshot.context;
	if (snapshot.hasTag('view:review')) return c.questionIds[c.reviewIndex];
	if (snapshot.hasTag('view:intro')) return c.questionIds[0];
	return c.round[c.index];
}

/** The verdict on screen, where a view shows one (feedback and review). */
export function resultOf(snapshot: QuizSnapshot): Graded | null {
	if (!snapshot.hasTag('view:feedback') && !snapshot.hasTag('view:review')) return null;
	const id = questionIdOf(snapshot);
	return (id && snapshot.context.results[id]) || null;
}

/**
 * An assignment's place for a page: the answers are the server's (the
 * database), the step this browser was at is its own (a cookie on the
 * assignment's address, written by the page after each step or by the server
 * after each form sent without scripts). Without a cookie that fits, the
 * student is put at their first unanswered question.
 */
import type { Cookies } from '@sveltejs/kit';
import { attemptPlace, attemptStamp, PLACE, resultsPath } from '../client/place.ts';
import { decodeProgress, encodeProgress, fromProgress, progressFromAnswers, type Progress } from '../machines/progress.ts';
import { fromPromise } from 'xstate';
import {
	quizMachine,
	type FinishInput,
	type FinishOutput,
	type GradeInput,
	type GradeOutput,
	type QuizLogic,
	type QuizMachineInput,
	type QuizSnapshot
} from '../machines/quiz.machine.ts';
import { storeAnswer, type AttemptKey } from './answer-store.ts';
import { finishAttempt, type Attempt, type AttemptState } from './attempts.ts';
import { getQuiz } from './catalogue.ts';
import type { Db } from './db/index.ts';
import { secureFor } from './cookies.ts';
import { AssignmentError } from './errors.ts';

export function attemptInput(state: Pick<AttemptState, 'order' | 'assignment'>): QuizMachineInput {
	return { questionIds: state.order, mode: state.assignment.mode, modeLocked: true, canRepeat: false };
}

/** The place is this attempt's only: a cookie of another attempt or quiz version does not fit. */
const stamp = (state: Pick<AttemptState, 'attemptId' | 'quiz'>) => attemptStamp(state.quiz.version, state.attemptId);

export function readAttemptPlace(state: AttemptState, cookies: Cookies, logic: QuizLogic): { progress: Progress; snapshot: QuizSnapshot } {
	const input = attemptInput(state);
	const known = progressFromAnswers(input, state.answers, state.finished);
	const text = cookies.get(PLACE);
	const decoded = text ? decodeProgress(text, state.order, stamp(state)) : null;
	let progress = known;
	if (decoded && 'progress' in decoded) {
		const kept = decoded.progress;
		// A finished attempt shows its results, whatever step the cookie remembers (but review stays review).
		const step = state.finished ? (kept.step === 'review' ? 'review' : 'summary') : kept.step;
		progress = { ...kept, step, answers: state.answers };
	}
	const snapshot = fromProgress(input, progress, state.feedback, logic) ?? fromProgress(input, known, state.feedback, logic)!;
	return { progress, snapshot };
}

/** A finished attempt's place (its review) lives on the results address, with the attempt's cookie. */
const placePath = (code: string, finished: boolean) => (finished ? resultsPath(code) : attemptPlace(code).path);

export function keepAttemptPlace(state: AttemptState, code: string, cookies: Cookies, url: URL, progress: Progress): void {
	const finished = progress.step === 'summary' || progress.step === 'review';
	// Until the browser closes, once finished, as the attempt's cookie at the results address.
	const maxAge = finished ? undefined : attemptPlace(code).maxAge;
	// The answers themselves are on the server; the cookie holds the step.
	cookies.set(PLACE, encodeProgress(progress, state.order, stamp(state), false), {
		path: placePath(code, finished),
		maxAge,
		httpOnly: false,
		sameSite: 'lax',
		secure: secureFor(url)
	});
}

export function forgetAttemptPlace(code: string, cookies: Cookies, url: URL, { finished }: { finished: boolean }): void {
	cookies.delete(PLACE, { path: placePath(code, finished), secure: secureFor(url) });
}


/**
 * The machine for a student answering without scripts: the server stores and
 * grades each answer with the answer endpoint's command, and finishes the attempt.
 */
export function assignmentLogic(db: Db, key: AttemptKey, attempt: Attempt, nextSeq: number, now: Date) {
	let seq = nextSeq;
	return quizMachine.provide({
		actors: {
			grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) => {
				const stored = await storeAnswer(db, key, { questionId: input.questionId, answer: input.answer, seq: seq++ }, now, getQuiz);
				if (!stored) throw new AssignmentError('attempt-not-found', 'This attempt does not exist any more');
				return stored.result.status === 'graded' ? stored.result.graded : null;
			}),
			finish: fromPromise<FinishOutput, FinishInput>(async () => (await finishAttempt(db, attempt, now, getQuiz)).results)
		}
	});
}

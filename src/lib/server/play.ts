/**
 * The quiz for a student without scripts: each form they send is run through
 * the same machine the page runs (the same events, guards and actions), here
 * on the server, with actors that grade from the key the server holds. Then
 * their place is kept (a cookie) and the page is rendered at the new step.
 */
import type { Cookies } from '@sveltejs/kit';
import { createActor, waitFor } from 'xstate';
import { eventsFromForm, moveFromForm, type Arrival, type FormFields } from '../machines/play-form.ts';
import { questionIdOf, viewOf, type QuizLogic, type QuizMachineInput, type QuizSnapshot } from '../machines/quiz.machine.ts';
import type { PublicQuestion } from '../quiz/public.ts';
import { isComplete } from '../quiz/grading.ts';

export interface Stepped {
	snapshot: QuizSnapshot;
	/** Check was pressed with nothing chosen: the page says what is missing. */
	incomplete: boolean;
	/** Where the page this step leads to puts focus (see `Arrival`). */
	arrival: Arrival;
}


/** Runs a submitted form's events through the machine from `snapshot`, and waits until it is at rest. */
export async function stepWithForm(
	logic: QuizLogic,
	input: QuizMachineInput,
	snapshot: QuizSnapshot,
	fields: FormFields,
	questions: readonly PublicQuestion[]
): Promise<Stepped> {
	const question = questions.find((q) => q.id === questionIdOf(snapshot));
	// A question's form is on screen at a question, and at the intro (question 1, under it).
	const view = viewOf(snapshot);
	const events = eventsFromForm(fields, view === 'question' || view === 'intro' ? question : undefined);
	const actor = createActor(logic, { input, snapshot }).start();
	for (const event of events) actor.send(event);
	const settled = await waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });
	actor.stop();
	const pressedCheck = events.some((e) => e.type === 'answer.submit');
	// Still at the question Check was pressed on: an answer that moved on (test mode goes straight to the next) is not missing.
	const stayed = viewOf(settled) === 'question' && questionIdOf(settled) === questionIdOf(snapshot);
	const move = stayed ? moveFromForm(fields) : null;
	return { snapshot: settled, incomplete: pressedCheck && stayed && !isComplete(settled.context.draft), arrival: move ?? true };
}

/**
 * The address a step leads to: the page, saying if Check found nothing chosen,
 * at the step's heading; after a move, at no fragment, which would stop the
 * browser from focusing the moved claim's button (see `Arrival`).
 */
export function afterStep(page: string, stepped: Stepped): string {
	return `${page}${stepped.incomplete ? '?check=missing' : ''}${stepped.arrival === true ? '#quiz-step' : ''}`;
}

const STEPPED = 'whosays_stepped';

/** Marks the next page load as the arrival of a step sent by form, with where it puts focus (read once by `arrivedByStep`). */
export function markStepped(cookies: Cookies, path: string, arrival: Arrival = true): void {
	cookies.set(STEPPED, typeof arrival === 'string' ? arrival : '1', { path, httpOnly: true, sameSite: 'lax', maxAge: 60, secure: false });
}

/** How this page load was reached (see `Arrival`); reading it ends it. */
export function arrivedByStep(cookies: Cookies, path: string): Arrival {
	const value = cookies.get(STEPPED);
	if (!value) return false;
	cookies.delete(STEPPED, { path, secure: false });
	return value === '1' ? true : value;
}

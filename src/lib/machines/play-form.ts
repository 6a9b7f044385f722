/**
 * The player's forms as machine events. Every step of the quiz is a plain
 * HTML form (`method="POST" action="?/play"`), whose pressed button names the
 * event (`name="event" value="answer.submit"`, or with its one argument,
 * `value="review.start@3"`) and whose fields carry its data. Moving a claim
 * of an order question (`order.up@claim-id`) is a change of the answer being
 * built, which the page shows at once. Without scripts the browser sends the form and the server runs these
 * events through the machine; with scripts the same form is caught on submit
 * and the events go to the machine in the page. One reading of the form,
 * for both.
 */
import type { PublicQuestion } from '../quiz/public.ts';
import type { Answer } from '../quiz/schema.ts';
import { isFeedbackMode } from '../quiz/modes.ts';
import type { QuizEvent } from './quiz.machine.ts';

/** What a form gives: FormData, or URLSearchParams. */
export interface FormFields {
	get(name: string): FormDataEntryValue | null;
	getAll(name: string): FormDataEntryValue[];
}

const SIMPLE = ['question.next', 'quiz.finish', 'review.next', 'review.prev', 'review.close', 'quiz.retryMissed', 'quiz.restart'] as const;

const text = (value: FormDataEntryValue | null | undefined) => (typeof value === 'string' ? value : '');

/** Marked words: token indices, as the word checkboxes send them. */
function markedIn(fields: FormFields): number[] {
	const marked = fields.getAll('marked').map((v) => Number(text(v)));
	return [...new Set(marked.filter((n) => Number.isInteger(n) && n >= 0))].sort((a, b) => a - b);
}

/** The answer a question's form holds, or null when nothing is chosen yet. */
export function answerFromForm(fields: FormFields, question: Pick<PublicQuestion, 'type'> & { cite?: boolean }): Answer | null {
	const choice = text(fields.get('choice'));
	const marked = markedIn(fields);
	switch (question.type) {
		case 'classify':
			if (!choice && !marked.length) return null;
			return { type: 'classify', category: choice, ...(question.cite ? { marked } : {}) };
		case 'choice':
			return choice ? { type: 'choice', option: choice } : null;
		case 'cue':
			return { type: 'cue', marked };
		case 'order': {
			// The claims as the list shows them, each with its place in a hidden field.
			const order = fields.getAll('order').map(text).filter(Boolean);
			return order.length ? { type: 'order', order } : null;
		}
	}
}

/**
 * A change to a question's form, before it is sent: the answer being built,
 * and on the intro the mode picked there, which the machine keeps with the place.
 */
export function changesFromForm(fields: FormFields, question: Pick<PublicQuestion, 'type'> & { cite?: boolean }): QuizEvent[] {
	const mode = text(fields.get('mode'));
	return [...(isFeedbackMode(mode) ? [{ type: 'mode.choose' as const, mode }] : []), { type: 'answer.change', answer: answerFromForm(fields, question) }];
}

/** An order question's claims with one moved a place up or down: "order.up@claim-id" or "order.down@claim-id". */
function moved(fields: FormFields, direction: string, id: string): Answer | null {
	const order = fields.getAll('order').map(text);
	const at = order.indexOf(id);
	const to = direction === 'order.up' ? at - 1 : at + 1;
	if (at < 0 || to < 0 || to >= order.length) return null;
	[order[at], order[to]] = [order[to]!, order[at]!];
	return { type: 'order', order };
}

const MAX_STEPS = 2;

/**
 * How a page was reached: by a step sent as a plain form, which puts focus on
 * the step's heading (`true`), or on the move button of the claim just moved
 * (its value, "order.up@claim-id"), so the student moves it on from there; or
 * not by a step (`false`), which leaves focus where the browser puts it.
 */
export type Arrival = boolean | string;

/** The move button a form was sent with ("order.up@claim-id"), if it was one: the page it leads to keeps focus on it. */
export function moveFromForm(fields: FormFields): string | null {
	return (
		fields
			.getAll('event')
			.slice(0, MAX_STEPS)
			.map(text)
			.find((value) => /^order\.(up|down)@./.test(value)) ?? null
	);
}

/** The events one `event` field stands for. */
function eventsOf(value: string, fields: FormFields, question: (Pick<PublicQuestion, 'type'> & { cite?: boolean }) | undefined): QuizEvent[] {
	// A button that names an event and its one argument: "review.start@3".
	const [event = '', argument = ''] = value.split('@');
	if ((SIMPLE as readonly string[]).includes(event)) return [{ type: event as (typeof SIMPLE)[number] }];
	if (event === 'quiz.start') {
		const mode = text(fields.get('mode'));
		return [{ type: 'quiz.start', ...(isFeedbackMode(mode) ? { mode } : {}) }];
	}
	if (event === 'review.start') {
		const index = Number(argument || 0);
		return [{ type: 'review.start', index: Number.isInteger(index) ? index : 0 }];
	}
	if (event === 'answer.submit' && question) return [{ type: 'answer.change', answer: answerFromForm(fields, question) }, { type: 'answer.submit' }];
	if ((event === 'order.up' || event === 'order.down') && question?.type === 'order') {
		const answer = moved(fields, event, argument);
		return answer ? [{ type: 'answer.change', answer }] : [];
	}
	return [];
}

/**
 * The events a submitted form stands for; an empty list for a form that says
 * nothing the machine knows. `question` is the one on screen, for an answer.
 * A form may stand for more than one step: each `event` field in the order of
 * the form, the pressed button among them. The intro's form, which holds
 * question 1, carries a hidden "quiz.start" before its Check button. No form
 * of the player has more than two, so a longer list is cut there.
 */
export function eventsFromForm(fields: FormFields, question: (Pick<PublicQuestion, 'type'> & { cite?: boolean }) | undefined): QuizEvent[] {
	return fields.getAll('event').slice(0, MAX_STEPS).flatMap((value) => eventsOf(text(value), fields, question));
}

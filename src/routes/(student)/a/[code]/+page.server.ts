import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { codeProblem, formatCode, normalizeCode } from '$lib/class-code.ts';
import { assignmentStatus, findAssignmentByCode, isNearMissOfOpenClass } from '$lib/server/assignments.ts';
import { LEFT } from '$lib/server/answer-store.ts';
import { attemptState, joinAssignment, resumeAttempt, type AttemptState } from '$lib/server/attempts.ts';
import { assignmentLogic, attemptInput, keepAttemptPlace, readAttemptPlace } from '$lib/server/attempt-place.ts';
import { afterStep, arrivedByStep, markStepped, stepWithForm } from '$lib/server/play.ts';
import { quizMachine } from '$lib/machines/quiz.machine.ts';
import { toProgress } from '$lib/machines/progress.ts';
import { findQuiz, getQuiz } from '$lib/server/catalogue.ts';
import { getDb } from '$lib/server/db/index.ts';
import { isAssignmentError } from '$lib/server/errors.ts';
import { classEvents } from '$lib/server/events.ts';
import { refuse } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { closePracticeDuringTest, reopenPractice } from '$lib/server/practice.ts';
import { DisplayNameSchema, JoinKeySchema, NAME_CHARS } from '$lib/server/requests.ts';
import { forgetAttempt, moveToResults, readAttemptCookie, setAttemptCookie } from '$lib/server/student-session.ts';
import { resultsPath } from '$lib/client/place.ts';
import { hashToken, newToken } from '$lib/server/tokens.ts';
import { renderedOnly } from '$lib/rendered-only.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'No class has this code. Check it with your teacher: one letter or digit may be off.';

/** This page at the results address (`done/`), where a finished attempt's cookie has moved. */
const atResults = (event: Pick<RequestEvent, 'route'>) => event.route.id?.endsWith('/done') ?? false;

/** The assignment a typed code opens. A miss counts against the network only when it is not a typo of a real code. */
async function assignmentFor(event: Pick<RequestEvent, 'getClientAddress' | 'locals' | 'route'> & { params: { code: string } }) {
	const code = normalizeCode(event.params.code);
	if (!code) error(404, { message: codeProblem(event.params.code), typed: event.params.code });
	if (event.params.code !== code) redirect(308, atResults(event) ? resultsPath(code) : `/a/${code}`);
	const address = event.getClientAddress();
	const refused = await limits.beforeCodeLookup(address, code);
	if (refused) refuse(event, refused);
	const db = await getDb();
	const assignment = await findAssignmentByCode(db, code);
	if (!assignment) {
		await limits.afterCodeLookup(address, code, (await isNearMissOfOpenClass(db, code)) ? 'near-miss' : 'unknown');
		error(404, { message: NOT_FOUND, typed: formatCode(code) });
	}
	await limits.afterCodeLookup(address, code, 'found');
	return { code, assignment };
}

export const load: PageServerLoad = async (event) => {
	const { code, assignment } = await assignmentFor(event);
	const now = new Date();
	const entry = findQuiz(assignment.quizSlug);
	if (!entry) error(410, 'The quiz for this assignment is no longer on this site. Tell your teacher.');
	const about = {
		code,
		title: assignment.title,
		mode: assignment.mode,
		questions: entry.quiz.questions.length,
		minutes: entry.minutes,
		outlet: entry.quiz.article.outlet
	};

	const token = readAttemptCookie(event.cookies);
	// A key here that opens no attempt of this class: the attempt moved to another device, or was removed.
	let ended = false;
	if (token) {
		try {
			const state = await attemptState(await getDb(), token, now, getQuiz);
			if (state.assignment.code === code) {
				// Finished (by the student, or by the teacher closing): the results move to their own address.
				if (state.finished && !atResults(event)) {
					moveToResults(event, code, token);
					redirect(303, resultsPath(code));
				}
				if (!state.finished && atResults(event)) redirect(303, `/a/${code}`);
				const { progress } = readAttemptPlace(state, event.cookies, quizMachine);
				return renderedOnly({
					...about,
					view: 'attempt' as const,
					attempt: playerAttempt(state),
					progress,
					results: state.feedback,
					incomplete: event.url.searchParams.has('check'),
					arrived: arrivedByStep(event.cookies, atResults(event) ? resultsPath(code) : `/a/${code}`)
				});
			}
		} catch (e) {
			if (!isAssignmentError(e, 'attempt-not-found')) throw e;
			ended = true;
		}
		forgetAttempt(event, code);
	}
	if (atResults(event)) redirect(303, `/a/${code}`);
	const status = assignmentStatus(assignment, now);
	if (status === 'closed') return { ...about, view: 'closed' as const };
	if (status === 'scheduled') return { ...about, view: 'scheduled' as const, opensAt: assignment.opensAt, checkedAt: now.toISOString() };
	return { ...about, view: 'join' as const, nameChars: NAME_CHARS, joinKey: newToken(), ended };
};

/** What the page's player needs of an attempt, and no more (no score, no other student). */
function playerAttempt(state: AttemptState) {
	return {
		attemptId: state.attemptId,
		displayName: state.displayName,
		title: state.assignment.title,
		mode: state.assignment.mode,
		quiz: state.quiz,
		order: state.order,
		nextSeq: state.nextSeq
	};
}

export const actions: Actions = {
	/** A step of the quiz sent as a plain form, before or without the page's script: the machine runs here. */
	play: async (event) => {
		const code = normalizeCode(event.params.code) ?? '';
		const token = readAttemptCookie(event.cookies);
		const db = await getDb();
		const now = new Date();
		const attempt = token ? await resumeAttempt(db, token) : undefined;
		if (!attempt || attempt.assignment.code !== code) redirect(303, `/a/${code}`);
		const refused = limits.takeForAttempt(attempt.id);
		if (refused) refuse(event, refused);
		const fields = await event.request.formData();
		// A page of an attempt this browser has since left: its step is not the cookie's attempt's to take.
		const pageAttempt = fields.get('attempt');
		if (typeof pageAttempt === 'string' && pageAttempt !== attempt.id) error(401, LEFT().message);
		const state = await attemptState(db, token!, now, getQuiz);
		const logic = assignmentLogic(db, { tokenHash: hashToken(token!), code }, attempt, state.nextSeq, now);
		const place = readAttemptPlace(state, event.cookies, logic);
		const stepped = await stepWithForm(logic, attemptInput(state), place.snapshot, fields, state.quiz.questions);
		keepAttemptPlace(state, code, event.cookies, event.url, toProgress(stepped.snapshot));
		const finished = stepped.snapshot.hasTag('view:summary') || stepped.snapshot.hasTag('view:review');
		const page = finished ? resultsPath(code) : `/a/${code}`;
		if (finished && !state.finished) {
			moveToResults(event, code, token!);
		}
		markStepped(event.cookies, page, stepped.arrival);
		if (stepped.snapshot.hasTag('view:summary') && !state.finished) {
			reopenPractice(event, attempt.assignment.quizSlug);
			classEvents.publish({ assignmentId: attempt.assignment.id, kind: 'finished' });
		} else if (stepped.snapshot.context.answers !== place.snapshot.context.answers) {
			classEvents.publish({ assignmentId: attempt.assignment.id, kind: 'answered' });
		}
		redirect(303, afterStep(page, stepped));
	},
	join: async (event) => {
		const { code, assignment } = await assignmentFor(event);
		const form = await event.request.formData();
		const typed = String(form.get('displayName') ?? '');
		const refused = limits.take('joins', event.getClientAddress());
		if (refused) {
			event.setHeaders({ 'retry-after': String(refused.retryAfter) });
			return fail(429, { displayName: typed, error: refused.message });
		}
		const name = DisplayNameSchema.safeParse(typed);
		if (!name.success) return fail(400, { displayName: typed, error: name.error.issues[0]?.message ?? 'Type your name' });
		try {
			// The form's one-off key: Start pressed twice, the first reply lost, gets back the attempt the first press made.
			const joinKey = JoinKeySchema.safeParse(form.get('joinKey')).data;
			const started = await joinAssignment(await getDb(), assignment, name.data, new Date(), { getQuiz, joinKey });
			// A retake: the last attempt's results are forgotten here too.
			forgetAttempt(event, code);
			setAttemptCookie(event, code, started.resumeToken);
			// During a test, this quiz's open practice (with its feedback) stays closed in this browser.
			if (assignment.mode === 'test') closePracticeDuringTest(event, assignment.quizSlug, code);
			classEvents.publish({ assignmentId: assignment.id, kind: 'joined' });
		} catch (e) {
			if (isAssignmentError(e)) return fail(e.status, { displayName: typed, error: e.message });
			throw e;
		}
		redirect(303, `/a/${code}`);
	},
	/** "Not you?": this browser forgets the attempt; the answers stay with the teacher. */
	leave: async (event) => {
		const code = normalizeCode(event.params.code) ?? event.params.code;
		forgetAttempt(event, code);
		const assignment = await findAssignmentByCode(await getDb(), code);
		if (assignment) reopenPractice(event, assignment.quizSlug);
		redirect(303, `/a/${code}`);
	}
};

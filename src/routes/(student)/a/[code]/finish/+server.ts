import { json } from '@sveltejs/kit';
import { finishAttempt } from '$lib/server/attempts.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { classEvents } from '$lib/server/events.ts';
import { LEFT } from '$lib/server/answer-store.ts';
import { parseJson, refusal } from '$lib/server/http.ts';
import { reopenPractice } from '$lib/server/practice.ts';
import { FinishAttemptSchema } from '$lib/server/requests.ts';
import { attemptOf, moveToResults, readAttemptCookie } from '$lib/server/student-session.ts';
import type { RequestHandler } from './$types';

/** Ends the attempt and reveals every verdict the page does not show yet; the cookie moves to the results address, so the class link opens a fresh join form. */
export const POST: RequestHandler = async (event) => {
	const found = await attemptOf(event);
	if (!found.ok) return found.response;
	const body = await parseJson(event.request, FinishAttemptSchema);
	if (!body.ok) return body.response;
	// A page of an attempt this browser has since left: finishing here would finish the one the cookie now holds.
	if (body.data.attempt !== undefined && body.data.attempt !== found.attempt.id) return refusal(LEFT());
	try {
		const finished = await finishAttempt(found.db, found.attempt, new Date(), getQuiz, new Set(body.data.shown));
		moveToResults(event, found.code, readAttemptCookie(event.cookies)!);
		reopenPractice(event, found.attempt.assignment.quizSlug);
		classEvents.publish({ assignmentId: found.attempt.assignment.id, kind: 'finished' });
		return json(finished);
	} catch (e) {
		return refusal(e);
	}
};

import { json } from '@sveltejs/kit';
import { submitAnswer } from '$lib/server/attempts.ts';
import { SubmitAnswerSchema } from '$lib/server/requests.ts';
import { attemptOf, getQuiz, parseJson, refusal } from '$lib/server/web.ts';
import type { RequestHandler } from './$types';

/** Stores and grades one answer. The attempt comes from the student's cookie, never from the body. */
export const POST: RequestHandler = async (event) => {
	const found = await attemptOf(event);
	if (!found.ok) return found.response;
	const body = await parseJson(event.request, SubmitAnswerSchema);
	if (!body.ok) return body.response;
	try {
		return json(await submitAnswer(found.db, found.attempt, body.data, new Date(), getQuiz));
	} catch (e) {
		return refusal(e);
	}
};

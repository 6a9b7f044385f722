import { resumeAttempt, submitAnswer } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/index.ts';
import { SubmitAnswerSchema } from '$lib/server/requests.ts';
import { normalizeCode } from '$lib/server/student-code.ts';
import { allowRequest, getQuiz, parseJson, problem, readAttemptCookie, refusal, TOO_MANY } from '$lib/server/web.ts';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Stores and grades one answer. The attempt comes from the student's cookie, never from the body. */
export const POST: RequestHandler = async (event) => {
	if (!allowRequest(event, 'answer')) return problem(429, TOO_MANY);
	const code = normalizeCode(event.params.code);
	const token = code ? readAttemptCookie(event.cookies, code) : undefined;
	const db = await getDb();
	const attempt = token ? await resumeAttempt(db, token) : undefined;
	if (!attempt || attempt.assignment.code.replace('-', '') !== code)
		return problem(401, 'This browser has no attempt at this assignment; open the class link and join again.');
	const body = await parseJson(event.request, SubmitAnswerSchema);
	if (!body.ok) return body.response;
	try {
		return json(await submitAnswer(db, attempt, body.data, new Date(), getQuiz));
	} catch (e) {
		return refusal(e);
	}
};

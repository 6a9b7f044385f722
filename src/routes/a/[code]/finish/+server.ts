import { finishAttempt, resumeAttempt } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/index.ts';
import { normalizeCode } from '$lib/server/student-code.ts';
import { allowRequest, clearAttemptCookie, getQuiz, problem, readAttemptCookie, refusal, TOO_MANY } from '$lib/server/web.ts';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Ends the attempt and reveals every verdict; the browser forgets the attempt with the cookie. */
export const POST: RequestHandler = async (event) => {
	if (!allowRequest(event, 'answer')) return problem(429, TOO_MANY);
	const code = normalizeCode(event.params.code);
	const token = code ? readAttemptCookie(event.cookies, code) : undefined;
	const db = await getDb();
	const attempt = token ? await resumeAttempt(db, token) : undefined;
	if (!code || !attempt || attempt.assignment.code.replace('-', '') !== code)
		return problem(401, 'This browser has no attempt at this assignment; open the class link and join again.');
	try {
		const finished = await finishAttempt(db, attempt, new Date(), getQuiz);
		clearAttemptCookie(event.cookies, code);
		return json(finished);
	} catch (e) {
		return refusal(e);
	}
};

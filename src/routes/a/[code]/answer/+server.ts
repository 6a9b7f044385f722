import { json } from '@sveltejs/kit';
import { storeAnswer } from '$lib/server/answer-store.ts';
import { getDb } from '$lib/server/db/index.ts';
import { SubmitAnswerSchema } from '$lib/server/requests.ts';
import { normalizeCode } from '$lib/server/student-code.ts';
import { hashToken, isTokenShaped } from '$lib/server/tokens.ts';
import { allowRequest, getQuiz, noAttempt, parseJson, problem, readAttemptCookie, refusal, TOO_MANY } from '$lib/server/web.ts';
import type { RequestHandler } from './$types';

/**
 * Stores and grades one answer: the request a class sends most. The attempt
 * comes from the student's cookie, never from the body, and is looked up in
 * the same transaction that stores the answer.
 */
export const POST: RequestHandler = async (event) => {
	if (!allowRequest(event, 'answer')) return problem(429, TOO_MANY);
	const code = normalizeCode(event.params.code);
	const token = code ? readAttemptCookie(event.cookies, code) : undefined;
	if (!code || !isTokenShaped(token)) return noAttempt();
	const body = await parseJson(event.request, SubmitAnswerSchema);
	if (!body.ok) return body.response;
	try {
		const result = await storeAnswer(await getDb(), { tokenHash: hashToken(token), code }, body.data, new Date(), getQuiz);
		return result ? json(result) : noAttempt();
	} catch (e) {
		return refusal(e);
	}
};

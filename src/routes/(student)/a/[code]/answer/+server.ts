import { json } from '@sveltejs/kit';
import { answerRequest } from '$lib/server/answer-request.ts';
import { getDb } from '$lib/server/db/index.ts';
import { allowRequest, getQuiz, problem, readAttemptCookie, TOO_MANY } from '$lib/server/web.ts';
import { normalizeCode } from '$lib/server/student-code.ts';
import type { RequestHandler } from './$types';

/** Stores and grades one answer: the request a class sends most. */
export const POST: RequestHandler = async (event) => {
	if (!allowRequest(event, 'answer')) return problem(429, TOO_MANY);
	const code = event.params.code;
	const answered = await answerRequest(
		{
			code,
			token: readAttemptCookie(event.cookies, normalizeCode(code) ?? code),
			contentType: event.request.headers.get('content-type'),
			body: await event.request.text()
		},
		await getDb(),
		new Date(),
		getQuiz
	);
	return json(answered.body, { status: answered.status });
};

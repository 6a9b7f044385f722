import { json } from '@sveltejs/kit';
import { answerRequest } from '$lib/server/answer-request.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { getDb } from '$lib/server/db/index.ts';
import { classEvents } from '$lib/server/events.ts';
import { tooMany } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { readAttemptCookie } from '$lib/server/student-session.ts';
import { hashIfToken } from '$lib/server/tokens.ts';
import type { RequestHandler } from './$types';

/** Stores and grades one answer: the request a class sends most. */
export const POST: RequestHandler = async (event) => {
	// Hashed once: the limit and the attempt's lookup both go by it.
	const tokenHash = hashIfToken(readAttemptCookie(event.cookies));
	// Counted per attempt (its token stands for it), so a classmate's flood never slows this student.
	const refused = tokenHash ? limits.takeForAttempt(tokenHash) : null;
	if (refused) return tooMany(refused);
	const answered = await answerRequest(
		{ code: event.params.code, tokenHash, contentType: event.request.headers.get('content-type'), body: await event.request.text() },
		await getDb(),
		new Date(),
		getQuiz
	);
	if (answered.assignmentId) classEvents.publish({ assignmentId: answered.assignmentId, kind: 'answered' });
	return json(answered.body, { status: answered.status });
};

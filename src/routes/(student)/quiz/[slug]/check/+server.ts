import { error, json } from '@sveltejs/kit';
import { findQuiz } from '$lib/server/catalogue.ts';
import { parseJson, problem, refusal, tooMany } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { checkPractice, TEST_UNDER_WAY, testUnderWay } from '$lib/server/practice.ts';
import { PracticeCheckSchema } from '$lib/server/requests.ts';
import type { RequestHandler } from './$types';

/** Open practice: the verdict on one answer, with its explanation. Nothing is stored. */
export const POST: RequestHandler = async (event) => {
	const entry = findQuiz(event.params.slug);
	if (!entry) error(404, 'There is no quiz at this address.');
	const refused = limits.take('practice', event.getClientAddress());
	if (refused) return tooMany(refused);
	if (await testUnderWay(event, entry.slug)) return problem(403, TEST_UNDER_WAY);
	const body = await parseJson(event.request, PracticeCheckSchema);
	if (!body.ok) return body.response;
	try {
		return json({ graded: checkPractice(entry.quiz, body.data.questionId, body.data.answer) });
	} catch (e) {
		return refusal(e);
	}
};

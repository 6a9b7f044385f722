import { json } from '@sveltejs/kit';
import { parseJson, refusal } from '$lib/server/http.ts';
import { checkPractice, practiceRequest } from '$lib/server/practice.ts';
import { PracticeCheckSchema } from '$lib/server/requests.ts';
import type { RequestHandler } from './$types';

/** Open practice: the verdict on one answer, with its explanation. Nothing is stored. */
export const POST: RequestHandler = async (event) => {
	const found = await practiceRequest(event);
	if (!found.ok) return found.response;
	const body = await parseJson(event.request, PracticeCheckSchema);
	if (!body.ok) return body.response;
	try {
		return json({ graded: checkPractice(found.entry.quiz, body.data.questionId, body.data.answer) });
	} catch (e) {
		return refusal(e);
	}
};

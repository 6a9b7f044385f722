import { json } from '@sveltejs/kit';
import { parseJson, refusal } from '$lib/server/http.ts';
import { gradePractice, practiceRequest } from '$lib/server/practice.ts';
import { PracticeResultsSchema } from '$lib/server/requests.ts';
import type { RequestHandler } from './$types';

/** Open practice in test mode: every verdict at the end. Nothing is stored. */
export const POST: RequestHandler = async (event) => {
	const found = await practiceRequest(event);
	if (!found.ok) return found.response;
	const body = await parseJson(event.request, PracticeResultsSchema);
	if (!body.ok) return body.response;
	try {
		return json({ results: gradePractice(found.entry.quiz, body.data.answers) });
	} catch (e) {
		return refusal(e);
	}
};

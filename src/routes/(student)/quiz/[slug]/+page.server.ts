import { error } from '@sveltejs/kit';
import { findQuiz } from '$lib/server/catalogue.ts';
import { testUnderWay } from '$lib/server/practice.ts';
import { toPublicQuiz } from '$lib/quiz/public.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const entry = findQuiz(event.params.slug);
	if (!entry) error(404, { message: 'There is no quiz at this address. It may have been renamed or removed.' });
	const testing = await testUnderWay(event, entry.slug);
	// The quiz without its key: each verdict comes from the server once its question is answered.
	const quiz = toPublicQuiz(entry.quiz, entry.slug, entry.version);
	return { quiz, minutes: entry.minutes, testing };
};

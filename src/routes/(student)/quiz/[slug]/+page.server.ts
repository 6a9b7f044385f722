import { error } from '@sveltejs/kit';
import { findQuiz } from '$lib/server/catalogue.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const entry = findQuiz(params.slug);
	if (!entry) error(404, { message: 'There is no quiz at this address. It may have been renamed or removed.' });
	// Open practice grades in the browser, so the whole quiz (with its key) is sent.
	return { slug: entry.slug, version: entry.version, quiz: entry.quiz, minutes: entry.minutes };
};

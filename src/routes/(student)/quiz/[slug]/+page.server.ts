import { error, redirect } from '@sveltejs/kit';
import { keyGrading } from '$lib/machines/key-grading.ts';
import { toProgress } from '$lib/machines/progress.ts';
import { findQuiz } from '$lib/server/catalogue.ts';
import { refuse } from '$lib/server/http.ts';
import { limits } from '$lib/server/limits.ts';
import { afterStep, arrivedByStep, markStepped, stepWithForm } from '$lib/server/play.ts';
import { keepPlace, practiceInput, practiceOrder, readPlace } from '$lib/server/practice-place.ts';
import { inStudentOrder } from '$lib/server/student-order.ts';
import { TEST_UNDER_WAY, testUnderWay } from '$lib/server/practice.ts';
import { toPublicQuiz } from '$lib/quiz/public.ts';
import { renderedOnly } from '$lib/rendered-only.ts';
import type { Actions, PageServerLoad } from './$types';

function quizAt(slug: string) {
	const entry = findQuiz(slug);
	if (!entry) error(404, { message: 'There is no quiz at this address. It may have been renamed or removed.' });
	return entry;
}

export const load: PageServerLoad = async (event) => {
	const entry = quizAt(event.params.slug);
	// The quiz without its key: each verdict comes from the server once its question is answered.
	// Each browser sees the choices in an order of its own, so a neighbour's screen gives nothing away.
	const quiz = inStudentOrder(toPublicQuiz(entry.quiz, entry.slug, entry.version), practiceOrder(entry, event.cookies, event.url));
	const testing = await testUnderWay(event, entry.slug);
	if (testing) return renderedOnly({ quiz, minutes: entry.minutes, testing, place: null });
	const { progress, results, notice } = readPlace(entry, event.cookies);
	const arrived = arrivedByStep(event.cookies, `/quiz/${entry.slug}`);
	return renderedOnly({ quiz, minutes: entry.minutes, testing: null, place: { progress, results, notice, arrived, incomplete: event.url.searchParams.has('check') } });
};

export const actions: Actions = {
	/** A step of the quiz sent as a plain form, before or without the page's script: the machine runs here. */
	play: async (event) => {
		const entry = quizAt(event.params.slug);
		const refused = limits.take('practice', event.getClientAddress());
		if (refused) refuse(event, refused);
		if (await testUnderWay(event, entry.slug)) error(403, TEST_UNDER_WAY);
		const place = readPlace(entry, event.cookies);
		const questions = toPublicQuiz(entry.quiz, entry.slug, entry.version).questions;
		const stepped = await stepWithForm(keyGrading(entry.quiz), practiceInput(entry), place.snapshot, await event.request.formData(), questions);
		keepPlace(entry, event.cookies, event.url, toProgress(stepped.snapshot));
		markStepped(event.cookies, `/quiz/${entry.slug}`, stepped.arrival);
		redirect(303, afterStep(`/quiz/${entry.slug}`, stepped));
	}
};

import { listQuizzes } from '$lib/server/catalogue.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	quizzes: listQuizzes().map(({ slug, quiz, minutes }) => ({
		slug,
		title: quiz.title,
		summary: quiz.summary ?? null,
		outlet: quiz.article.outlet,
		date: quiz.article.date ?? null,
		fictional: quiz.article.fictional ?? false,
		questions: quiz.questions.length,
		minutes
	}))
});

/**
 * The quizzes this server offers, read from quizzes/*.json at build time (and
 * again on every change in development, so a new file appears at once).
 */
import { error } from '@sveltejs/kit';
import type { GetQuiz } from './assignments.ts';
import { loadCatalogue, type QuizEntry } from './quiz-files.ts';

const files = import.meta.glob<string>('/quizzes/*.json', { query: '?raw', import: 'default', eager: true });

function load(): Map<string, QuizEntry> {
	try {
		// Keys are "/quizzes/x.json"; name files as the checker does, so messages match.
		return loadCatalogue(Object.fromEntries(Object.entries(files).map(([file, text]) => [file.slice(1), text])));
	} catch (e) {
		// In development the page shows the checker's lines to the author, also on
		// pages without the dev overlay. A build never gets here: it stops first.
		if (import.meta.env.DEV) error(500, (e as Error).message);
		throw e;
	}
}

const catalogue = load();

export function listQuizzes(): QuizEntry[] {
	return [...catalogue.values()].sort((a, b) => a.quiz.title.localeCompare(b.quiz.title));
}

export function findQuiz(slug: string): QuizEntry | undefined {
	return catalogue.get(slug);
}

/** The catalogue as the assignment services take it. */
export const getQuiz: GetQuiz = (slug) => findQuiz(slug);

/**
 * Quiz files as the build, the server and the checker see them: a slug from
 * the file name, the validated quiz, and a version stamp of its content.
 */
import { estimateMinutes, versionOf } from '../quiz/meta.ts';
import { checkQuizFile, slugOf } from '../quiz/quiz-file.ts';
import type { Quiz } from '../quiz/schema.ts';
import { formatProblem } from '../quiz/validate/format.ts';

export interface QuizEntry {
	slug: string;
	version: string;
	quiz: Quiz;
	minutes: number;
}

export function toEntry(slug: string, quiz: Quiz): QuizEntry {
	return { slug, version: versionOf(JSON.stringify(quiz)), quiz, minutes: estimateMinutes(quiz) };
}

/** Builds the catalogue; an invalid file throws with every problem, one per line. */
export function loadCatalogue(files: Record<string, string>): Map<string, QuizEntry> {
	const catalogue = new Map<string, QuizEntry>();
	const failures: string[] = [];
	for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const result = checkQuizFile(file, text);
		if (!result.ok) failures.push(...result.problems.map((p) => formatProblem(file, p)));
		else catalogue.set(slugOf(file), toEntry(slugOf(file), result.quiz));
	}
	if (failures.length) throw new Error(`Invalid quiz file:\n${failures.join('\n')}`);
	return catalogue;
}

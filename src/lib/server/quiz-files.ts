/**
 * Quiz files as the build, the server and the checker see them: a slug from
 * the file name, the validated quiz, and a version stamp of its content.
 */
import { estimateMinutes, versionOf } from '../quiz/meta.ts';
import type { Quiz } from '../quiz/schema.ts';
import { validateQuizText, type Validation } from '../quiz/validate.ts';
import { formatProblem } from '../quiz/validate/format.ts';
import type { Problem } from '../quiz/validate/problem.ts';

export interface QuizEntry {
	slug: string;
	version: string;
	quiz: Quiz;
	minutes: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugOf(file: string): string {
	return (file.split(/[\\/]/).at(-1) ?? file).replace(/\.json$/i, '');
}

/** Validates one file's text, including the rule that its name makes a clean URL. */
export function checkQuizFile(file: string, text: string): Validation {
	const result = validateQuizText(text);
	const slug = slugOf(file);
	if (SLUG.test(slug)) return result;
	const problem: Problem = {
		severity: 'error',
		path: '',
		message: `The file name "${slug}.json" cannot be a web address`,
		expected: 'lower-case letters, digits and single hyphens, like "city-council-vote.json"',
		hint: 'rename the file'
	};
	return { ok: false, problems: [problem, ...(result.ok ? [] : result.problems)] };
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

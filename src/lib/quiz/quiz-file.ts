/**
 * A quiz file as a whole: its text checked, and its name, which becomes the
 * quiz's web address (quizzes/city-council-vote.json is /quiz/city-council-vote).
 * The build, the checker and the author page all judge a file so.
 */
import { validateQuizText, type Validation } from './validate.ts';
import type { Problem } from './validate/problem.ts';

/** Also given from here, so the author page loads the checker and the name rule as one module. */
export { validateQuizText };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXPECTED = 'lower-case letters, digits and single hyphens, then .json, like "city-council-vote.json"';

/** The file's name without its folder. */
const baseName = (file: string) => file.split(/[\\/]/).at(-1) ?? file;

/** The quiz's address in the site: the file name without ".json". */
export function slugOf(file: string): string {
	return baseName(file).replace(/\.json$/, '');
}

/**
 * Whether a file in the quizzes folder is meant as a quiz: any name with
 * ".json" in it, so that "pool.json.txt" (as Notepad saves it) or
 * "Pool.JSON" is checked, and told why its name keeps it off the site,
 * rather than passed over without a word.
 */
export const meantAsQuiz = (name: string): boolean => /\.json/i.test(baseName(name));

/**
 * The name a quiz file should have instead of its own, or null when its own
 * will do (or no letter or digit is left to make one of). What an editor or a
 * browser added goes ("pool.json.txt", "pool.json (1).json", "pool (1).json"),
 * and the rest is made lower case, accents dropped, anything else a hyphen:
 * "Bus Routes.json" becomes "bus-routes.json".
 */
export function fixedFileName(file: string): string | null {
	const name = baseName(file);
	const json = name.toLowerCase().indexOf('.json');
	const stem = (json >= 0 ? name.slice(0, json) : name.replace(/\.[^.]*$/, ''))
		.replace(/\s*\(\d+\)\s*$/, '')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const fixed = `${stem}.json`;
	return stem && fixed !== name ? fixed : null;
}

/** What is wrong with a quiz file's name, if anything; the hint gives the name to use. */
export function fileNameProblem(file: string): Problem | null {
	const name = baseName(file);
	const fixed = fixedFileName(name);
	const renameIt = fixed ? `rename it ${fixed}` : 'rename the file';
	if (!name.endsWith('.json'))
		return {
			severity: 'error',
			path: '',
			message: `The file name "${name}" does not end in .json, so the site does not read it as a quiz`,
			expected: EXPECTED,
			hint: /\.json\./i.test(name)
				? `${renameIt}: an editor added "${name.slice(name.toLowerCase().lastIndexOf('.json') + 5)}" when it saved`
				: `${renameIt}, ending in .json (lower case)`
		};
	if (SLUG.test(slugOf(name))) return null;
	return {
		severity: 'error',
		path: '',
		message: `The file name "${name}" cannot be a web address`,
		expected: EXPECTED,
		hint: renameIt
	};
}

/** Validates one file's text, and the rule that its name makes a clean web address. */
export function checkQuizFile(file: string, text: string): Validation {
	const result = validateQuizText(text);
	const problem = fileNameProblem(file);
	if (!problem) return result;
	return { ok: false, problems: [problem, ...(result.ok ? [] : result.problems)] };
}

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

/** What is wrong with a quiz file's name, if anything. */
export function fileNameProblem(file: string): Problem | null {
	const name = baseName(file);
	if (!name.endsWith('.json'))
		return {
			severity: 'error',
			path: '',
			message: `The file name "${name}" does not end in .json, so the site does not read it as a quiz`,
			expected: EXPECTED,
			hint: /\.json\./i.test(name)
				? `rename it to end in .json: an editor added "${name.slice(name.toLowerCase().lastIndexOf('.json') + 5)}" when it saved`
				: 'rename the file to end in .json (lower case)'
		};
	if (SLUG.test(slugOf(name))) return null;
	return {
		severity: 'error',
		path: '',
		message: `The file name "${name}" cannot be a web address`,
		expected: EXPECTED,
		hint: 'rename the file'
	};
}

/** Validates one file's text, and the rule that its name makes a clean web address. */
export function checkQuizFile(file: string, text: string): Validation {
	const result = validateQuizText(text);
	const problem = fileNameProblem(file);
	if (!problem) return result;
	return { ok: false, problems: [problem, ...(result.ok ? [] : result.problems)] };
}

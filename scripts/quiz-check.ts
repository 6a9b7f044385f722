/**
 * Checks quiz files: every file in quizzes/, or the files named.
 * Exit 0 when all are valid (warnings allowed), 1 when any is not.
 *   npm run quiz:check
 *   npm run quiz:check -- path/to/quiz.json ...
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkQuizFile } from '../src/lib/server/quiz-files.ts';
import { formatProblem } from '../src/lib/quiz/validate.ts';

const args = process.argv.slice(2);
const files = args.length
	? args
	: (await readdir('quizzes')).filter((f) => f.endsWith('.json')).sort().map((f) => path.join('quizzes', f));

let failed = 0;
let warned = 0;
for (const file of files) {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (e) {
		console.log(`${file} error cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
		failed++;
		continue;
	}
	const result = checkQuizFile(file, text);
	const problems = result.ok ? result.warnings : result.problems;
	for (const p of problems) console.log(formatProblem(file, p));
	if (!result.ok) failed++;
	else warned += result.warnings.length;
}
const valid = files.length - failed;
console.log(
	`${files.length} file${files.length === 1 ? '' : 's'} checked: ${valid} valid, ${failed} invalid` +
		(warned ? `, ${warned} warning${warned === 1 ? '' : 's'}` : '')
);
process.exit(failed ? 1 : 0);

/**
 * Checks quiz files: every file in quizzes/, or the files (and folders) named.
 * One line per problem: file:line:column, error or warning, the JSON path,
 * what is wrong, what was found and expected, and a hint.
 * Exit 0 when all are valid (warnings allowed), 1 when any is not.
 *   npm run quiz:check
 *   npm run quiz:check -- path/to/quiz.json ...
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkQuizFile, meantAsQuiz } from '../src/lib/quiz/quiz-file.ts';
import { quizFileText } from '../src/lib/quiz/file-text.ts';
import { formatProblem } from '../src/lib/quiz/validate/format.ts';

/** Why a file could not be read, in words. */
function unreadable(e: NodeJS.ErrnoException): string {
	if (e.code === 'ENOENT') return 'no such file: check the name and the folder (quiz files live in quizzes/)';
	if (e.code === 'EACCES' || e.code === 'EPERM') return 'the file cannot be read: permission denied';
	if (e.code === 'EISDIR') return 'this is a folder, not a file';
	return `cannot read the file (${e.code ?? e.message})`;
}

async function jsonFilesIn(dir: string): Promise<string[]> {
	return (await readdir(dir, { withFileTypes: true }))
		.filter((f) => f.isFile() && meantAsQuiz(f.name))
		.map((f) => f.name)
		.sort()
		.map((f) => path.join(dir, f));
}

async function expand(args: string[]): Promise<string[]> {
	if (!args.length) return jsonFilesIn('quizzes');
	const files: string[] = [];
	for (const arg of args) {
		const isDir = await stat(arg).then((s) => s.isDirectory(), () => false);
		files.push(...(isDir ? await jsonFilesIn(arg) : [arg]));
	}
	return files;
}

const files = await expand(process.argv.slice(2));
if (!files.length) {
	console.log('No quiz files found: put quizzes in quizzes/ or name the files to check.');
	process.exit(1);
}

let failed = 0;
let warned = 0;
for (const file of files) {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(file);
	} catch (e) {
		console.log(`${file} error ${unreadable(e as NodeJS.ErrnoException)}`);
		failed++;
		continue;
	}
	const read = quizFileText(bytes);
	if (!read.ok) {
		console.log(formatProblem(file, read.problem));
		failed++;
		continue;
	}
	const result = checkQuizFile(file, read.text);
	const problems = result.ok ? result.warnings : result.problems;
	for (const p of problems) console.log(formatProblem(file, p));
	if (!result.ok) failed++;
	else warned += result.warnings.length;
}
const valid = files.length - failed;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(
	`${plural(files.length, 'file')} checked: ${valid} valid, ${failed} invalid` + (warned ? `, ${plural(warned, 'warning')}` : '')
);
process.exit(failed ? 1 : 0);

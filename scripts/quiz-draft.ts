/**
 * Drafts a claim-level quiz from an article's plain text: one classify
 * question per claim, with a suggested label and cue, for an author to check.
 *   npm run quiz:draft -- article.txt --out quizzes/quiz.json
 *   npm run --silent quiz:draft -- article.txt   (JSON to stdout, without npm's banner)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer as readBytes } from 'node:stream/consumers';
import { articleFileText } from '../src/lib/quiz/file-text.ts';
import { validateQuizData } from '../src/lib/quiz/validate.ts';
import { UNWRITTEN } from '../src/lib/quiz/validate/placeholders.ts';
import { formatProblem } from '../src/lib/quiz/validate/format.ts';
import { SCHEMA_FILE } from '../src/lib/quiz/json-schema.ts';
import { FOUR_CATEGORIES } from '../src/lib/quiz/categories.ts';
import { DraftError, draftQuiz } from '../src/lib/tagger/draft.ts';
import { articleLimitProblem, QUIZ_FILE_SCHEMA } from '../src/lib/tagger/review.ts';

const USAGE = `Usage: npm run quiz:draft -- <article.txt> [--out <quiz.json>]

Reads an article as plain text (one paragraph per line, or a blank line
between paragraphs whose lines are wrapped, as in an e-mail; a short first
line without a full stop is taken as the headline) and writes a draft quiz: one
"classify" question per claim, answered with the suggested label
(fact, anonymous or non-answer; with --labels four, named-claim too) and its
cue words. Name the article - to
read it from standard input.

Every explanation, every whyNot and the outlet start with "TODO:": write
them and check each answer; npm run quiz:check refuses the file, listing
where, until every one is written.

Write to a file with --out rather than "> file": npm prints a banner on
standard output that would land in the file (or run npm run --silent).

Options:
  -o, --out <file>  write the quiz to this file instead of standard output
                    (--output works too); its "$schema" points at
                    static/quiz.schema.json from wherever the file goes
  --labels four     add a fourth label, "Named-source claim" (named-claim),
                    suggested for what a named person or body says on the
                    record; the file then lists its four categories
                    (--labels three, the default, keeps the three)
  -h, --help        show this help`;

function fail(message: string): never {
	console.error(`quiz:draft: ${message}`);
	process.exit(1);
}

interface Args {
	input: string;
	output: string | null;
	labels: 'three' | 'four';
}

function parseArgs(argv: readonly string[]): Args | 'help' {
	let input: string | null = null;
	let output: string | null = null;
	let labels: Args['labels'] = 'three';
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '-h' || arg === '--help') return 'help';
		if (arg === '--labels' || arg.startsWith('--labels=')) {
			const value = arg === '--labels' ? argv[++i] : arg.slice('--labels='.length);
			if (value !== 'three' && value !== 'four') fail(`--labels takes three or four, like --labels four`);
			labels = value;
			continue;
		}
		if (arg === '-o' || arg === '--out' || arg === '--output') {
			const next = argv[++i];
			if (next === undefined || next === '') fail(`${arg} needs a file name: ${arg} quiz.json`);
			output = next;
		} else if (/^--out(?:put)?=/.test(arg)) {
			output = arg.slice(arg.indexOf('=') + 1);
			if (!output) fail(`${arg} needs a file name: ${arg}quiz.json`);
		} else if (arg.startsWith('-') && arg !== '-') fail(`unknown option ${arg}\n\n${USAGE}`);
		else if (input !== null) fail(`one article at a time, but got "${input}" and "${arg}"`);
		else input = arg;
	}
	if (input === null) fail(`name the article to draft from\n\n${USAGE}`);
	return { input, output, labels };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const WRITE_ERRORS: Record<string, string> = {
	ENOENT: 'its folder does not exist',
	EISDIR: 'it is a folder',
	EACCES: 'permission denied',
	EPERM: 'permission denied'
};

const READ_ERRORS: Record<string, string> = {
	ENOENT: 'no such file',
	EISDIR: 'it is a folder, not a text file',
	EACCES: 'permission denied',
	EPERM: 'permission denied'
};

async function readArticle(file: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		bytes = file === '-' ? await readBytes(process.stdin) : await readFile(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
		fail(`cannot read ${file}: ${READ_ERRORS[code] ?? code}`);
	}
	// Read as the draft page reads an article: UTF-8 only, and any other file named for what it is.
	const read = articleFileText(bytes);
	if (!read.ok) fail(formatProblem(file, read.problem));
	if (read.text.trim() === '') fail(`${file} is empty; paste the article's text into it, one paragraph per line`);
	return read.text;
}

const args = parseArgs(process.argv.slice(2));
if (args === 'help') {
	console.log(USAGE);
} else {
	const text = await readArticle(args.input);
	// The limits in the page's words (“Paragraph 1 is 6,001 characters long…”), before the draft would break them.
	const limit = articleLimitProblem(text);
	if (limit) fail(`${args.input}: ${limit}`);
	let draft: ReturnType<typeof draftQuiz>;
	try {
		draft = draftQuiz(text, args.labels === 'four' ? { categories: FOUR_CATEGORIES } : {});
	} catch (e) {
		if (e instanceof DraftError) fail(`${args.input}: ${e.message}`);
		throw e;
	}
	const checked = validateQuizData(draft.quiz);
	// The texts left to write make any draft invalid until the author writes them; anything else is a fault.
	const faults = checked.ok ? [] : checked.problems.filter((p) => !UNWRITTEN.test(p.message));
	if (faults.length) {
		for (const p of faults) console.error(formatProblem(args.input, p));
		fail(`the draft from ${args.input} is not a valid quiz (see above); is the article within the quiz limits?`);
	}

	// Editors read "$schema" relative to the file, so point it at the schema from where the file goes.
	const schema = args.output
		? path.relative(path.dirname(path.resolve(args.output)), path.resolve(SCHEMA_FILE)).split(path.sep).join('/')
		: QUIZ_FILE_SCHEMA;
	const json = `${JSON.stringify({ ...draft.quiz, $schema: schema }, null, '\t')}\n`;
	if (args.output) {
		try {
			await writeFile(args.output, json);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
			fail(`cannot write ${args.output}: ${WRITE_ERRORS[code] ?? code}`);
		}
	} else process.stdout.write(json);

	const counts = new Map<string, number>();
	for (const c of draft.tagging.claims) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
	const unsure = draft.tagging.claims.filter((c) => c.confidence < 0.5).length;
	console.error(
		[
			`Drafted ${plural(draft.quiz.questions.length, 'question')} from ${plural(draft.tagging.paragraphs.length, 'paragraph')}` +
				(args.output ? ` into ${args.output}` : '') +
				`: ${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}.`,
			draft.headline ? `Headline: ${draft.headline}` : 'No headline line found; the title is "Draft quiz".',
			unsure ? `${plural(unsure, 'suggestion')} below 50% sure: check those first.` : '',
			draft.skipped.length ? `${plural(draft.skipped.length, 'claim')} too long for one question left out.` : '',
			'Every explanation, whyNot and the outlet start with "TODO:": write them before the quiz can be played.'
		]
			.filter(Boolean)
			.join('\n')
	);
}

/**
 * A Vite plugin that checks quizzes/*.json with the same checker as
 * `npm run quiz:check`: an invalid file fails `npm run build` with the
 * checker's lines, and in `npm run dev` the lines show in the browser's error
 * overlay as soon as a file is saved, and clear when it is fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { quizFileText } from '../quiz/file-text.ts';
import { formatProblem } from '../quiz/validate/format.ts';
import { LINE_BREAK, type Problem } from '../quiz/validate/problem.ts';
import { checkQuizFile, meantAsQuiz } from '../quiz/quiz-file.ts';

export const QUIZ_DIR = 'quizzes';

export interface FolderReport {
	errors: string[];
	warnings: string[];
	/** The first error with a position, for the overlay's code frame. */
	first?: { file: string; text: string; problem: Problem };
}

/** Checks every quiz file in the folder; file names in the lines are relative to `root`. */
export function checkQuizFolder(root: string): FolderReport {
	const dir = path.join(root, QUIZ_DIR);
	const report: FolderReport = { errors: [], warnings: [] };
	let names: string[] = [];
	try {
		names = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile() && meantAsQuiz(f.name)).map((f) => f.name).sort();
	} catch {
		return report;
	}
	for (const name of names) {
		const file = path.join(QUIZ_DIR, name);
		const read = quizFileText(readFileSync(path.join(dir, name)));
		if (!read.ok) {
			report.errors.push(formatProblem(file, read.problem));
			continue;
		}
		const text = read.text;
		const result = checkQuizFile(file, text);
		if (result.ok) report.warnings.push(...result.warnings.map((p) => formatProblem(file, p)));
		else {
			report.errors.push(...result.problems.map((p) => formatProblem(file, p)));
			const located = result.problems.find((p) => p.line);
			if (!report.first && located) report.first = { file, text, problem: located };
		}
	}
	return report;
}

/** Three lines of the file around the problem, with a caret under its column. */
export function codeFrame(text: string, line: number, column: number): string {
	const lines = text.split(LINE_BREAK);
	const width = String(line + 1).length;
	// Tabs become two spaces, so the caret stands under the right character.
	const untab = (s: string) => s.replace(/\t/g, '  ');
	const out: string[] = [];
	for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) {
		const source = lines[n - 1]!;
		out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${untab(source)}`);
		if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(untab(source.slice(0, Math.max(0, column - 1))).length)}^`);
	}
	return out.join('\n');
}

function summary(report: FolderReport): string {
	const n = report.errors.length;
	return `Invalid quiz file: ${n} problem${n === 1 ? '' : 's'} (npm run quiz:check shows the same)\n${report.errors.join('\n')}`;
}

function watchQuizzes(server: ViteDevServer, root: string) {
	const dir = path.join(root, QUIZ_DIR);
	let failing = false;
	const check = (added = false) => {
		const report = checkQuizFolder(root);
		for (const w of report.warnings) server.config.logger.warn(w);
		if (report.errors.length) {
			failing = true;
			server.config.logger.error(summary(report));
			const first = report.first;
			server.ws.send({
				type: 'error',
				err: {
					message: summary(report),
					stack: '',
					plugin: 'who-says:quizzes',
					id: first ? path.join(root, first.file) : undefined,
					loc: first ? { file: path.join(root, first.file), line: first.problem.line!, column: first.problem.column! } : undefined,
					frame: first ? codeFrame(first.text, first.problem.line!, first.problem.column!) : undefined
				}
			});
		} else if (failing || added) {
			failing = false;
			// Clears the overlay and shows the corrected quiz. Vite reloads the
			// page for a changed file, but not for a new one or a removed one.
			server.ws.send({ type: 'full-reload' });
		}
	};
	server.watcher.add(dir);
	server.watcher.on('all', (event, file) => {
		if (path.dirname(path.resolve(file)) === dir && meantAsQuiz(file)) check(event === 'add' || event === 'unlink');
	});
	// Vite keeps an error sent before any browser connects and shows it to the first one.
	check();
}

export function quizCheck(): Plugin {
	let root = process.cwd();
	let serving = false;
	// SvelteKit builds the client and the server in turn; check and warn once.
	let report: FolderReport | undefined;
	return {
		name: 'who-says:quizzes',
		// Unit tests load this config too; they check quiz files themselves.
		apply: () => !process.env.VITEST,
		// The author page imports the checker lazily; without this, Vite finds
		// zod and jsonc-parser on the first visit and reloads the page, losing
		// what the author had pasted.
		config: () => ({ optimizeDeps: { include: ['zod', 'jsonc-parser'] } }),
		configResolved(config) {
			root = config.root;
			serving = config.command === 'serve';
		},
		buildStart() {
			// In development the overlay reports problems, so the server keeps running.
			if (serving) return;
			if (!report) {
				report = checkQuizFolder(root);
				for (const w of report.warnings) this.warn(w);
			}
			if (report.errors.length) this.error(summary(report));
		},
		configureServer(server) {
			watchQuizzes(server, root);
		}
	};
}

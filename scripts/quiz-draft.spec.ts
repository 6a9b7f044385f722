import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('node_modules/.bin/tsx', ['scripts/quiz-draft.ts', ...args], { encoding: 'utf8' });
const ARTICLE = 'Pool to stay shut\nThe pool will stay closed until June, the parks department said on Friday.\nThe repairs could cost $400,000, according to two people who have seen the report.\n';

// Each run starts tsx and loads the checker: seconds on a busy machine.
describe('npm run quiz:draft', { timeout: 30_000 }, () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'quiz-draft-'));
	const article = path.join(dir, 'article.txt');
	writeFileSync(article, ARTICLE);

	it.each(['--out', '-o', '--output'])('writes the draft to the file named by %s, pointing "$schema" at the schema from there', (flag) => {
		const out = path.join(dir, 'sub', '..', `draft${flag}.json`);
		const r = run(article, flag, out);
		expect(r.status).toBe(0);
		const quiz = JSON.parse(readFileSync(out, 'utf8')) as { $schema: string; questions: unknown[] };
		expect(quiz.questions.length).toBeGreaterThan(0);
		expect(path.resolve(path.dirname(out), quiz.$schema)).toBe(path.resolve('static/quiz.schema.json'));
	});

	it('with --labels four, suggests a named-source claim and lists the four categories', () => {
		const named = path.join(dir, 'named.txt');
		writeFileSync(named, 'Tom Becker, the league’s commissioner, said the ruling was fair.\n');
		const r = run(named, '--labels', 'four');
		expect(r.status).toBe(0);
		const quiz = JSON.parse(r.stdout) as { categories: { id: string }[]; questions: { answer: string }[] };
		expect(quiz.categories.map((c) => c.id)).toEqual(['fact', 'named-claim', 'anonymous', 'non-answer']);
		expect(quiz.questions.map((q) => q.answer)).toEqual(['named-claim']);
		expect(run(named, '--labels', 'five').stderr).toContain('--labels takes three or four');
	});

	it('reads an article wrapped at a width, with blank lines between paragraphs, as its paragraphs', () => {
		const wrapped = path.join(dir, 'wrapped.txt');
		writeFileSync(
			wrapped,
			'Pool to stay shut\n\nThe pool will stay closed until June, the parks\ndepartment said on Friday.\n\n' +
				'The repairs could cost $400,000, according to two people\nwho have seen the report.\n'
		);
		const r = run(wrapped);
		expect(r.status).toBe(0);
		expect((JSON.parse(r.stdout) as { article: { paragraphs: string[] } }).article.paragraphs).toEqual([
			'The pool will stay closed until June, the parks department said on Friday.',
			'The repairs could cost $400,000, according to two people who have seen the report.'
		]);
		expect(r.stderr).toContain('from 2 paragraphs');
	});

	it('refuses an article past the limits as the draft page does, naming the paragraph from 1', () => {
		const long = path.join(dir, 'long.txt');
		writeFileSync(long, `${'A sentence that goes on. '.repeat(240)}\n`);
		const r = run(long);
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe(`quiz:draft: ${long}: Paragraph 1 is 5,999 characters long, over the limit of 5,000 for one paragraph. Put a line break where it changes subject.`);
	});

	it('refuses an article not saved as UTF-8 as the draft page does, instead of drafting garbled letters', () => {
		const windows = path.join(dir, 'windows-1252.txt');
		// "The café in the city’s park will close, officials said." as Word saves plain text on Windows.
		writeFileSync(windows, Buffer.from('The caf\xe9 in the city\x92s park will close, officials said.\n', 'latin1'));
		const r = run(windows);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(`quiz:draft: ${windows} error The file is not saved as UTF-8, so some of its letters cannot be read`);
		const unicode = path.join(dir, 'unicode.txt');
		writeFileSync(unicode, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The pool will close, officials said.\n', 'utf16le')]));
		expect(run(unicode).stderr).toContain('The file is saved as UTF-16 text');
	});

	it('writes a draft that npm run quiz:check refuses, listing its "TODO:" texts, until they are written', () => {
		const out = path.join(dir, 'pool.json');
		expect(run(article, '--out', out).status).toBe(0);
		const check = spawnSync('node_modules/.bin/tsx', ['scripts/quiz-check.ts', out], { encoding: 'utf8' });
		expect(check.status).toBe(1);
		expect(check.stdout.split('\n')[0]).toBe(
			`${out}:8:14 error article.outlet: The quiz still holds 7 "TODO:" placeholders from the draft (found "TODO:" in article.outlet and in questions "c1" and "c2"; expected texts written for students) hint: students would read "TODO:" on screen; write each of these texts, checking the label it explains, then check again`
		);
	});

	it('writes JSON alone on standard output, pointed at the schema as from quizzes/', () => {
		const r = run(article);
		expect(r.status).toBe(0);
		expect((JSON.parse(r.stdout) as { $schema: string }).$schema).toBe('../static/quiz.schema.json');
	});
});

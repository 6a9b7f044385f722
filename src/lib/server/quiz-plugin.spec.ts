import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkQuizFolder, codeFrame } from './quiz-plugin.ts';

const FIXTURES = 'src/lib/quiz/fixtures';
let root: string;

function project(files: Record<string, string>) {
	root = mkdtempSync(path.join(tmpdir(), 'quizzes-'));
	mkdirSync(path.join(root, 'quizzes'));
	for (const [name, from] of Object.entries(files)) copyFileSync(from, path.join(root, 'quizzes', name));
	return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build check of quizzes/', () => {
	it('gives the checker lines for an invalid file, and none for a valid one', () => {
		const report = checkQuizFolder(
			project({ 'good-quiz.json': `${FIXTURES}/valid/base.json`, 'bad-quiz.json': `${FIXTURES}/invalid/bad-date.json` })
		);
		expect(report.errors).toEqual([
			'quizzes/bad-quiz.json:7:3 error article.date: The date must be a real day written YYYY-MM-DD, like "2017-06-06" (found the text "2024-02-30"; expected a date like "2017-06-06") hint: year, then a two-digit month and day, with hyphens; and a day the month has'
		]);
		expect(report.warnings).toEqual([]);
		expect(report.first?.file).toBe('quizzes/bad-quiz.json');
	});

	it('fails a file saved as UTF-16, with the words the checker uses', () => {
		const dir = project({});
		const text = '{"format": 1}';
		writeFileSync(path.join(dir, 'quizzes', 'notepad.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
		expect(checkQuizFolder(dir).errors).toEqual([
			'quizzes/notepad.json error The file is saved as UTF-16 text, which this site does not read (found UTF-16 (Notepad calls it “Unicode”); expected a text file saved as UTF-8) hint: save it again as UTF-8: in Notepad, “Save as”, then Encoding: UTF-8'
		]);
	});

	it('names a quiz file the site would pass over, rather than leaving it out without a word', () => {
		const dir = project({
			'pool-two.json.txt': `${FIXTURES}/valid/base.json`,
			'Pool-Three.JSON': `${FIXTURES}/valid/base.json`,
			'Pool Four.json': `${FIXTURES}/valid/base.json`
		});
		mkdirSync(path.join(dir, 'quizzes', 'articles'));
		writeFileSync(path.join(dir, 'quizzes', 'articles', 'notes.txt'), 'not a quiz');
		expect(checkQuizFolder(dir).errors).toEqual([
			'quizzes/Pool Four.json error The file name "Pool Four.json" cannot be a web address (expected lower-case letters, digits and single hyphens, then .json, like "city-council-vote.json") hint: rename it pool-four.json',
			'quizzes/Pool-Three.JSON error The file name "Pool-Three.JSON" does not end in .json, so the site does not read it as a quiz (expected lower-case letters, digits and single hyphens, then .json, like "city-council-vote.json") hint: rename it pool-three.json, ending in .json (lower case)',
			'quizzes/pool-two.json.txt error The file name "pool-two.json.txt" does not end in .json, so the site does not read it as a quiz (expected lower-case letters, digits and single hyphens, then .json, like "city-council-vote.json") hint: rename it pool-two.json: an editor added ".txt" when it saved'
		]);
	});

	it('passes warnings on without failing', () => {
		const report = checkQuizFolder(project({ 'short-quiz.json': `${FIXTURES}/valid/few-questions.json` }));
		expect(report.errors).toEqual([]);
		expect(report.warnings).toHaveLength(2);
	});

	it('shows the line of the first problem with a caret under its column', () => {
		expect(codeFrame('{\n\t"date": "2024-02-30",\n}', 2, 10)).toBe(
			['  1 | {', '> 2 |   "date": "2024-02-30",', '    |           ^', '  3 | }'].join('\n')
		);
	});

	it('shows the same lines for a file whose lines end in a lone CR, as old Mac editors save', () => {
		expect(codeFrame('{\r\t"date": "2024-02-30",\r}', 2, 10)).toBe(codeFrame('{\n\t"date": "2024-02-30",\n}', 2, 10));
	});
});

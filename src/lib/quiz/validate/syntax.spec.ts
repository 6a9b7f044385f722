import { describe, expect, it } from 'vitest';
import { validateQuizText } from '../validate.ts';
import { formatProblem } from './format.ts';

/** The one line an author reads for a file that is not valid JSON, its lines ended by `eol`. */
const said = (lines: string[], eol = '\n') => {
	const r = validateQuizText(lines.join(eol));
	return r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
};

/** Two questions, the first closing on line 8, as the author wrote them. */
const twoQuestions = (closeFirst: string[]) => [
	'{',
	'\t"questions": [',
	'\t\t{',
	'\t\t\t"id": "vote",',
	'\t\t\t"whyNot": {',
	'\t\t\t\t"anonymous": "Nobody hidden is speaking."',
	'\t\t\t}',
	...closeFirst,
	'\t\t\t"id": "stadium"',
	'\t\t}',
	'\t]',
	'}'
];

describe('a missing closing brace', () => {
	it('is told as a missing "}" of the question, not a comma, when a question’s "}" is left out before its comma', () => {
		expect(said(twoQuestions(['\t\t,', '\t\t{']))).toEqual([
			'quiz.json:9:3 error The file is not valid JSON: a closing "}" is missing (found {; expected "}" to close the object that begins on line 3) ' +
				'hint: every { needs a matching }: the object that begins on line 3, or one inside it, is not closed; add "}" before the comma on line 8'
		]);
	});

	it('is told as a missing "}" when a question’s "}," is left out before the next "{"', () => {
		expect(said(twoQuestions(['\t\t{']))).toEqual([
			'quiz.json:8:3 error The file is not valid JSON: a closing "}" is missing (found {; expected "}" to close the object that begins on line 3) ' +
				'hint: every { needs a matching }: the object that begins on line 3, or one inside it, is not closed; add "}" at the end of line 7, then a comma'
		]);
	});

	it('is told as a missing "}" when the last question’s "}" is left out before the "]"', () => {
		const file = twoQuestions(['\t\t},', '\t\t{']).filter((_, i) => i !== 10);
		expect(said(file)).toEqual([
			'quiz.json:11:2 error The file is not valid JSON: a closing "}" is missing (found ]; expected "}" to close the object that begins on line 9) ' +
				'hint: every { needs a matching }: the object that begins on line 9, or one inside it, is not closed; add "}" at the end of line 10'
		]);
	});

	it('names the object left open at the end of the file', () => {
		const file = twoQuestions(['\t\t},', '\t\t{']).slice(0, -1);
		expect(said(file)).toEqual([
			'quiz.json:12:3 error The file is not valid JSON: a closing "}" is missing (found the end of the file; expected "}" to close the object that begins on line 1) ' +
				'hint: every { needs a matching }: the object that begins on line 1, or one inside it, is not closed; add "}" at the end of line 12'
		]);
	});

	it('is told as a missing "]" when a list is left open before the "}" of its object', () => {
		const file = ['{', '\t"article": {', '\t\t"paragraphs": [', '\t\t\t"One.",', '\t\t\t"Two."', '\t}', '}'];
		expect(said(file)).toEqual([
			'quiz.json:6:2 error The file is not valid JSON: a closing "]" is missing (found }; expected "]" to close the list that begins on line 3) ' +
				'hint: every [ needs a matching ]: the list that begins on line 3, or one inside it, is not closed; add "]" at the end of line 5'
		]);
	});

	it('still tells a missing comma between two fields as a missing comma', () => {
		expect(said(['{', '\t"format": 1', '\t"title": "x"', '}'])).toEqual([
			'quiz.json:3:2 error The file is not valid JSON (found "title") hint: a comma is missing: add one at the end of line 2'
		]);
	});
});

describe('what an error says it found', () => {
	it('is the text as the file has it, a backslash as one backslash and quotes unescaped', () => {
		expect(said(['{', '\t"title": "Files in C:\\new and C:\\old"', '}'])).toEqual([
			'quiz.json:2:11 error The file is not valid JSON (found "Files in C:\\new and C:\\old") ' +
				'hint: a backslash starts an escape like \\" or \\n; write \\\\ for a backslash itself'
		]);
	});

	it('is the bare word as the file has it, after a text closed too early', () => {
		expect(said(['{', '\t"title": "The form said "n\\a" for the source"', '}'])).toEqual([
			'quiz.json:2:26 error The file is not valid JSON: a straight double quote ends a text too early (found a straight " right before "n\\a"; ' +
				'expected \\" for a quote mark inside a text) hint: a straight " closes the text it stands in; inside a text write \\" (a backslash, then the quote mark), or copy the curly quotes “ ” if the article uses them'
		]);
	});
});

describe('the lines of a file saved with any line ending', () => {
	const endings = [
		['LF', '\n'],
		['CRLF', '\r\n'],
		['a lone CR, as old Mac editors save', '\r']
	];

	it.each(endings)('place a syntax error on its line with %s', (_, eol) => {
		expect(said(['{', '\t"format": 1', '\t"title": "x"', '}'], eol)).toEqual([
			'quiz.json:3:2 error The file is not valid JSON (found "title") hint: a comma is missing: add one at the end of line 2'
		]);
	});

	it.each(endings)('tell a text broken over two lines to join them with %s', (_, eol) => {
		expect(said(['{', '\t"title": "Who says', 'the bridge can wait?",', '\t"format": 1', '}'], eol)).toEqual([
			'quiz.json:2:11 error The file is not valid JSON (found "Who says) ' +
				'hint: this text goes on to the next line, and a text cannot hold a line break: join the two lines into one (write \\n where a new line is meant)'
		]);
	});

	it.each(endings)('keep a comment over two lines on one line of output with %s', (_, eol) => {
		expect(said(['{', '/* first', 'second */', '\t"format": 1', '}'], eol)).toEqual([
			'quiz.json:2:1 error The file is not valid JSON (found /* first\\nsecond */) hint: JSON allows no comments; remove it (notes for students go in "note")'
		]);
	});
});

describe('a text broken over two lines, or holding a tab', () => {
	const article = (paragraph: string[]) => ['{', '\t"article": {', '\t\t"paragraphs": [', ...paragraph, '\t\t]', '\t}', '}'];

	it('is told, in an article paragraph, to join the lines with a space, not to write \\n', () => {
		expect(said(article(['\t\t\t"The mayor reportedly wants the money for a stadium,', 'according to two people familiar with the talks."']))).toEqual([
			'quiz.json:4:4 error The file is not valid JSON (found "The mayor reportedly wants the money for a stadium,) ' +
				'hint: this text goes on to the next line, and a text cannot hold a line break: join the two lines with a space (a new paragraph is a new text in the list)'
		]);
	});

	it('is told, in a quote copied from the article, to join the lines with a space', () => {
		expect(said(['{', '\t"questions": [', '\t\t{', '\t\t\t"quote": "The mayor reportedly', 'wants the money"', '\t\t}', '\t]', '}'])).toEqual([
			'quiz.json:4:13 error The file is not valid JSON (found "The mayor reportedly) ' +
				'hint: this text goes on to the next line, and a text cannot hold a line break: join the two lines with a space, as the article has them'
		]);
	});

	it('is pointed at its tab, and told to replace it with a space', () => {
		expect(said(article(['\t\t\t"The mayor reportedly wants\tthe money for a stadium."']))).toEqual([
			'quiz.json:4:31 error The file is not valid JSON (found a tab) hint: a text may not hold a tab: replace it with a space'
		]);
	});
});

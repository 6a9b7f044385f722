import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../test-support/sample-quiz.ts';
import { QuizSchema } from './schema.ts';
import { validateQuizData, validateQuizText, type Validation } from './validate.ts';
import { formatProblem } from './validate/format.ts';

const FIXTURES = 'src/lib/quiz/fixtures';
const read = (path: string) => readFileSync(path, 'utf8');
const fixtures = (folder: 'valid' | 'invalid') =>
	readdirSync(`${FIXTURES}/${folder}`)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const expected = `${FIXTURES}/${folder}/${file.replace(/\.json$/, '.expected')}`;
			let lines: string[] = [];
			try {
				lines = read(expected).split('\n').filter(Boolean);
			} catch {
				// A valid fixture without an .expected file must give no warnings at all.
			}
			return { file, text: read(`${FIXTURES}/${folder}/${file}`), lines };
		});

const lines = (file: string, r: Validation) => (r.ok ? r.warnings : r.problems).map((p) => formatProblem(file, p));

describe('malformed quiz files, each with the lines an author sees', () => {
	const invalid = fixtures('invalid');

	it('has a broad set of bad files', () => {
		expect(invalid.length).toBeGreaterThanOrEqual(25);
	});

	it.each(invalid)('$file', ({ file, text, lines: expected }) => {
		const r = validateQuizText(text);
		expect(r.ok).toBe(false);
		expect(expected.length, 'an .expected file beside the fixture').toBeGreaterThan(0);
		expect(lines(file, r)).toEqual(expected);
	});
});

describe('well-formed quiz files', () => {
	it.each(fixtures('valid'))('$file', ({ file, text, lines: expected }) => {
		const r = validateQuizText(text);
		expect(r.ok).toBe(true);
		expect(lines(file, r)).toEqual(expected);
	});
});

describe('problems an author can act on', () => {
	it('reports a wrong date and a quote that is not verbatim together', () => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		data.article.date = 'June 2017';
		data.questions[1].quote = 'The mayor reportedly wants the money for a Stadium';
		data.questions[3].decoys[0].text = 'meeting';
		const r = validateQuizData(data);
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'article.date: The date must be a real day written YYYY-MM-DD, like "2017-06-06"',
			'questions[1].quote: The quote is not in the article word for word',
			'questions[3].decoys[0].text: The decoy "meeting" is not inside the quote'
		]);
	});

	it('reports a list over its limit beside the other problems, not instead of them', () => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		const denial = data.questions.findIndex((q: { id: string }) => q.id === 'denial');
		data.questions[denial].options.push(
			...Array.from({ length: 6 }, (_, i) => ({ id: `more${i}`, text: `Another option ${i}`, whyNot: 'Not this one.' }))
		);
		data.questions[1].quote = 'The mayor reportedly wants the money for a Stadium';
		data.questions[2].id = data.questions[0].id;
		const r = validateQuizData(data);
		const found = r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
		expect(found).toContain(`questions[${denial}].options: Too many options (limit 6)`);
		expect(found).toContain('questions[1].quote: The quote is not in the article word for word');
		expect(found).toContain(`questions[2].id: The question id "${data.questions[0].id}" is used twice`);
	});

	it('words a missing format, a language name and a text for an object as an author would understand them', () => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		delete data.format;
		data.language = 'English';
		data.questions[3].decoys = ['talks'];
		const r = validateQuizData(data);
		const found = r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message} (expected ${p.expected}; ${p.hint})`);
		expect(found).toEqual([
			'format: The field "format" is missing (expected 1; add "format": 1)',
			'language: language must be a language tag like "en" or "en-GB" (expected a language tag like "en", "fr" or "en-GB"; two or three lower-case letters for the language, then a hyphen and the country if it matters)',
			'questions[3].decoys[0]: This must be an object { ... }, not the text "talks" (expected an object { ... }; each entry here is an object { ... } of named fields: see the example in docs/authoring.md)'
		]);
	});

	it('checks what parsed even when a question has the wrong shape', () => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		data.questions[0].cues = 'the minutes show';
		data.questions[0].whyNot = ['not', 'an', 'object'];
		data.questions[2].answer = 'nonanswer';
		const r = validateQuizData(data);
		const found = r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
		expect(found).toContain('questions[2].answer: The answer "nonanswer" is not one of the quiz\'s categories (did you mean "non-answer"?)');
		expect(found.filter((f) => f.startsWith('questions[0]'))).toHaveLength(2);
	});

	it('points at the very character where a quote first differs', () => {
		const quiz = structuredClone(sampleQuiz) as Record<string, any>;
		quiz.questions[2].quote = 'Asked about the stadium, a spokesperson said: "I won’t get into that today.”';
		const text = JSON.stringify(quiz, null, 2);
		const r = validateQuizText(text);
		const problem = r.ok ? undefined : r.problems[0];
		const line = text.split('\n')[problem!.line! - 1]!;
		// The column lands on the escaped straight quote: \"
		expect(line.slice(problem!.column! - 1, problem!.column! + 1)).toBe('\\"');
	});

	it('keeps each problem on one line, even when the text holds a line break', () => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		data.questions[0].quote = 'The council voted\nto delay';
		const r = validateQuizData(data);
		const out = r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
		expect(out.length).toBeGreaterThan(0);
		for (const l of out) expect(l).not.toContain('\n');
	});

	it('does not take a text that looks like a field for a duplicate field', () => {
		const data = structuredClone(sampleQuiz) as Record<string, any>;
		data.article.note = 'He wrote "title": "x" on the board, and "title": again.';
		const r = validateQuizText(JSON.stringify(data, null, 2));
		expect(r.ok ? r.warnings : r.problems).toEqual([]);
	});

	it('lists problems in the order they stand in the file', () => {
		const r = validateQuizText(read(`${FIXTURES}/invalid/missing-fields.json`));
		const at = r.ok ? [] : r.problems.map((p) => p.line!);
		expect(at).toEqual([...at].sort((a, b) => a - b));
	});
});

describe('keys that could reach Object.prototype', () => {
	const before = Object.getOwnPropertyNames(Object.prototype).sort();

	it.each(['proto-key.json', 'proto-key-in-whynot.json', 'constructor-key.json'])('%s is rejected without effect', (file) => {
		const text = read(`${FIXTURES}/invalid/${file}`);
		for (const r of [validateQuizText(text), validateQuizData(JSON.parse(text))]) {
			expect(r.ok).toBe(false);
			expect(JSON.stringify(r)).not.toContain('"polluted"');
		}
		expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf({})).toBe(Object.prototype);
	});

	it('never gives a parsed quiz another prototype', () => {
		const data = JSON.parse(read(`${FIXTURES}/invalid/proto-key-in-whynot.json`));
		// zod alone drops the key silently; the validator names it.
		const parsed = QuizSchema.parse(data);
		const whyNot = parsed.questions[0]!.type === 'classify' ? parsed.questions[0]!.whyNot : {};
		expect(Object.getPrototypeOf(whyNot)).toBe(Object.prototype);
		expect(Object.hasOwn(whyNot, '__proto__')).toBe(false);
		expect((whyNot as Record<string, unknown>).polluted).toBeUndefined();
	});
});

// A hundred random files each: two seconds alone, more beside the rest of the suite on two cores.
describe('the validator never throws', { timeout: 20_000 }, () => {
	const settled = (r: Validation) => (r.ok ? r.quiz !== undefined : r.problems.length > 0);

	it('on any JSON text', () => {
		fc.assert(fc.property(fc.json(), (text) => {
			expect(settled(validateQuizText(text))).toBe(true);
		}));
	});

	it('on any text at all', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
			expect(settled(validateQuizText(text))).toBe(true);
		}));
	});

	it('on any value', () => {
		fc.assert(fc.property(fc.anything({ withNullPrototype: true }), (value) => {
			expect(settled(validateQuizData(value))).toBe(true);
		}));
	});

	it('on a real quiz with any part replaced by any JSON value', () => {
		const paths: (string | number)[][] = [
			['format'], ['article'], ['article', 'paragraphs'], ['article', 'paragraphs', 0], ['categories'],
			['questions'], ['questions', 0], ['questions', 0, 'whyNot'], ['questions', 0, 'cues'], ['questions', 0, 'cues', 0],
			['questions', 2, 'quote'], ['questions', 3, 'decoys'], ['questions', 3, 'decoys', 0], ['questions', 4, 'options'],
			['questions', 4, 'options', 0], ['questions', 4, 'answer'], ['questions', 1, 'type']
		];
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
				const data = structuredClone(sampleQuiz) as Record<string | number, any>;
				let here = data;
				for (const key of path.slice(0, -1)) here = here[key];
				here[path.at(-1)!] = value;
				expect(settled(validateQuizData(data))).toBe(true);
				expect(settled(validateQuizText(JSON.stringify(data)))).toBe(true);
			})
		);
	});

	it('on brackets nested thousands deep', () => {
		const r = validateQuizText('['.repeat(50_000) + ']'.repeat(50_000));
		expect(r.ok).toBe(false);
	});
});

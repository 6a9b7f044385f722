/**
 * Turns a quiz file's text into a quiz, or into problems an author can fix:
 * where (JSON path, line and column), what was found, what was expected, and
 * a hint. Used by the build, the command-line checker and the preview page.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import {
	ArticleSchema,
	CategorySchema,
	ChoiceOptionSchema,
	ClassifyQuestionSchema,
	ChoiceQuestionSchema,
	CueQuestionSchema,
	DecoySchema,
	LIMITS,
	QuizSchema,
	type IssueDetail,
	type Quiz
} from './schema.ts';
import { didYouMean } from './suggest.ts';

export interface Problem {
	severity: 'error' | 'warning';
	/** Where in the quiz, e.g. `questions[3].answer`; empty for the whole file. */
	path: string;
	message: string;
	found?: string;
	expected?: string;
	hint?: string;
	/** 1-based position in the file's text, when the text is known. */
	line?: number;
	column?: number;
}

export type Validation =
	| { ok: true; quiz: Quiz; warnings: Problem[] }
	| { ok: false; problems: Problem[] };

type Key = string | number;

/** A problem with the raw path it was found at, until it is placed in the text. */
interface Found extends Problem {
	keys: Key[];
	/** Index of the character, inside the text value at `keys`, the problem is about. */
	at?: number;
	/** For an unknown field: the known field it most likely meant. */
	meant?: string;
}

/** `questions[3].whyNot["non-answer"]` */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
		else out += `[${JSON.stringify(String(key))}]`;
	}
	return out;
}

/** A value as the author wrote it, cut short; never throws (cycles, BigInt, symbols). */
function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = Object.prototype.toString.call(value);
	}
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function kind(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list [ ... ]';
	if (typeof value === 'object') return 'an object { ... }';
	if (typeof value === 'string') return `the text ${show(value)}`;
	if (typeof value === 'number') return `the number ${show(value)}`;
	if (typeof value === 'boolean') return `${value} (without quotes)`;
	return typeof value;
}

const EXPECTED_TYPE: Record<string, string> = {
	string: 'text in double quotes',
	boolean: 'true or false, without quotes',
	number: 'a number, without quotes',
	object: 'an object { ... }',
	array: 'a list [ ... ]',
	record: 'an object { ... }'
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let here: unknown = data;
	for (const key of path) {
		if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return undefined;
		here = (here as Record<PropertyKey, unknown>)[key];
	}
	return here;
}

/** How to turn the value found into the type expected, for the usual slips. */
function typeHint(expected: string, found: unknown): string | undefined {
	if (expected === 'boolean' && (found === 'true' || found === 'false')) return `remove the quotes: write ${found}`;
	if (expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) return 'put the value in double quotes';
	if (expected === 'array' && typeof found === 'string') return `put it in a list: [${JSON.stringify(found)}]`;
	if (expected === 'string' && Array.isArray(found)) return 'give one text, not a list';
	return undefined;
}

const FORMATS: Record<string, { expected: string; hint?: string }> = {
	date: { expected: 'a date like "2017-06-06"', hint: 'year, then a two-digit month and day, with hyphens; and a day the month has' },
	url: { expected: 'a web address like "https://example.org/story"', hint: 'copy the address from the browser’s address bar' },
	regex: { expected: 'an id like "q12" or "non-answer"', hint: 'no capital letters, spaces or underscores' }
};

const QUESTION_KEYS: Record<string, string[]> = {
	classify: Object.keys(ClassifyQuestionSchema.shape),
	cue: Object.keys(CueQuestionSchema.shape),
	choice: Object.keys(ChoiceQuestionSchema.shape)
};
const QUIZ_KEYS = ['$schema', 'format', 'title', 'summary', 'language', 'article', 'categories', 'questions'];

/** The keys allowed on the object at `path`, for "did you mean" hints. */
function knownKeys(data: unknown, path: readonly PropertyKey[]): string[] {
	const p = path.map((k) => (typeof k === 'number' ? '#' : String(k))).join('/');
	if (p === '') return QUIZ_KEYS;
	if (p === 'article') return Object.keys(ArticleSchema.shape);
	if (p === 'categories/#') return Object.keys(CategorySchema.shape);
	if (p === 'questions/#') {
		const type = valueAt(data, [...path, 'type']);
		return QUESTION_KEYS[String(type)] ?? [...new Set(Object.values(QUESTION_KEYS).flat())];
	}
	if (p === 'questions/#/options/#') return Object.keys(ChoiceOptionSchema.shape);
	if (p === 'questions/#/decoys/#') return Object.keys(DecoySchema.shape);
	return [];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fromIssue(issue: z.core.$ZodIssue, data: unknown): Found[] {
	const keys = issue.path as Key[];
	const found = valueAt(data, keys);
	const base = { severity: 'error' as const, path: formatPath(keys), keys };
	switch (issue.code) {
		case 'unrecognized_keys': {
			const allowed = knownKeys(data, keys);
			// Forbidden names are reported once, by forbiddenKeys, wherever they stand.
			return issue.keys
				.filter((key) => !FORBIDDEN_KEYS.has(key))
				.map((key) => {
					const suggestion = didYouMean(key, allowed);
					return {
						...base,
						keys: [...keys, key],
						path: formatPath([...keys, key]),
						message: `Unknown field "${key}"`,
						found: show(key),
						meant: suggestion ?? undefined,
						expected: allowed.length ? `one of ${allowed.join(', ')}` : undefined,
						hint: suggestion ? `did you mean "${suggestion}"?` : 'remove it, or check its spelling'
					};
				});
		}
		case 'invalid_type': {
			if (found === undefined && keys.length > 0)
				return [
					{
						...base,
						message: `The field "${String(keys.at(-1))}" is missing`,
						found: 'nothing',
						expected: EXPECTED_TYPE[issue.expected] ?? issue.expected,
						hint: `add "${String(keys.at(-1))}" here`
					}
				];
			return [
				{
					...base,
					message: keys.length ? issue.message : 'The file must hold one quiz: an object { ... }',
					found: kind(found),
					expected: EXPECTED_TYPE[issue.expected] ?? issue.expected,
					hint: keys.length ? typeHint(issue.expected, found) : 'a quiz file starts with { and ends with }; see the example in docs/authoring.md'
				}
			];
		}
		case 'invalid_union': {
			const type = valueAt(data, keys);
			const options = ['classify', 'cue', 'choice'];
			const suggestion = typeof type === 'string' ? didYouMean(type, options) : null;
			return [
				{
					...base,
					message: type === undefined ? 'The question has no "type"' : issue.message,
					found: show(type),
					expected: '"classify", "cue" or "choice"',
					hint: suggestion ? `did you mean "${suggestion}"?` : 'the type says which kind of question this is; see docs/authoring.md'
				}
			];
		}
		case 'invalid_key': {
			const key = String(keys.at(-1));
			if (FORBIDDEN_KEYS.has(key)) return [];
			return [{ ...base, message: issue.issues[0]?.message ?? issue.message, found: show(key), hint: 'rename this key' }];
		}
		case 'too_big':
		case 'too_small': {
			const size = Array.isArray(found)
				? `${found.length} item${found.length === 1 ? '' : 's'}`
				: typeof found === 'string'
					? `${found.trim().length} characters`
					: show(found);
			const list = issue.origin === 'array';
			const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
			const over = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
			const hint =
				issue.code === 'too_big'
					? list
						? `remove ${over(Array.isArray(found) ? found.length - limit : 0, 'item', 'items')}` +
							(keys.length === 1 && keys[0] === 'questions' ? ', or split the quiz in two' : '')
						: `shorten it by ${over(typeof found === 'string' ? found.trim().length - limit : 0, 'character', 'characters')}`
					: list
						? `add ${limit === 1 ? 'one' : `at least ${limit}`}`
						: 'write something here, or remove the field if it is optional';
			return [{ ...base, message: issue.message, found: size, hint }];
		}
		case 'invalid_format':
			return [{ ...base, message: issue.message, found: kind(found), ...FORMATS[issue.format] }];
		case 'invalid_value':
			return [
				{
					...base,
					message: issue.message,
					found: kind(found),
					expected: issue.values.map((v) => JSON.stringify(v)).join(' or '),
					hint: typeof found === 'string' && issue.values.includes(Number(found)) ? 'remove the quotes around the number' : undefined
				}
			];
		case 'custom': {
			const { at, ...detail } = (issue.params ?? {}) as IssueDetail;
			return [
				{ ...base, message: issue.message, ...detail, found: detail.found === undefined ? undefined : show(detail.found), at }
			];
		}
		default:
			return [{ ...base, message: issue.message, found: kind(found) }];
	}
}

/**
 * Field names that would reach Object.prototype if some later code copied the
 * quiz carelessly. JSON.parse keeps them as plain fields, and zod drops a
 * `__proto__` key of a record without a word, so they are looked for here.
 */
function forbiddenKeys(data: unknown): Found[] {
	const out: Found[] = [];
	const walk = (value: unknown, keys: Key[]) => {
		// Deeper than any quiz field: the schema reports what is there.
		if (keys.length > 8 || value === null || typeof value !== 'object') return;
		if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...keys, i]));
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key))
				out.push({
					severity: 'error',
					keys: [...keys, key],
					path: formatPath([...keys, key]),
					message: `The field name "${key}" is not allowed`,
					found: show(key),
					hint: 'remove this field; no quiz field has this name'
				});
			else walk((value as Record<string, unknown>)[key], [...keys, key]);
		}
	};
	walk(data, []);
	return out;
}

function warningsFor(quiz: Quiz): Found[] {
	const warnings: Found[] = [];
	const used = new Set<string>();
	for (const q of quiz.questions) if (q.type === 'classify') used.add(q.answer);
	quiz.categories.forEach((c, i) => {
		if (!used.has(c.id))
			warnings.push({
				severity: 'warning',
				keys: ['categories', i],
				path: formatPath(['categories', i]),
				message: `No question has the answer "${c.id}"`,
				hint: 'students never see this category as the right answer; add a question for it or remove it'
			});
	});
	if (quiz.questions.length < 5)
		warnings.push({
			severity: 'warning',
			keys: ['questions'],
			path: 'questions',
			message: `The quiz has only ${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'}`,
			expected: 'at least 5 questions',
			hint: 'a short quiz gives students little practice; aim for one question per claim'
		});
	return warnings;
}

type Checked = { ok: true; quiz: Quiz; warnings: Found[] } | { ok: false; problems: Found[] };

function check(data: unknown): Checked {
	const forbidden = forbiddenKeys(data);
	const result = QuizSchema.safeParse(data);
	if (!result.success) {
		// zod measures any value with a length, so a text given for a list is
		// also "too long"; the wrong type is the one problem worth reporting.
		const wrongType = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => JSON.stringify(i.path)));
		const problems = result.error.issues
			.filter((i) => !((i.code === 'too_big' || i.code === 'too_small') && wrongType.has(JSON.stringify(i.path))))
			.flatMap((i) => fromIssue(i, data));
		// Never "invalid" with nothing to show for it.
		if (!problems.length && !forbidden.length)
			problems.push({ severity: 'error', keys: [], path: '', message: result.error.issues[0]?.message ?? 'The quiz is not valid' });
		// "headlne" is unknown and "headline" missing: one mistake, told once.
		const meant = new Set(problems.filter((p) => p.meant).map((p) => JSON.stringify([...p.keys.slice(0, -1), p.meant])));
		return { ok: false, problems: [...forbidden, ...problems.filter((p) => !(p.message.endsWith('is missing') && meant.has(JSON.stringify(p.keys))))] };
	}
	if (forbidden.length) return { ok: false, problems: forbidden };
	return { ok: true, quiz: result.data, warnings: warningsFor(result.data) };
}

function strip(problems: Found[]): Problem[] {
	return problems.map(({ keys: _keys, at: _at, meant: _meant, ...p }) => p);
}

/** Validates parsed JSON. Never throws: any input gives a quiz or problems. */
export function validateQuizData(data: unknown): Validation {
	const result = check(data);
	return result.ok ? { ...result, warnings: strip(result.warnings) } : { ok: false, problems: strip(result.problems) };
}

// ---------------------------------------------------------------------------
// From text: syntax, positions, duplicate keys.

const SYNTAX_HINTS: Record<string, string> = {
	CommaExpected: 'a comma is missing between two entries: add one at the end of the entry before this one',
	PropertyNameExpected: 'a field name in double quotes is expected here',
	ValueExpected: 'a value is expected here: a text in double quotes, a number, true, false, a list [ ] or an object { }',
	ColonExpected: 'a colon ":" goes between a field name and its value',
	CloseBraceExpected: 'a closing "}" is missing; every { needs a matching }',
	CloseBracketExpected: 'a closing "]" is missing; every [ needs a matching ]',
	EndOfFileExpected: 'there is more text after the end of the quiz; is there one "}" too many?',
	InvalidSymbol: 'texts and field names must be in double quotes "like this"; true, false and null are written without quotes',
	InvalidCommentToken: 'JSON allows no comments; remove it (notes for students go in "note")',
	UnexpectedEndOfString: 'this text is not closed: add the closing double quote " before the end of the line',
	UnexpectedEndOfComment: 'JSON allows no comments; remove it',
	UnexpectedEndOfNumber: 'a number is cut short',
	InvalidNumberFormat: 'numbers are written like 1 or 2.5, without a leading zero or quotes',
	InvalidUnicode: 'a \\u escape needs four hex digits, like \\u00e9',
	InvalidEscapeCharacter: 'a backslash starts an escape like \\" or \\n; write \\\\ for a backslash itself',
	InvalidCharacter: 'a text may not hold a raw line break or tab: write \\n for a new line, or join the lines'
};

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function syntaxProblem(source: string, error: ParseError): Problem {
	const code = printParseErrorCode(error.error);
	const starts = lineStarts(source);
	const token = source.slice(error.offset, error.offset + Math.max(1, error.length));
	let before = error.offset - 1;
	while (before >= 0 && /\s/.test(source[before]!)) before--;
	// A comma before a closing bracket shows up as "value expected" at the bracket.
	if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && source[before] === ',' && /^[}\]]/.test(token))
		return {
			severity: 'error',
			path: '',
			message: 'The file is not valid JSON: a comma stands before a closing bracket',
			found: `, ${token}`,
			hint: 'remove the comma after the last entry; JSON allows no comma before } or ]',
			...position(starts, before)
		};
	let hint = SYNTAX_HINTS[code] ?? code;
	if (code === 'InvalidSymbol' && token.startsWith("'")) hint = 'JSON uses double quotes "like this", never single quotes';
	if (code === 'CommaExpected' && before >= 0) hint = `a comma is missing: add one at the end of line ${position(starts, before).line}`;
	return {
		severity: 'error',
		path: '',
		message: 'The file is not valid JSON',
		found: error.length ? show(token) : 'the end of the file',
		hint,
		...position(starts, error.offset)
	};
}

/** The offset in the file of the `index`-th character of the string literal at `node`. */
function offsetInString(source: string, node: Node, index: number): number {
	let i = node.offset + 1;
	const end = node.offset + node.length - 1;
	for (let n = 0; n < index && i < end; n++) i += source[i] === '\\' ? (source[i + 1] === 'u' ? 6 : 2) : 1;
	return i;
}

function nodeFor(tree: Node, keys: readonly Key[]): { node: Node; exact: boolean } | undefined {
	// Walk up until a node exists: a missing field is reported at its parent.
	for (let n = keys.length; n >= 0; n--) {
		const node = findNodeAtLocation(tree, keys.slice(0, n) as Key[]);
		if (node) return { node, exact: n === keys.length };
	}
	return undefined;
}

function place(source: string, tree: Node, starts: readonly number[], problem: Found): Found {
	const hit = nodeFor(tree, problem.keys);
	if (!hit) return problem;
	const { node, exact } = hit;
	let offset = node.offset;
	if (exact && problem.at !== undefined && node.type === 'string') offset = offsetInString(source, node, problem.at);
	// A problem about a field as a whole, or a field missing from it, points at
	// the field's name, where authors look.
	else if (node.parent?.type === 'property' && problem.at === undefined) offset = node.parent.offset;
	return { ...problem, ...position(starts, offset) };
}

function duplicateKeys(tree: Node, starts: readonly number[]): Found[] {
	const out: Found[] = [];
	const walk = (node: Node, keys: Key[]) => {
		if (node.type === 'array') node.children?.forEach((child, i) => walk(child, [...keys, i]));
		if (node.type !== 'object') return;
		const seen = new Map<string, Node>();
		for (const property of node.children ?? []) {
			const [name, value] = property.children ?? [];
			if (!name || typeof name.value !== 'string') continue;
			const first = seen.get(name.value);
			if (first)
				out.push({
					severity: 'error',
					keys: [...keys, name.value],
					path: formatPath([...keys, name.value]),
					message: `The field "${name.value}" appears twice in the same object`,
					found: show(name.value),
					expected: 'each field once',
					hint: `the first is on line ${position(starts, first.offset).line}; only this last one would count, so remove or rename one`,
					...position(starts, property.offset)
				});
			else seen.set(name.value, property);
			if (value) walk(value, [...keys, name.value]);
		}
	};
	walk(tree, []);
	return out;
}

function byPosition(a: Problem, b: Problem): number {
	return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Validates a quiz file's text, placing each problem at a line and column. */
export function validateQuizText(text: string): Validation {
	// Editors on Windows may start a file with a byte-order mark; JSON.parse refuses it.
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const fail = (problem: Problem): Validation => ({ ok: false, problems: [problem] });
	if (source.length > LIMITS.fileChars)
		return fail({
			severity: 'error',
			path: '',
			message: `The file is too big (limit ${LIMITS.fileChars.toLocaleString('en')} characters)`,
			found: `${source.length.toLocaleString('en')} characters`,
			hint: 'split the article into several quizzes'
		});
	if (source.trim() === '')
		return fail({
			severity: 'error',
			path: '',
			message: 'The file is empty',
			expected: 'a quiz: an object { ... }',
			hint: 'start from the example in docs/authoring.md',
			line: 1,
			column: 1
		});

	// JSON.parse is fast and exact; the slower tree with positions is built
	// only when there is something to place or a syntax error to explain.
	let data: unknown;
	try {
		data = JSON.parse(source);
	} catch {
		const errors: ParseError[] = [];
		try {
			parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
		} catch {
			return fail(TOO_DEEP);
		}
		// The first syntax error is reliable; the ones after it are often echoes of it.
		return fail(errors[0] ? syntaxProblem(source, errors[0]) : { severity: 'error', path: '', message: 'The file is not valid JSON' });
	}

	// JSON.parse keeps the last of two fields with one name; fewer fields parsed than written means a duplicate.
	const mayHaveDuplicates = countFieldNames(source) !== countKeys(data);
	const result = check(data);
	const found = result.ok ? result.warnings : result.problems;
	if (!mayHaveDuplicates && found.length === 0) return result.ok ? { ...result, warnings: [] } : { ok: false, problems: [] };

	let tree: Node | undefined;
	try {
		tree = parseTree(source, [], { disallowComments: true, allowTrailingComma: false });
	} catch {
		// parseTree recurses: thousands of nested brackets exhaust the stack.
		return fail(TOO_DEEP);
	}
	if (!tree) return fail({ severity: 'error', path: '', message: 'The file is not valid JSON' });
	const starts = lineStarts(source);
	const duplicates = mayHaveDuplicates ? duplicateKeys(tree, starts) : [];
	const located = (list: Found[]) =>
		strip(list.map((p) => (p.line ? p : place(source, tree, starts, p)))).sort(byPosition);
	if (!result.ok || duplicates.length)
		return { ok: false, problems: located([...duplicates, ...(result.ok ? [] : result.problems)]) };
	return { ok: true, quiz: result.quiz, warnings: located(result.warnings) };
}

const TOO_DEEP: Problem = {
	severity: 'error',
	path: '',
	message: 'The file is nested too deeply to be a quiz',
	hint: 'check the brackets: a quiz nests at most a few levels'
};

/** How many field names valid JSON text holds: strings followed by a colon. */
function countFieldNames(text: string): number {
	let n = 0;
	for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
		let end = i + 1;
		for (;;) {
			const c = text.charCodeAt(end);
			if (c === 92) end += 2;
			else if (c === 34 || Number.isNaN(c)) break;
			else end++;
		}
		let next = end + 1;
		while (next < text.length && /\s/.test(text[next]!)) next++;
		if (text[next] === ':') n++;
		i = end;
	}
	return n;
}

/** How many fields all objects in a parsed value hold; iterative, for any depth. */
function countKeys(value: unknown): number {
	let n = 0;
	const stack: unknown[] = [value];
	while (stack.length) {
		const here = stack.pop();
		if (here === null || typeof here !== 'object') continue;
		const children = Array.isArray(here) ? here : Object.values(here);
		if (!Array.isArray(here)) n += children.length;
		for (const child of children) stack.push(child);
	}
	return n;
}

/** One line per problem: `file:line:col  error  path  message (found …; expected …) hint: …` */
export function formatProblem(file: string, p: Problem): string {
	// A text from the quiz may hold a line break; the line must stay one line.
	const flat = (s: string | undefined) => s?.replace(/\r?\n/g, '\\n');
	p = { ...p, message: flat(p.message)!, found: flat(p.found), expected: flat(p.expected), hint: flat(p.hint) };
	const where = p.line ? `${file}:${p.line}:${p.column}` : file;
	const details = [p.found && `found ${p.found}`, p.expected && `expected ${p.expected}`].filter(Boolean).join('; ');
	return [where, p.severity, p.path ? `${p.path}:` : '', p.message, details ? `(${details})` : '', p.hint ? `hint: ${p.hint}` : '']
		.filter(Boolean)
		.join(' ');
}

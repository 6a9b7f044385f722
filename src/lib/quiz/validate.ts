/**
 * Turns a quiz file's text into a quiz, or into problems an author can fix:
 * where (JSON path, line and column), what was found, what was expected, and
 * a hint. Used by the build, the command-line checker and the preview page.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import {
	ArticleSchema,
	CategorySchema,
	ChoiceOptionSchema,
	ClassifyQuestionSchema,
	ChoiceQuestionSchema,
	CueQuestionSchema,
	QuizSchema,
	type IssueDetail,
	type Quiz
} from './schema.ts';

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

function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function kind(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `the text ${show(value)}`;
	return `${typeof value} ${show(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let here: unknown = data;
	for (const key of path) {
		if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return undefined;
		here = (here as Record<PropertyKey, unknown>)[key];
	}
	return here;
}

const QUESTION_KEYS: Record<string, string[]> = {
	classify: Object.keys(ClassifyQuestionSchema.shape),
	cue: Object.keys(CueQuestionSchema.shape),
	choice: Object.keys(ChoiceQuestionSchema.shape)
};

/** The keys allowed on the object at `path`, for "did you mean" hints. */
function knownKeys(data: unknown, path: readonly PropertyKey[]): string[] {
	const p = path.map((k) => (typeof k === 'number' ? '#' : String(k))).join('/');
	if (p === '') return ['$schema', 'format', 'title', 'summary', 'language', 'article', 'categories', 'questions'];
	if (p === 'article') return Object.keys(ArticleSchema.shape);
	if (p === 'categories/#') return Object.keys(CategorySchema.shape);
	if (p === 'questions/#') {
		const type = valueAt(data, [...path, 'type']);
		return QUESTION_KEYS[String(type)] ?? [...new Set(Object.values(QUESTION_KEYS).flat())];
	}
	if (p === 'questions/#/options/#') return Object.keys(ChoiceOptionSchema.shape);
	if (p === 'questions/#/decoys/#') return ['text', 'whyNot'];
	return [];
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const keep = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = keep;
		}
	}
	return row[b.length]!;
}

/** The known key an unknown one most likely meant, if any is close. */
export function didYouMean(unknown: string, known: readonly string[]): string | null {
	const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
	let best: string | null = null;
	let bestScore = Infinity;
	for (const k of known) {
		const d = squash(k) === squash(unknown) ? 0 : distance(unknown.toLowerCase(), k.toLowerCase());
		if (d < bestScore) [best, bestScore] = [k, d];
	}
	return best !== null && bestScore <= Math.max(2, Math.floor(unknown.length / 3)) ? best : null;
}

function fromIssue(issue: z.core.$ZodIssue, data: unknown): Problem[] {
	const path = issue.path as Key[];
	const found = valueAt(data, path);
	const base = { severity: 'error' as const, path: formatPath(path) };
	switch (issue.code) {
		case 'unrecognized_keys':
			return issue.keys.map((key) => {
				const suggestion = didYouMean(key, knownKeys(data, path));
				const allowed = knownKeys(data, path);
				return {
					...base,
					path: formatPath([...path, key]),
					message: `Unknown field "${key}"`,
					found: key,
					expected: allowed.length ? `one of ${allowed.join(', ')}` : undefined,
					hint: suggestion ? `did you mean "${suggestion}"?` : 'remove it, or check its spelling'
				};
			});
		case 'invalid_type':
			return [
				{
					...base,
					message: found === undefined ? `${base.path || 'The file'} is missing` : issue.message,
					found: found === undefined ? 'nothing' : kind(found),
					expected: issue.expected === 'object' ? 'an object { ... }' : issue.expected === 'array' ? 'a list [ ... ]' : issue.expected,
					hint: found === undefined ? `add "${String(path.at(-1))}"` : undefined
				}
			];
		case 'invalid_union':
			return [
				{
					...base,
					path: formatPath([...path, 'type']),
					message: issue.message,
					found: show(valueAt(data, [...path, 'type'])),
					expected: '"classify", "cue" or "choice"'
				}
			];
		case 'too_big':
		case 'too_small': {
			const size = Array.isArray(found) ? `${found.length} items` : typeof found === 'string' ? `${found.trim().length} characters` : show(found);
			return [{ ...base, message: issue.message, found: size }];
		}
		case 'custom': {
			const detail = (issue.params ?? {}) as IssueDetail;
			return [{ ...base, message: issue.message, ...detail, found: detail.found === undefined ? undefined : show(detail.found) }];
		}
		default:
			return [{ ...base, message: issue.message, found: show(found) }];
	}
}

function warningsFor(quiz: Quiz): Problem[] {
	const warnings: Problem[] = [];
	const used = new Set<string>();
	for (const q of quiz.questions) if (q.type === 'classify') used.add(q.answer);
	quiz.categories.forEach((c, i) => {
		if (!used.has(c.id))
			warnings.push({
				severity: 'warning',
				path: formatPath(['categories', i]),
				message: `No question has the answer "${c.id}"`,
				hint: 'students never see this category as the right answer; add a question for it or remove it'
			});
	});
	if (quiz.questions.length < 5)
		warnings.push({
			severity: 'warning',
			path: 'questions',
			message: `The quiz has only ${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'}`,
			expected: 'at least 5 questions',
			hint: 'a short quiz gives students little practice; aim for one question per claim'
		});
	return warnings;
}

/** Validates parsed JSON. Never throws: any input gives a quiz or problems. */
export function validateQuizData(data: unknown): Validation {
	const result = QuizSchema.safeParse(data);
	if (!result.success) return { ok: false, problems: result.error.issues.flatMap((i) => fromIssue(i, data)) };
	return { ok: true, quiz: result.data, warnings: warningsFor(result.data) };
}

const SYNTAX_HINTS: Record<string, string> = {
	CommaExpected: 'a comma is missing between two entries',
	PropertyNameExpected: 'a field name in double quotes is expected here; is there a comma after the last entry?',
	ValueExpected: 'a value is expected here; is there a comma after the last entry, or a value missing?',
	ColonExpected: 'a colon ":" goes between a field name and its value',
	CloseBraceExpected: 'a closing "}" is missing',
	CloseBracketExpected: 'a closing "]" is missing',
	EndOfFileExpected: 'there is more text after the end of the quiz',
	InvalidSymbol: 'text must be in double quotes; JSON has no single quotes or bare words',
	InvalidCommentToken: 'JSON allows no comments',
	UnexpectedEndOfString: 'a text is not closed with a double quote',
	InvalidEscapeCharacter: 'a backslash starts an escape like \\" or \\n; write \\\\ for a backslash',
	InvalidCharacter: 'a text may not hold a raw line break or tab; write \\n instead'
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

/** Validates a quiz file's text, placing each problem at a line and column. */
export function validateQuizText(text: string): Validation {
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let data: unknown;
	try {
		data = JSON.parse(source);
	} catch {
		const errors: ParseError[] = [];
		parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
		const first = errors[0];
		const code = first ? printParseErrorCode(first.error) : 'InvalidSymbol';
		return {
			ok: false,
			problems: [
				{
					severity: 'error',
					path: '',
					message: source.trim() === '' ? 'The file is empty' : 'The file is not valid JSON',
					found: first ? show(source.slice(first.offset, first.offset + Math.max(1, first.length))) : undefined,
					hint: SYNTAX_HINTS[code] ?? code,
					...lineAndColumn(source, first?.offset ?? 0)
				}
			]
		};
	}
	const result = validateQuizData(data);
	const problems = result.ok ? result.warnings : result.problems;
	const tree = problems.length ? parseTree(source) : undefined;
	for (const problem of problems) {
		const node = tree && findNode(tree, problem.path);
		if (node) Object.assign(problem, lineAndColumn(source, node.offset));
	}
	return result;
}

function findNode(tree: NonNullable<ReturnType<typeof parseTree>>, path: string) {
	const keys: Key[] = [];
	for (const m of path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([A-Za-z_$][\w$]*)/g)) {
		if (m[1] !== undefined) keys.push(Number(m[1]));
		else if (m[2] !== undefined) keys.push(JSON.parse(`"${m[2]}"`) as string);
		else if (m[3] !== undefined) keys.push(m[3]);
	}
	// Walk up until a node exists: a missing field is reported at its parent.
	for (let n = keys.length; n >= 0; n--) {
		const node = findNodeAtLocation(tree, keys.slice(0, n));
		if (node) return node.parent?.type === 'property' && n === keys.length ? node.parent : node;
	}
	return undefined;
}

/** One line per problem: `file:line:col  error  path  message (found …; expected …) hint: …` */
export function formatProblem(file: string, p: Problem): string {
	const where = p.line ? `${file}:${p.line}:${p.column}` : file;
	const details = [p.found && `found ${p.found}`, p.expected && `expected ${p.expected}`].filter(Boolean).join('; ');
	return [
		where,
		p.severity,
		p.path ? `${p.path}:` : '',
		p.message,
		details ? `(${details})` : '',
		p.hint ? `hint: ${p.hint}` : ''
	]
		.filter(Boolean)
		.join(' ');
}

/**
 * Turns a quiz file's text into a quiz, or into problems an author can fix:
 * where (JSON path, line and column), what was found, what was expected, and
 * a hint. Used by the build, the command-line checker and the preview page.
 * The ideas live in validate/: zod's issues worded for authors, positions in
 * the text, syntax errors, warnings, and the one-line format.
 */
import type { z } from 'zod';
import { LIMITS } from './limits.ts';
import { QuizSchema, type Quiz } from './schema.ts';
import { warningsFor } from './validate/lint.ts';
import { unwritten } from './validate/placeholders.ts';
import { byPosition, problemAt, show, strip, type Found, type Key, type Problem } from './validate/problem.ts';
import { mapSource, type SourceMap } from './validate/source-map.ts';
import { syntaxProblem } from './validate/syntax.ts';
import { FORBIDDEN_KEYS, fromIssue } from './validate/zod-issues.ts';

export type Validation =
	| { ok: true; quiz: Quiz; warnings: Problem[] }
	| { ok: false; problems: Problem[] };

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
				out.push(
					problemAt('error', [...keys, key], `The field name "${key}" is not allowed`, {
						found: show(key),
						hint: 'remove this field; no quiz field has this name'
					})
				);
			else walk((value as Record<string, unknown>)[key], [...keys, key]);
		}
	};
	walk(data, []);
	return out;
}

type Checked = { ok: true; quiz: Quiz; warnings: Found[] } | { ok: false; problems: Found[] };

type Issue = z.core.$ZodIssue;

/**
 * The schema's verdict with every problem in it. zod stops at a list over its
 * limit before reading its items, and then skips the cross-checks: seven
 * options would hide a quote missing from the article until the list was
 * cut. So each such list is cut to its limit and the quiz checked again; the
 * "too many" problems are kept beside what the second look finds.
 */
function parse(data: unknown): { success: true; data: Quiz } | { success: false; issues: Issue[] } {
	let result = QuizSchema.safeParse(data);
	const tooMany: Issue[] = [];
	let cut = data;
	// Each round reads one level deeper (a list inside a list over its limit); a quiz nests lists three deep.
	for (let round = 0; round < 4 && !result.success; round++) {
		const lists = result.error.issues.filter((i) => i.code === 'too_big' && i.origin === 'array' && i.path.length > 0);
		if (!lists.length) break;
		tooMany.push(...lists);
		cut = structuredClone(cut);
		for (const i of lists) {
			const parent = i.path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)[k], cut) as Record<PropertyKey, unknown[]>;
			const key = i.path.at(-1)!;
			parent[key] = parent[key]!.slice(0, Number((i as z.core.$ZodIssueTooBig).maximum));
		}
		result = QuizSchema.safeParse(cut);
	}
	if (!tooMany.length) return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues };
	return { success: false, issues: [...tooMany, ...(result.success ? [] : result.error.issues)] };
}

function check(data: unknown): Checked {
	const forbidden = forbiddenKeys(data);
	const todo = unwritten(data);
	const result = parse(data);
	if (!result.success) {
		// zod measures any value with a length, so a text given for a list is
		// also "too long"; the wrong type is the one problem worth reporting.
		const wrongType = new Set(result.issues.filter((i) => i.code === 'invalid_type').map((i) => JSON.stringify(i.path)));
		const problems = result.issues
			.filter((i) => !((i.code === 'too_big' || i.code === 'too_small') && wrongType.has(JSON.stringify(i.path))))
			.flatMap((i) => fromIssue(i, data));
		// Never "invalid" with nothing to show for it.
		if (!problems.length && !forbidden.length)
			problems.push(problemAt('error', [], result.issues[0]?.message ?? 'The quiz is not valid'));
		// "headlne" is unknown and "headline" missing: one mistake, told once.
		const meant = new Set(problems.filter((p) => p.meant).map((p) => JSON.stringify([...p.keys.slice(0, -1), p.meant])));
		return {
			ok: false,
			problems: [...forbidden, ...problems.filter((p) => !(p.message.endsWith('is missing') && meant.has(JSON.stringify(p.keys)))), ...todo]
		};
	}
	if (forbidden.length || todo.length) return { ok: false, problems: [...forbidden, ...todo] };
	return { ok: true, quiz: result.data, warnings: warningsFor(result.data, data) };
}

/** Validates parsed JSON. Never throws: any input gives a quiz or problems. */
export function validateQuizData(data: unknown): Validation {
	const result = check(data);
	return result.ok ? { ...result, warnings: strip(result.warnings) } : { ok: false, problems: strip(result.problems) };
}

const TOO_DEEP: Problem = {
	severity: 'error',
	path: '',
	message: 'The file is nested too deeply to be a quiz',
	hint: 'check the brackets: a quiz nests at most a few levels'
};

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

	let map: SourceMap;
	try {
		map = mapSource(source);
	} catch {
		return fail(TOO_DEEP);
	}
	// JSON.parse is the judge of what is valid JSON; the map explains why not.
	let data: unknown;
	try {
		data = JSON.parse(source);
	} catch {
		const first = map.errors[0];
		return fail(first ? syntaxProblem(source, first) : { severity: 'error', path: '', message: 'The file is not valid JSON' });
	}

	const result = check(data);
	const located = (list: Found[]) => strip(list.map((p) => (p.line ? p : map.place(p)))).sort(byPosition);
	if (!result.ok || map.duplicates.length)
		return { ok: false, problems: located([...map.duplicates, ...(result.ok ? [] : result.problems)]) };
	return { ok: true, quiz: result.quiz, warnings: located(result.warnings) };
}

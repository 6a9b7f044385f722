/**
 * zod's issues, worded for an author: what was found, what was expected, and
 * how to fix it. Field names for "did you mean" come from the schema itself.
 */
import type { z } from 'zod';
import type { IssueDetail } from '../schema/soundness.ts';
import { DEFAULT_CATEGORIES } from '../categories.ts';
import { orList, QUESTION_TYPES, QuizShape } from '../schema/shapes.ts';
import { didYouMean } from '../suggest.ts';
import { formatPath, show, type Found, type Key } from './problem.ts';

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

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
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
	if (expected === 'object' && typeof found === 'string')
		return 'each entry here is an object { ... } of named fields: see the example in docs/authoring.md';
	return undefined;
}

const FORMATS: Record<string, { expected: string; hint?: string }> = {
	date: { expected: 'a date like "2017-06-06"', hint: 'year, then a two-digit month and day, with hyphens; and a day the month has' },
	url: { expected: 'a web address like "https://example.org/story"', hint: 'copy the address from the browser’s address bar' },
	regex: { expected: 'an id like "q12" or "non-answer"', hint: 'no capital letters, spaces or underscores' }
};
/** The one field in a pattern that is not an id. */
const LANGUAGE_FORMAT = {
	expected: 'a language tag like "en", "fr" or "en-GB"',
	hint: 'two or three lower-case letters for the language, then a hyphen and the country if it matters'
};

type Schema = z.core.$ZodType;

/** The schema inside optional, default and the like. */
function unwrap(schema: Schema): Schema {
	let here = schema;
	for (;;) {
		const def = here._zod.def as z.core.$ZodTypeDef & { innerType?: Schema };
		if (!def.innerType) return here;
		here = def.innerType;
	}
}

/** The options of a discriminated union that the value at hand can be: the one its discriminator names, else all. */
function optionsFor(schema: Schema, value: unknown): Schema[] {
	const def = schema._zod.def as z.core.$ZodUnionDef & { discriminator?: string };
	const options = def.options as Schema[];
	const tag = def.discriminator === undefined ? undefined : valueAt(value, [def.discriminator]);
	const picked = options.filter((o) => {
		const shape = (unwrap(o)._zod.def as { shape?: Record<string, Schema> }).shape;
		const literal = shape?.[def.discriminator ?? '']?._zod.def as { values?: unknown[] } | undefined;
		return literal?.values?.includes(tag);
	});
	return picked.length ? picked : options;
}

/** The schemas inside optional and the like, a union's as the value at hand picks them. */
const inner = (schemas: Schema[], value: unknown): Schema[] =>
	schemas.map(unwrap).flatMap((s) => (s._zod.def.type === 'union' ? optionsFor(s, value).map(unwrap) : [s]));

/** The schemas the value at `path` is read with, as written (optional ones still marked so). */
function schemasAt(data: unknown, path: readonly Key[]): Schema[] {
	let schemas: Schema[] = [QuizShape];
	for (let n = 0; n < path.length; n++) {
		const key = path[n]!;
		schemas = inner(schemas, valueAt(data, path.slice(0, n))).flatMap((s) => {
			const def = s._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema; valueType?: Schema };
			if (def.type === 'object' && typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key)) return [def.shape[key]!];
			if (def.type === 'array' && typeof key === 'number' && def.element) return [def.element];
			if (def.type === 'record' && def.valueType) return [def.valueType];
			return [];
		});
	}
	return schemas;
}

/** The field names an object at `path` may hold, read from the schema, for "did you mean" hints. */
export function knownKeys(data: unknown, path: readonly Key[]): string[] {
	const keys = inner(schemasAt(data, path), valueAt(data, path)).flatMap((s) => Object.keys((s._zod.def as { shape?: object }).shape ?? {}));
	return [...new Set(keys)];
}

/** Whether the schema lets the field at `path` be left out. */
function optionalAt(data: unknown, path: readonly Key[]): boolean {
	return schemasAt(data, path).some((s) => s._zod.def.type === 'optional' || s._zod.def.type === 'default');
}

/** How to fill a text left empty: an optional field may go, a required one must be written. */
function emptyTextHint(data: unknown, keys: readonly Key[]): string {
	const last = keys.at(-1);
	if (typeof last === 'number') return 'write it, or remove this entry from the list';
	if (last === 'whyNot' && keys.at(-3) === 'options') return 'write why a student might choose this option and why it is wrong (only the right option has no whyNot)';
	if (optionalAt(data, keys)) return 'write something here, or remove the field';
	if (keys.at(-2) === 'whyNot') return 'write why a student might choose this category and why it does not fit; every wrong category needs one';
	return `write it: "${String(last)}" is required`;
}

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function fromIssue(issue: z.core.$ZodIssue, data: unknown): Found[] {
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
					// zod's own wording ("Invalid input: expected object, received string") only where no field says better.
					message: !keys.length
						? 'The file must hold one quiz: an object { ... }'
						: issue.message.startsWith('Invalid input')
							? `This must be ${EXPECTED_TYPE[issue.expected] ?? issue.expected}, not ${kind(found)}`
							: issue.message,
					found: kind(found),
					expected: EXPECTED_TYPE[issue.expected] ?? issue.expected,
					hint: keys.length ? typeHint(issue.expected, found) : 'a quiz file starts with { and ends with }; see the example in docs/authoring.md'
				}
			];
		}
		case 'invalid_union': {
			const type = valueAt(data, keys);
			const suggestion = typeof type === 'string' ? didYouMean(type, QUESTION_TYPES) : null;
			return [
				{
					...base,
					message: type === undefined ? 'The question has no "type"' : issue.message,
					found: show(type),
					expected: orList(QUESTION_TYPES),
					hint: suggestion ? `did you mean "${suggestion}"?` : 'the type says which kind of question this is; see docs/authoring.md'
				}
			];
		}
		case 'invalid_key': {
			const key = String(keys.at(-1));
			if (FORBIDDEN_KEYS.has(key)) return [];
			return [{ ...base, message: issue.issues[0]?.message ?? issue.message, found: show(key), hint: keyHint(data, keys, key) }];
		}
		case 'too_big':
		case 'too_small':
			return [{ ...base, message: issue.message, found: size(found), hint: sizeHint(issue, data, keys, found) }];
		case 'invalid_format': {
			const format = keys.length === 1 && keys[0] === 'language' ? LANGUAGE_FORMAT : FORMATS[issue.format];
			return [{ ...base, message: issue.message, found: kind(found), ...format, hint: answerIdHint(data, keys, found) ?? format?.hint }];
		}
		case 'invalid_value':
			if (found === undefined && keys.length > 0 && issue.values.length === 1)
				return [
					{
						...base,
						message: `The field "${String(keys.at(-1))}" is missing`,
						found: 'nothing',
						expected: JSON.stringify(issue.values[0]),
						hint: `add "${String(keys.at(-1))}": ${JSON.stringify(issue.values[0])}`
					}
				];
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
			const { at, sameAs, ...detail } = (issue.params ?? {}) as IssueDetail;
			const hint = sameAs ? `${detail.hint}; ${formatPath(sameAs)} has it too` : detail.hint;
			return [
				{ ...base, message: issue.message, ...detail, hint, found: detail.found === undefined ? undefined : show(detail.found), at, sameAs }
			];
		}
		default:
			return [{ ...base, message: issue.message, found: kind(found) }];
	}
}

/**
 * An answer written as what students see ("Anonymous source") rather than
 * its id: the ids to use, and the one meant when the words name it.
 */
function answerIdHint(data: unknown, keys: readonly Key[], found: unknown): string | undefined {
	if (keys.at(-1) !== 'answer' || keys[0] !== 'questions' || typeof found !== 'string') return undefined;
	const question = valueAt(data, keys.slice(0, -1));
	const type = valueAt(question, ['type']);
	const listed = valueAt(data, type === 'choice' ? [...keys.slice(0, -1), 'options'] : ['categories']) ?? (type === 'choice' ? [] : DEFAULT_CATEGORIES);
	const choices = (Array.isArray(listed) ? listed : []).filter(
		(c): c is { id: string; label?: unknown; text?: unknown } => typeof valueAt(c, ['id']) === 'string'
	);
	if (!choices.length) return undefined;
	const said = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : undefined);
	const meant = choices.find((c) => [said(c.label), said(c.text), said(c.id)].includes(said(found)));
	const ids = orList(choices.map((c) => c.id));
	if (meant) return `write the id "${meant.id}", not the words students see`;
	return `"answer" takes an id: ${ids}`;
}

/** The quiz's category ids, as the file lists them (or the default ones when it lists none). */
function categoryIds(data: unknown): string[] {
	const listed = valueAt(data, ['categories']) ?? DEFAULT_CATEGORIES;
	return (Array.isArray(listed) ? listed : []).map((c) => valueAt(c, ['id'])).filter((id): id is string => typeof id === 'string');
}

/** How to rename a key of the wrong form: a whyNot key ("Fact", "non answer") to the category it was meant for. */
function keyHint(data: unknown, keys: readonly Key[], key: string): string {
	const guess = keys.at(-2) === 'whyNot' && keys[0] === 'questions' ? didYouMean(key, categoryIds(data)) : null;
	return guess ? `rename it "${guess}", the category's id` : 'rename this key';
}

function size(found: unknown): string {
	if (typeof found === 'string' && found.trim() === '') return found === '' ? 'an empty text ""' : 'only spaces';
	if (Array.isArray(found)) return `${found.length} item${found.length === 1 ? '' : 's'}`;
	if (typeof found === 'string') return `${found.trim().length} characters`;
	return show(found);
}

function sizeHint(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, data: unknown, keys: readonly Key[], found: unknown): string {
	const list = issue.origin === 'array';
	const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
	const over = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	if (issue.code === 'too_small') {
		if (!list) return emptyTextHint(data, keys);
		const short = limit - (Array.isArray(found) ? found.length : 0);
		if (short < limit) return `add ${short === 1 ? 'one more' : `${short} more`}`;
		return `add ${limit === 1 ? 'one' : `at least ${limit}`}`;
	}
	if (list)
		return (
			`remove ${over(Array.isArray(found) ? found.length - limit : 0, 'item', 'items')}` +
			(keys.length === 1 && keys[0] === 'questions' ? ', or split the quiz in two' : '')
		);
	return `shorten it by ${over(typeof found === 'string' ? found.trim().length - limit : 0, 'character', 'characters')}`;
}

/**
 * Where each part of a quiz file stands in its text. One jsonc-parser visit()
 * pass records the position of every value and field name by its JSON path,
 * finds fields written twice in one object (JSON.parse silently keeps the
 * last), and collects syntax errors.
 */
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import { formatPath, show, type Found, type Key } from './problem.ts';

interface Spot {
	/** 1-based. */
	line: number;
	column: number;
}

export interface SyntaxError {
	error: ParseErrorCode;
	offset: number;
	length: number;
	/** The innermost object or list left open where the error was met, and the offset of its bracket. */
	open?: { kind: 'object' | 'array'; offset: number };
}

export interface SourceMap {
	/** Fields that appear twice in one object, each a problem at the second. */
	duplicates: Found[];
	/** Syntax errors in the order met; the first is reliable, the rest often echo it. */
	errors: SyntaxError[];
	/** The problem with the line and column its path (and character, if any) stands at. */
	place(problem: Found): Found;
}

/** An object or array the visit is inside, and where its next value goes. */
interface Container {
	/** The container's own place among the values. */
	at: number;
	/** For an object, the name of the field whose value comes next. */
	field: string;
}

/** Where each number recorded for a value stands among its seven, one value after another in one array. */
const [OFFSET, LENGTH, LINE, COLUMN, STRING, NAME_LINE, NAME_COLUMN] = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * Maps a JSON text. Throws a RangeError for brackets nested thousands deep
 * (the parser recurses); the caller reports that as a file too deep to be a quiz.
 *
 * A quiz of 1,000 questions has some 15,000 values. Each is recorded as seven
 * numbers in one array, and each object or array as the places of its values
 * (by field name, or by index), so a path is looked up one step at a time.
 * The visit keeps no path of its own and asks the parser for none: an object
 * per value, or a string key per path, made mapping such a file take 40 to
 * 90 ms where this takes a fraction of it. A field written twice is found
 * among its object's names when its second name comes.
 */
export function mapSource(source: string): SourceMap {
	const numbers: number[] = [];
	/** For each object or array, by its place: where each of its values is. */
	const children = new Map<number, Map<string, number> | number[]>();
	const duplicates: Found[] = [];
	const errors: SyntaxError[] = [];
	const containers: Container[] = [];
	/** The container closed last: the parser ends an object before it reports the "}" that is missing. */
	let closed: Container | undefined;
	/** The field name just read, until its value comes: its line and column, 1-based. */
	let nameLine = 0;
	let nameColumn = 0;

	/** Records a value where it stands; returns its place. */
	const value = (offset: number, length: number, line: number, character: number, string: boolean): number => {
		const at = numbers.length;
		const inside = containers.at(-1);
		if (inside) {
			const siblings = children.get(inside.at)!;
			if (Array.isArray(siblings)) siblings.push(at);
			else siblings.set(inside.field, at);
		}
		numbers.push(offset, length, line + 1, character + 1, string ? 1 : 0, nameLine, nameColumn);
		nameLine = nameColumn = 0;
		return at;
	};
	const open = (kind: 'object' | 'array') => (offset: number, length: number, line: number, character: number) => {
		const at = value(offset, length, line, character, false);
		children.set(at, kind === 'array' ? [] : new Map());
		containers.push({ at, field: '' });
	};
	visit(
		source,
		{
			onObjectBegin: open('object'),
			onObjectEnd: () => void (closed = containers.pop()),
			onArrayBegin: open('array'),
			onArrayEnd: () => void (closed = containers.pop()),
			onLiteralValue: (literal, offset, length, line, character) => void value(offset, length, line, character, typeof literal === 'string'),
			onObjectProperty: (property, _offset, _length, line, character, path) => {
				const inside = containers.at(-1);
				if (!inside) return;
				inside.field = property;
				nameLine = line + 1;
				nameColumn = character + 1;
				const siblings = children.get(inside.at);
				const first = siblings instanceof Map ? siblings.get(property) : undefined;
				if (first === undefined) return;
				const keys = [...path(), property];
				duplicates.push({
					severity: 'error',
					keys,
					path: formatPath(keys),
					message: `The field "${property}" appears twice in the same object`,
					found: show(property),
					expected: 'each field once',
					hint: `the first is on line ${numbers[first + NAME_LINE]}; only this last one would count, so remove or rename one`,
					line: nameLine,
					column: nameColumn
				});
			},
			onError: (error, offset, length) => {
				const code = printParseErrorCode(error);
				const unclosed = code === 'CloseBraceExpected' || code === 'CloseBracketExpected' ? closed : containers.at(-1);
				const kind = unclosed && Array.isArray(children.get(unclosed.at)) ? 'array' : 'object';
				errors.push({ error, offset, length, open: unclosed && { kind, offset: numbers[unclosed.at + OFFSET]! } });
			}
		},
		{ disallowComments: true, allowTrailingComma: false }
	);

	/** The place of the value at `keys`, or of the deepest one on the way to it that exists, and how many keys that took. */
	const find = (keys: readonly Key[]): { at: number; depth: number } | null => {
		if (!numbers.length) return null;
		let at = 0;
		for (const [depth, key] of keys.entries()) {
			const siblings = children.get(at);
			const next = Array.isArray(siblings)
				? typeof key === 'number' ? siblings[key] : undefined
				: typeof key === 'string' ? siblings?.get(key) : undefined;
			if (next === undefined) return { at, depth };
			at = next;
		}
		return { at, depth: keys.length };
	};
	const at = (i: number, field: number) => numbers[i + field]!;
	return {
		duplicates,
		errors,
		place(problem) {
			const other = problem.sameAs ? find(problem.sameAs) : null;
			if (other && other.depth === problem.sameAs!.length && problem.hint) problem = { ...problem, hint: `${problem.hint}, on line ${at(other.at, LINE)}` };
			// A missing field is placed at its parent: the deepest value on its path that exists.
			const found = find(problem.keys);
			if (!found) return problem;
			const i = found.at;
			const exact = found.depth === problem.keys.length;
			if (exact && problem.at !== undefined && at(i, STRING)) {
				// A JSON string holds no raw line break, so the character stands on the string's line.
				const offset = offsetInString(source, at(i, OFFSET), at(i, LENGTH), problem.at);
				return { ...problem, line: at(i, LINE), column: at(i, COLUMN) + offset - at(i, OFFSET) };
			}
			// A problem about a field as a whole, or a field missing from it, points
			// at the field's name, where authors look.
			const name: Spot | undefined = at(i, NAME_LINE) ? { line: at(i, NAME_LINE), column: at(i, NAME_COLUMN) } : undefined;
			const spot = name && problem.at === undefined ? name : { line: at(i, LINE), column: at(i, COLUMN) };
			return { ...problem, line: spot.line, column: spot.column };
		}
	};
}

/** The offset in the file of the `index`-th character of the string literal at `start`. */
function offsetInString(source: string, start: number, length: number, index: number): number {
	let i = start + 1;
	const end = start + length - 1;
	for (let n = 0; n < index && i < end; n++) i += source[i] === '\\' ? (source[i + 1] === 'u' ? 6 : 2) : 1;
	return i;
}

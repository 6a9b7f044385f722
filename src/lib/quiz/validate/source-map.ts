/**
 * Where each part of a quiz file stands in its text. One jsonc-parser visit()
 * pass records the position of every value and field name by its JSON path,
 * finds fields written twice in one object (JSON.parse silently keeps the
 * last), and collects syntax errors.
 */
import { visit, type ParseErrorCode } from 'jsonc-parser';
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
}

export interface SourceMap {
	/** Fields that appear twice in one object, each a problem at the second. */
	duplicates: Found[];
	/** Syntax errors in the order met; the first is reliable, the rest often echo it. */
	errors: SyntaxError[];
	/** The problem with the line and column its path (and character, if any) stands at. */
	place(problem: Found): Found;
}

const segment = (key: Key) => (typeof key === 'number' ? String(key) : JSON.stringify(key));
/** A path as a map key: its segments, names quoted, joined by commas; the root is "". */
const keyOf = (path: readonly Key[]) => path.map(segment).join(',');
const childKey = (parent: string, key: Key) => (parent === '' ? segment(key) : `${parent},${segment(key)}`);

/** An object or array the visit is inside: its key, and where its next value goes. */
interface Container {
	key: string;
	/** For an array, the index of its next element; for an object, undefined. */
	index: number | undefined;
	/** For an object, the key of the field whose value comes next. */
	field: string;
}

/** Where each number recorded for a value stands among its seven, one value after another in one array. */
const [OFFSET, LENGTH, LINE, COLUMN, STRING, NAME_LINE, NAME_COLUMN] = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * Maps a JSON text. Throws a RangeError for brackets nested thousands deep
 * (the parser recurses); the caller reports that as a file too deep to be a quiz.
 *
 * A quiz of 1,000 questions has some 15,000 values. Each is recorded as a
 * number in a map (its path's key to its place in one array of numbers), and
 * the visit keeps the path itself rather than asking the parser for a copy:
 * an object per value, and a set of names per object to find duplicates, made
 * mapping such a file take 90 ms where this takes a fraction of it. A field
 * written twice has the same key as its first, which is how it is found.
 */
export function mapSource(source: string): SourceMap {
	const entries = new Map<string, number>();
	const numbers: number[] = [];
	const duplicates: Found[] = [];
	const errors: SyntaxError[] = [];
	const containers: Container[] = [];
	/** The field name just read, until its value comes: its line and column, 1-based. */
	let nameLine = 0;
	let nameColumn = 0;

	/** Records a value where it stands; returns its key. */
	const value = (offset: number, length: number, line: number, character: number, string: boolean): string => {
		const inside = containers.at(-1);
		const key = !inside ? '' : inside.index === undefined ? inside.field : childKey(inside.key, inside.index++);
		entries.set(key, numbers.length);
		numbers.push(offset, length, line + 1, character + 1, string ? 1 : 0, nameLine, nameColumn);
		nameLine = nameColumn = 0;
		return key;
	};
	visit(
		source,
		{
			onObjectBegin: (offset, length, line, character) => {
				containers.push({ key: value(offset, length, line, character, false), index: undefined, field: '' });
			},
			onObjectEnd: () => void containers.pop(),
			onArrayBegin: (offset, length, line, character) => {
				containers.push({ key: value(offset, length, line, character, false), index: 0, field: '' });
			},
			onArrayEnd: () => void containers.pop(),
			onLiteralValue: (literal, offset, length, line, character) => void value(offset, length, line, character, typeof literal === 'string'),
			onObjectProperty: (property, _offset, _length, line, character, path) => {
				const inside = containers.at(-1);
				if (!inside) return;
				inside.field = childKey(inside.key, property);
				nameLine = line + 1;
				nameColumn = character + 1;
				const first = entries.get(inside.field);
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
			onError: (error, offset, length) => void errors.push({ error, offset, length })
		},
		{ disallowComments: true, allowTrailingComma: false }
	);

	const at = (i: number, field: number) => numbers[i + field]!;
	return {
		duplicates,
		errors,
		place(problem) {
			const other = problem.sameAs ? entries.get(keyOf(problem.sameAs)) : undefined;
			if (other !== undefined && problem.hint) problem = { ...problem, hint: `${problem.hint}, on line ${at(other, LINE)}` };
			// A missing field is placed at its parent: walk up until a value exists.
			for (let n = problem.keys.length; n >= 0; n--) {
				const i = entries.get(keyOf(problem.keys.slice(0, n)));
				if (i === undefined) continue;
				const exact = n === problem.keys.length;
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
			return problem;
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

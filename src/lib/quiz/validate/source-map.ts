/**
 * Where each part of a quiz file stands in its text. One jsonc-parser visit()
 * pass records the position of every value and field name by its JSON path,
 * finds fields written twice in one object (JSON.parse silently keeps the
 * last), and collects syntax errors.
 */
import { visit, type ParseErrorCode } from 'jsonc-parser';
import { formatPath, show, type Found, type Key } from './problem.ts';

interface Spot {
	offset: number;
	/** 1-based. */
	line: number;
	column: number;
}

interface Entry {
	value: Spot & { length: number; string: boolean };
	/** The field name, when the value is a field's. */
	name?: Spot;
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

const spot = (offset: number, line: number, character: number): Spot => ({ offset, line: line + 1, column: character + 1 });
const keyOf = (path: readonly Key[]) => JSON.stringify(path);

/**
 * Maps a JSON text. Throws a RangeError for brackets nested thousands deep
 * (the parser recurses); the caller reports that as a file too deep to be a quiz.
 */
export function mapSource(source: string): SourceMap {
	const entries = new Map<string, Entry>();
	const duplicates: Found[] = [];
	const errors: SyntaxError[] = [];
	/** The field names seen so far in each open object, innermost last. */
	const open: Map<string, Spot>[] = [];
	let name: Spot | undefined;

	const value = (offset: number, length: number, line: number, character: number, path: Key[], string: boolean) => {
		entries.set(keyOf(path), { value: { ...spot(offset, line, character), length, string }, name });
		name = undefined;
	};
	visit(
		source,
		{
			onObjectBegin: (offset, length, line, character, path) => {
				value(offset, length, line, character, path(), false);
				open.push(new Map());
			},
			onObjectEnd: () => void open.pop(),
			onArrayBegin: (offset, length, line, character, path) => value(offset, length, line, character, path(), false),
			onLiteralValue: (literal, offset, length, line, character, path) =>
				value(offset, length, line, character, path(), typeof literal === 'string'),
			onObjectProperty: (property, offset, _length, line, character, path) => {
				name = spot(offset, line, character);
				const seen = open.at(-1);
				const first = seen?.get(property);
				if (first) {
					const keys = [...path(), property];
					duplicates.push({
						severity: 'error',
						keys,
						path: formatPath(keys),
						message: `The field "${property}" appears twice in the same object`,
						found: show(property),
						expected: 'each field once',
						hint: `the first is on line ${first.line}; only this last one would count, so remove or rename one`,
						line: name.line,
						column: name.column
					});
				} else seen?.set(property, name);
			},
			onError: (error, offset, length) => void errors.push({ error, offset, length })
		},
		{ disallowComments: true, allowTrailingComma: false }
	);

	return {
		duplicates,
		errors,
		place(problem) {
			const other = problem.sameAs && entries.get(keyOf(problem.sameAs));
			if (other && problem.hint) problem = { ...problem, hint: `${problem.hint}, on line ${other.value.line}` };
			// A missing field is placed at its parent: walk up until a value exists.
			for (let n = problem.keys.length; n >= 0; n--) {
				const entry = entries.get(keyOf(problem.keys.slice(0, n)));
				if (!entry) continue;
				const exact = n === problem.keys.length;
				const { value: v } = entry;
				if (exact && problem.at !== undefined && v.string) {
					// A JSON string holds no raw line break, so the character stands on the string's line.
					const offset = offsetInString(source, v.offset, v.length, problem.at);
					return { ...problem, line: v.line, column: v.column + offset - v.offset };
				}
				// A problem about a field as a whole, or a field missing from it, points
				// at the field's name, where authors look.
				const at = entry.name && problem.at === undefined ? entry.name : v;
				return { ...problem, line: at.line, column: at.column };
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

/** A JSON syntax error, explained: where it is and the usual slip behind it. */
import { getLocation, printParseErrorCode } from 'jsonc-parser';
import { cut, LINE_BREAK, type Problem } from './problem.ts';
import type { SyntaxError } from './source-map.ts';

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
	InvalidCharacter: 'a text may not hold an invisible control character: delete it'
};

/** Where a text broken over two lines stands, for how to join it. */
function brokenTextHint(source: string, offset: number): string {
	const path = getLocation(source, offset).path;
	const start = 'this text goes on to the next line, and a text cannot hold a line break: ';
	// A paragraph, or words copied from one, must read as the article does: a \n there would not match a quote.
	if (path[0] === 'article' && path[1] === 'paragraphs')
		return `${start}join the two lines with a space (a new paragraph is a new text in the list)`;
	if (path[0] === 'questions' && (path.includes('quote') || path.includes('related') || path.includes('cues') || path.includes('decoys')))
		return `${start}join the two lines with a space, as the article has them`;
	return `${start}join the two lines into one (write \\n where a new line is meant)`;
}

/** 1-based line and column of an offset. */
function positionAt(source: string, offset: number): { line: number; column: number } {
	const lines = source.slice(0, offset).split(LINE_BREAK);
	return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

export function syntaxProblem(source: string, error: SyntaxError): Problem {
	const code = printParseErrorCode(error.error);
	const token = source.slice(error.offset, error.offset + Math.max(1, error.length));
	// An article pasted where its quiz file goes: say where an article belongs.
	if (/^\s*\p{L}/u.test(source) && !/[{}[\]]/.test(source.slice(0, 400)) && source.trim().split(/\s+/).length >= 20)
		return {
			severity: 'error',
			path: '',
			message: 'This looks like an article, not a quiz file',
			found: `"${cut(source.trim().split(/\s+/).slice(0, 6).join(' '))}"`,
			expected: 'a quiz file, which starts with {',
			hint: 'to make a quiz from an article, open “Draft a quiz from an article” (/author/draft) or run npm run quiz:draft; it writes the quiz file for you',
			...positionAt(source, source.search(/\S/))
		};
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
			...positionAt(source, before)
		};
	// Two commas in a row: an entry was deleted and its comma left behind.
	if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && source[before] === ',' && token === ',')
		return {
			severity: 'error',
			path: '',
			message: 'The file is not valid JSON: two commas stand in a row',
			found: ', ,',
			hint: 'remove one of them; entries are separated by a single comma',
			...positionAt(source, error.offset)
		};
	// A "}" left out: the parser meets what comes after the object (the next question's "{",
	// the "]" of the list, the end of the file) and would ask for a comma or a field name.
	const open = error.open;
	const unclosed =
		open?.kind === 'object'
			? code === 'CloseBraceExpected' || ((code === 'CommaExpected' || code === 'PropertyNameExpected') && (token === '{' || token === ']'))
			: code === 'CloseBracketExpected' || ((code === 'CommaExpected' || code === 'ValueExpected') && token === '}');
	if (open && unclosed) {
		const [opener, closer, noun] = open.kind === 'object' ? ['{', '}', 'object'] : ['[', ']', 'list'];
		const began = positionAt(source, open.offset).line;
		const line = positionAt(source, before).line;
		const place = source[before] === ',' ? `before the comma on line ${line}` : `at the end of line ${line}${token === '{' ? ', then a comma' : ''}`;
		return {
			severity: 'error',
			path: '',
			message: `The file is not valid JSON: a closing "${closer}" is missing`,
			found: error.length ? cut(token) : 'the end of the file',
			expected: `"${closer}" to close the ${noun} that begins on line ${began}`,
			hint: `every ${opener} needs a matching ${closer}: the ${noun} that begins on line ${began}, or one inside it, is not closed; add "${closer}" ${place}`,
			...positionAt(source, error.offset)
		};
	}
	// Pasted news is full of quotation marks: a straight one inside a text ends it,
	// and the words after it show up as a bare word or number.
	const bare = code === 'InvalidSymbol' || (code === 'CommaExpected' && !token.startsWith('"'));
	if (bare && source[before] === '"' && !LINE_BREAK.test(source.slice(before, error.offset)) && !token.startsWith("'"))
		return {
			severity: 'error',
			path: '',
			message: 'The file is not valid JSON: a straight double quote ends a text too early',
			found: `a straight " right before "${cut(token)}"`,
			expected: '\\" for a quote mark inside a text',
			hint: 'a straight " closes the text it stands in; inside a text write \\" (a backslash, then the quote mark), or copy the curly quotes “ ” if the article uses them',
			...positionAt(source, before)
		};
	// A tab or another control character pasted into a text: pointed at where it stands, not at the text's start.
	const control = code === 'InvalidCharacter' ? token.search(/[\u0000-\u001f]/) : -1;
	if (control >= 0) {
		const tab = token[control] === '\t';
		return {
			severity: 'error',
			path: '',
			message: 'The file is not valid JSON',
			found: tab ? 'a tab' : `an invisible control character (U+${token.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')})`,
			hint: tab ? 'a text may not hold a tab: replace it with a space' : SYNTAX_HINTS.InvalidCharacter,
			...positionAt(source, error.offset + control)
		};
	}
	let hint = SYNTAX_HINTS[code] ?? code;
	// A paragraph pasted with a line break in it: the text goes on, and closes, on the next line.
	if (code === 'UnexpectedEndOfString') {
		const next = source.slice(error.offset).split(LINE_BREAK, 2)[1]?.trim() ?? '';
		if (next && !/^["}\]]/.test(next) && /"\s*[,}\]]?$/.test(next)) hint = brokenTextHint(source, error.offset);
	}
	if (code === 'InvalidSymbol' && token.startsWith("'")) hint = 'JSON uses double quotes "like this", never single quotes';
	if (code === 'CommaExpected' && before >= 0) hint = `a comma is missing: add one at the end of line ${positionAt(source, before).line}`;
	return {
		severity: 'error',
		path: '',
		message: 'The file is not valid JSON',
		found: error.length ? cut(token) : 'the end of the file',
		hint,
		...positionAt(source, error.offset)
	};
}

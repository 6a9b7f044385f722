/** A problem an author can fix, and the raw form it has until it is placed in the file's text. */

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

export type Key = string | number;

/**
 * A line break as editors count one: CRLF (Windows), LF, or a lone CR (files
 * from old Mac editors). jsonc-parser counts them so for every position it gives.
 */
export const LINE_BREAK = /\r\n?|\n/;

/** A problem with the raw path it was found at, until it is placed in the text. */
export interface Found extends Problem {
	keys: Key[];
	/** Index of the character, inside the text value at `keys`, the problem is about. */
	at?: number;
	/** For an unknown field: the known field it most likely meant. */
	meant?: string;
	/** The entry that already holds a duplicated id; its line joins the hint once the text is known. */
	sameAs?: Key[];
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

/** A problem about the value at `keys`. */
export function problemAt(severity: Problem['severity'], keys: Key[], message: string, detail: Omit<Found, 'severity' | 'keys' | 'path' | 'message'> = {}): Found {
	return { severity, keys, path: formatPath(keys), message, ...detail };
}

/** A value as the author wrote it, cut short; never throws (cycles, BigInt, symbols). */
export function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = Object.prototype.toString.call(value);
	}
	return cut(text);
}

/** A piece of the file's text as it stands there, cut short like a value `show` gives. */
export function cut(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `"a", "b" and 3 more` */
export function idList(ids: readonly string[], max = 6): string {
	const shown = ids.slice(0, max).map((id) => `"${id}"`);
	const more = ids.length - shown.length;
	if (more > 0) return `${shown.join(', ')} and ${more} more`;
	return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

export function strip(problems: readonly Found[]): Problem[] {
	return problems.map(({ keys: _keys, at: _at, meant: _meant, sameAs: _sameAs, ...p }) => p);
}

export function byPosition(a: Problem, b: Problem): number {
	return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

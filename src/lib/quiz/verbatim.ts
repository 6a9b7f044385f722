/**
 * When a quote is not found verbatim, authors need to see where it nearly is
 * and the first character that differs: a curly quote typed straight, a dash,
 * a doubled space. This finds the closest passage and names that difference.
 */

export interface Mismatch {
	/** Index of the paragraph holding the closest passage. */
	paragraph: number;
	/** The closest passage, as the article has it. */
	passage: string;
	/** Offset in the quote of the first character that differs. */
	at: number;
	/** The quote's character there ('' when the quote ends first). */
	found: string;
	/** The article's character there ('' when the paragraph ends first). */
	expected: string;
	/** A plain-language hint about that difference. */
	hint: string;
}

const LOOKALIKES: Record<string, string> = {
	'‘': "'",
	'’': "'",
	'ʼ': "'",
	'`': "'",
	'“': '"',
	'”': '"',
	'–': '-',
	'—': '-',
	'‑': '-',
	'−': '-',
	'\u00a0': ' ',
	'\u2009': ' ',
	'\u202f': ' ',
	'…': '.'
};

function fold(ch: string): string {
	return (LOOKALIKES[ch] ?? ch).toLowerCase();
}

function describe(ch: string): string {
	if (ch === '') return 'nothing';
	const names: Record<string, string> = {
		"'": "a straight apostrophe (')",
		'’': 'a curly apostrophe (’)',
		'‘': 'a curly opening quote (‘)',
		'"': 'a straight double quote (")',
		'“': 'a curly opening double quote (“)',
		'”': 'a curly closing double quote (”)',
		'-': 'a hyphen (-)',
		'–': 'an en dash (–)',
		'—': 'an em dash (—)',
		' ': 'a space',
		'\u00a0': 'a non-breaking space',
		'\n': 'a line break',
		'\t': 'a tab'
	};
	return names[ch] ?? `"${ch}"`;
}

function hintFor(found: string, expected: string, quote: string, at: number): string {
	if (found === ' ' && quote[at - 1] === ' ')
		return 'the quote has two spaces in a row where the article has one';
	if (expected === '') return 'the quote runs past the end of the paragraph; a quote must sit inside one paragraph';
	if (found === '') return 'the quote stops here; check that nothing is missing from its end';
	if (fold(found) === fold(expected)) {
		if (found.toLowerCase() === expected.toLowerCase())
			return 'letter case differs; copy the words exactly as the article writes them';
		return `the quote has ${describe(found)} where the article has ${describe(expected)}; copy the character from the article`;
	}
	return `the quote has ${describe(found)} where the article has ${describe(expected)}`;
}

/** Length of the common prefix of `quote` and `text` from `start`, folding look-alikes. */
function commonPrefix(quote: string, text: string, start: number, exact: boolean): number {
	let n = 0;
	while (n < quote.length && start + n < text.length) {
		const a = quote[n]!;
		const b = text[start + n]!;
		if (exact ? a !== b : fold(a) !== fold(b)) break;
		n++;
	}
	return n;
}

/**
 * The closest passage to `quote` in the paragraphs and the first difference.
 * Returns null when the quote is in the article verbatim.
 */
export function findMismatch(paragraphs: readonly string[], quote: string): Mismatch | null {
	if (paragraphs.some((p) => p.includes(quote))) return null;
	// Rank candidate starts by how much of the quote matches when look-alike
	// characters are folded together, then report the first exact difference.
	let best = { paragraph: 0, start: 0, folded: -1 };
	paragraphs.forEach((text, paragraph) => {
		for (let start = 0; start < text.length; start++) {
			if (fold(text[start]!) !== fold(quote[0] ?? '')) continue;
			const folded = commonPrefix(quote, text, start, false);
			if (folded > best.folded) best = { paragraph, start, folded };
		}
	});
	if (best.folded < 0) {
		return {
			paragraph: 0,
			passage: '',
			at: 0,
			found: quote[0] ?? '',
			expected: '',
			hint: 'no passage of the article starts like this quote; copy the quote from the article'
		};
	}
	const text = paragraphs[best.paragraph]!;
	const at = commonPrefix(quote, text, best.start, true);
	const found = quote[at] ?? '';
	const expected = text[best.start + at] ?? '';
	return {
		paragraph: best.paragraph,
		passage: text.slice(best.start, Math.min(text.length, best.start + quote.length)),
		at,
		found,
		expected,
		hint: hintFor(found, expected, quote, at)
	};
}

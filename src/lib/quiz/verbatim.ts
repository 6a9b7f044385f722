/**
 * When a quote is not found verbatim, authors need to see where it nearly is
 * and the first place that differs: a curly quote typed straight, a dash, a
 * doubled space, a word left out or added, an ellipsis. This finds the
 * closest passage and names that difference as the mistake it is.
 */

export interface Mismatch {
	/** Index of the paragraph holding the closest passage. */
	paragraph: number;
	/** The closest passage, as the article has it. */
	passage: string;
	/** Offset in the quote of the first character that differs. */
	at: number;
	/** Offset in the paragraph of the article's character there, for showing the words around it. */
	paragraphAt: number;
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
	const mapped = LOOKALIKES[ch] ?? ch;
	const lower = mapped.toLowerCase();
	// Positions in folded text must match the original's ("İ" lower-cases to two characters).
	return lower.length === mapped.length ? lower : mapped;
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
	const named = names[ch];
	if (named) return named;
	const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
	const invisible = INVISIBLE[ch];
	if (invisible) return `an invisible ${invisible} (${code})`;
	// A combining accent sits on the letter before it: "é" typed as "e" and an accent.
	if (/\p{M}/u.test(ch)) return `a separate accent (${code}) added to the letter before it; type the accented letter as one character`;
	if (/[\p{Cf}\p{Cc}\p{Z}]/u.test(ch)) return `an invisible character (${code})`;
	return `"${ch}"`;
}

/** Characters that show as nothing, or as a plain space, named so an author can find them. */
const INVISIBLE: Record<string, string> = {
	'\u200b': 'zero-width space',
	'\u200c': 'zero-width non-joiner',
	'\u200d': 'zero-width joiner',
	'\u2060': 'word joiner',
	'\ufeff': 'byte-order mark',
	'\u00ad': 'soft hyphen',
	'\u2009': 'thin space',
	'\u202f': 'narrow non-breaking space'
};

/** What the hints call the text looked for and the text it should come from. */
export interface Names {
	copy: string;
	source: string;
	/** Where a copy must fit, said when it runs past an end. */
	rule: string;
}

/** A quote looked for in the article's paragraphs. */
export const QUOTE_IN_ARTICLE: Names = { copy: 'the quote', source: 'the article', rule: 'a quote must sit inside one paragraph' };

/** A question's related passage looked for in the article: told as what it is, not as the quote. */
export const RELATED_IN_ARTICLE: Names = {
	copy: 'the related passage',
	source: 'the article',
	rule: 'a related passage must sit inside one paragraph'
};

/** Copies looked for in the article's paragraphs, whose ends are a paragraph's. */
const inArticle = (n: Names) => n === QUOTE_IN_ARTICLE || n === RELATED_IN_ARTICLE;

/** Where the text being compared stands, for a hint that names words rather than characters. */
interface Context {
	text: string;
	/** Offset in `text` of the quote's `at`; everything before it matches the quote. */
	textAt: number;
}

function hintFor(found: string, expected: string, quote: string, at: number, n: Names, context?: Context): string {
	// Found where the doubled space starts or where it ends, by whichever search found the passage.
	if (found === ' ' && (quote[at - 1] === ' ' || quote[at + 1] === ' ')) return `${n.copy} has two spaces in a row where ${n.source} has one`;
	if (expected === '') return `${n.copy} runs past the end of ${inArticle(n) ? 'the paragraph' : n.source}; ${n.rule}`;
	if (found === '') return `${n.copy} stops here; check that nothing is missing from its end`;
	if (fold(found) === fold(expected)) {
		if (found.toLowerCase() === expected.toLowerCase()) return `letter case differs; copy the words exactly as ${n.source} writes them`;
		return `${n.copy} has ${describe(found)} where ${n.source} has ${describe(expected)}; copy the character from ${n.source}`;
	}
	const mistake = editorialHint(quote, at, n) ?? (context && wordHint(quote, at, context, n));
	if (mistake) return mistake;
	const extra = INVISIBLE[found] || /[\p{Cf}\p{Cc}]/u.test(found) ? '; delete it (it may have come with a copy from a web page)' : '';
	return `${n.copy} has ${describe(found)} where ${n.source} has ${describe(expected)}${extra}`;
}

/** An ellipsis or brackets that a writer adds when quoting: they mark a change, and a quote here changes nothing. */
function editorialHint(quote: string, at: number, n: Names): string | null {
	const rest = quote.slice(at).trimStart();
	const ellipsis = /^\[?(?:…|\.\.\.)\]?/u.exec(rest)?.[0];
	if (ellipsis) {
		if (/^[\s\p{P}]*$/u.test(rest.slice(ellipsis.length)))
			return `${n.copy} ends with an ellipsis (${ellipsis}) where ${n.source} goes on; end it where the words you copied end, without the ellipsis`;
		const verb = n === QUOTE_IN_ARTICLE ? 'quote' : 'copy';
		return (
			`${n.copy} has an ellipsis (${ellipsis}) where ${n.source} goes on; ${n.copy} cannot skip words: it must be one passage ` +
			`copied whole, so ${verb} a shorter passage instead`
		);
	}
	const brackets = /^\[[^\]]{0,40}\]/u.exec(rest)?.[0];
	if (rest.startsWith('['))
		return `${n.copy} has editorial brackets${brackets ? `, ${brackets},` : ''} that ${n.source} does not have; leave them out and copy only the words of ${n.source}`;
	return null;
}

const MAX_WORDS = 3;

/**
 * A word missing, added or changed: the difference lies in whole words, and
 * the quote and the text agree again right after them.
 */
function wordHint(quote: string, at: number, { text, textAt }: Context, n: Names): string | null {
	let start = at;
	while (start > 0 && !/\s/u.test(quote[start - 1]!)) start--;
	const textStart = textAt - (at - start);
	const before = /(\S+)\s*$/u.exec(quote.slice(0, start))?.[1];
	const where = before ? `after "${before}"` : 'at its start';
	// The rest lines up again: all of it, or enough to be no accident.
	const agrees = (q: number, t: number) => {
		const rest = quote.length - q;
		return rest > 0 && commonPrefix(quote.slice(q), text, t, true) >= Math.min(rest, ANCHOR);
	};
	/** `k` words from `from`, with the space after them; their words, and how long the run is. */
	const run = (s: string, from: number, k: number) => {
		if (k === 0) return { words: [], length: 0 };
		const found = new RegExp(`^(?:\\S+\\s+){${k}}`, 'u').exec(s.slice(from))?.[0];
		const words = found?.trim().split(/\s+/u) ?? [];
		return found && words.every((w) => /[\p{L}\p{N}]/u.test(w)) ? { words, length: found.length } : null;
	};
	const changesLetters = /[\p{L}\p{N}]/u.test(quote[at]!) && /[\p{L}\p{N}]/u.test(text[textAt] ?? '');
	// Fewest words first: one word left out is likelier than three changed.
	for (let total = 1; total <= 2 * MAX_WORDS; total++)
		for (let mine = Math.max(0, total - MAX_WORDS); mine <= Math.min(total, MAX_WORDS); mine++) {
			const theirs = total - mine;
			if (mine > 0 && theirs > 0 && !changesLetters) continue;
			const q = run(quote, start, mine);
			const t = run(text, textStart, theirs);
			if (!q || !t || !agrees(start + q.length, textStart + t.length)) continue;
			if (mine === 0) return `${named(t.words)} ${t.words.length === 1 ? 'is' : 'are'} missing ${where}; copy the words from ${n.source} as they stand`;
			if (theirs === 0)
				return `${n.copy} adds ${named(q.words)} ${where}, which ${n.source} does not have; delete ${q.words.length === 1 ? 'it' : 'them'}`;
			return `${n.copy} has "${q.words.join(' ')}" where ${n.source} has "${t.words.join(' ')}"; copy the words from ${n.source}`;
		}
	// The quote's last word, mistyped: "…cost more tahn".
	const last = /^[\p{L}\p{N}]+$/u.exec(quote.slice(start))?.[0];
	const word = /^[\p{L}\p{N}]+/u.exec(text.slice(textStart))?.[0];
	if (last && word && changesLetters) return `${n.copy} has the word "${last}" where ${n.source} has "${word}"; copy the word from ${n.source}`;
	return null;
}

const named = (words: readonly string[]) => `the word${words.length === 1 ? '' : 's'} "${words.join(' ')}"`;

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

interface Candidate {
	paragraph: number;
	/** Where in the paragraph the quote's first character would sit. */
	start: number;
	/** How much of the quote matches there, look-alikes folded. */
	folded: number;
}

/** Folded text has the same length as the original, so positions carry over. */
function foldAll(text: string): string {
	return Array.from(text, fold).join('');
}

// Every quote of a quiz is compared with the same article: fold it once.
const foldedArticles = new WeakMap<readonly string[], string[]>();

function foldedParagraphs(paragraphs: readonly string[]): string[] {
	let folded = foldedArticles.get(paragraphs);
	if (!folded) foldedArticles.set(paragraphs, (folded = paragraphs.map(foldAll)));
	return folded;
}

/** The place where the longest folded prefix of the quote matches. */
function bestPrefix(folded: readonly string[], q: string): Candidate | null {
	let best: Candidate | null = null;
	const first = q[0];
	if (first === undefined) return null;
	folded.forEach((text, paragraph) => {
		for (let start = text.indexOf(first); start >= 0; start = text.indexOf(first, start + 1)) {
			const length = commonPrefix(q, text, start, true);
			if (!best || length > best.folded) best = { paragraph, start, folded: length };
		}
	});
	return best;
}

const ANCHOR = 8;

/**
 * When the quote goes wrong near its start (a mistyped first word), the
 * prefix search finds little. This anchors on words further in, grows the
 * match backwards, and returns the place where it stops: the first difference.
 */
function bestBlock(folded: readonly string[], quote: string, q: string): { paragraph: number; start: number; from: number; length: number } | null {
	let best: { paragraph: number; start: number; from: number; length: number } | null = null;
	const anchors = [...quote.matchAll(/(?<=^|\s)\S/gu)].map((m) => m.index).slice(0, 40);
	for (const a of anchors) {
		if (a + ANCHOR > q.length) break;
		const needle = q.slice(a, a + ANCHOR);
		folded.forEach((text, paragraph) => {
			for (let p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1)) {
				let back = 0;
				while (a - back > 0 && p - back > 0 && q[a - back - 1] === text[p - back - 1]) back++;
				let fwd = ANCHOR;
				while (a + fwd < q.length && p + fwd < text.length && q[a + fwd] === text[p + fwd]) fwd++;
				const length = back + fwd;
				if (!best || length > best.length) best = { paragraph, start: p - back, from: a - back, length };
			}
		});
	}
	return best;
}

/**
 * The closest passage to `quote` in the paragraphs and the first difference.
 * Returns null when the quote is in the article verbatim. `names` words the
 * hint for another pair, such as a cue looked for in its quote.
 */
export function findMismatch(paragraphs: readonly string[], quote: string, names: Names = QUOTE_IN_ARTICLE): Mismatch | null {
	if (paragraphs.some((p) => p.includes(quote))) return null;
	// Rank candidate starts by how much of the quote matches when look-alike
	// characters are folded together, then report the first exact difference.
	const folded = foldedParagraphs(paragraphs);
	const q = foldAll(quote);
	const prefix = bestPrefix(folded, q);
	const block = bestBlock(folded, quote, q);
	// The quote's start is found: the first difference is where that match ends, whatever matches again after it
	// (two letters swapped, a word changed). Only a start that is not found is placed from a block further on.
	if (block && block.from > 0 && (prefix?.folded ?? 0) < ANCHOR && block.length > (prefix?.folded ?? 0) + ANCHOR) {
		// The quote goes wrong just before the matching block: report that character.
		const text = paragraphs[block.paragraph]!;
		const at = block.from - 1;
		const passageStart = Math.max(0, block.start - block.from);
		const found = quote[at]!;
		const expected = block.start > 0 ? text[block.start - 1]! : '';
		return {
			paragraph: block.paragraph,
			passage: text.slice(passageStart, Math.min(text.length, passageStart + quote.length)),
			at,
			paragraphAt: Math.max(0, block.start - 1),
			found,
			expected,
			hint:
				expected === ''
					? `${names.copy} starts before ${inArticle(names) ? 'the paragraph' : names.source} does; ${names.rule}`
					: hintFor(found, expected, quote, at, names)
		};
	}
	// A few matching letters are chance, not a near miss worth pointing at.
	if (!prefix || (prefix.folded < Math.min(ANCHOR, quote.length) && !block)) {
		return {
			paragraph: 0,
			passage: '',
			at: 0,
			paragraphAt: 0,
			found: quote[0] ?? '',
			expected: '',
			hint: `no passage of ${names.source} looks like ${names.copy}; copy it from ${names.source}`
		};
	}
	const text = paragraphs[prefix.paragraph]!;
	const at = commonPrefix(quote, text, prefix.start, true);
	const found = quote[at] ?? '';
	const expected = text[prefix.start + at] ?? '';
	let hint = hintFor(found, expected, quote, at, names, { text, textAt: prefix.start + at });
	const next = paragraphs[prefix.paragraph + 1];
	const rest = quote.slice(at).trimStart();
	if (expected === '' && next !== undefined && rest && fold(next[0] ?? '') === fold(rest[0]!) && commonPrefix(rest, next, 0, false) >= Math.min(rest.length, 3))
		hint = `${names.copy} runs on from paragraph ${prefix.paragraph + 1} into paragraph ${prefix.paragraph + 2}; ${names.rule}, so ${names === RELATED_IN_ARTICLE ? 'split it into two related passages' : 'split it into two questions'} or shorten it`;
	return {
		paragraph: prefix.paragraph,
		passage: text.slice(prefix.start, Math.min(text.length, prefix.start + quote.length)),
		at,
		paragraphAt: prefix.start + at,
		found,
		expected,
		hint
	};
}

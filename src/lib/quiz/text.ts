/**
 * Text positions shared by validation, grading and the article view.
 * Offsets are UTF-16 indices into a JavaScript string, end exclusive.
 */

export interface Span {
	start: number;
	end: number;
}

export interface Token extends Span {
	text: string;
}

/** Where a quote sits in the article: which paragraph, and where in it. */
export interface Location extends Span {
	paragraph: number;
}

// A word is a run of letters or digits, with inner apostrophes, hyphens and
// dots kept ("president’s", "attorney-general", "U.S.", "Ph.D", "2.5").
const WORD = /[\p{L}\p{N}]+(?:['’.\-–][\p{L}\p{N}]+)*/gu;
// A dot right after a word of three letters or more is a sentence's end with
// its space missing, as news copy has it ("blocked.According", "Wednesday.A"):
// the words on either side are marked apart.
const RUN_ON = /(?<=\p{L}{3})\.(?=[\p{L}\p{N}])/gu;

function words(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(WORD)) {
		let from = 0;
		for (const dot of m[0].matchAll(RUN_ON)) {
			out.push({ text: m[0].slice(from, dot.index), start: m.index + from, end: m.index + dot.index });
			from = dot.index + 1;
		}
		out.push({ text: m[0].slice(from), start: m.index + from, end: m.index + m[0].length });
	}
	return out;
}

// A quiz's quotes are few and asked about again and again (every answer a
// server grades tokenizes its quote), so their words are kept; a bound keeps
// arbitrary text (the preview page, say) from growing it without end.
const tokenized = new Map<string, readonly Token[]>();
const TOKENIZED_MAX = 2_000;

/** Splits a quote into the words a student can mark as cue words. */
export function tokenize(text: string): readonly Token[] {
	let tokens = tokenized.get(text);
	if (!tokens) {
		tokens = Object.freeze(words(text).map((t) => Object.freeze(t)));
		if (tokenized.size >= TOKENIZED_MAX) tokenized.clear();
		tokenized.set(text, tokens);
	}
	return tokens;
}

/** Indices of the tokens that overlap any of the spans. */
export function tokensIn(tokens: readonly Token[], spans: readonly Span[]): number[] {
	const picked: number[] = [];
	tokens.forEach((token, i) => {
		if (spans.some((s) => token.start < s.end && s.start < token.end)) picked.push(i);
	});
	return picked;
}

/** The first place a quote stands, verbatim, inside one paragraph. */
export function locate(paragraphs: readonly string[], quote: string): Location | null {
	for (let p = 0; p < paragraphs.length; p++) {
		const start = paragraphs[p]!.indexOf(quote);
		if (start >= 0) return { paragraph: p, start, end: start + quote.length };
	}
	return null;
}

/**
 * The next place a quote stands after the one `locate` finds, if it stands
 * anywhere else: a place students never see lit up.
 */
export function locateAgain(paragraphs: readonly string[], quote: string): Location | null {
	const first = locate(paragraphs, quote);
	if (!first || !quote) return null;
	const again = paragraphs[first.paragraph]!.indexOf(quote, first.start + 1);
	if (again >= 0) return { paragraph: first.paragraph, start: again, end: again + quote.length };
	const later = locate(paragraphs.slice(first.paragraph + 1), quote);
	return later ? { ...later, paragraph: first.paragraph + 1 + later.paragraph } : null;
}

/** Where a quote stands in one article, as `locator` answers it. */
export type Locate = (quote: string) => Location | null;

/** Joins the paragraphs for `locator`: a quote holding it is looked for paragraph by paragraph instead. */
const BETWEEN = '\u0000';

/**
 * `locate` for many quotes in one article: the paragraphs are joined once and
 * each quote found in one search of the whole, where `locate` searches each
 * paragraph in turn. A quiz of 1,000 questions is checked with thousands of
 * such look-ups.
 */
export function locator(paragraphs: readonly string[]): Locate {
	const joined = paragraphs.join(BETWEEN);
	const starts: number[] = [];
	for (let p = 0, at = 0; p < paragraphs.length; at += paragraphs[p]!.length + 1, p++) starts.push(at);
	return (quote) => {
		if (!paragraphs.length) return null;
		if (quote.includes(BETWEEN)) return locate(paragraphs, quote);
		const found = joined.indexOf(quote);
		if (found < 0) return null;
		// The last paragraph that starts at or before the match holds all of it.
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid]! <= found) low = mid;
			else high = mid - 1;
		}
		const start = found - starts[low]!;
		return { paragraph: low, start, end: start + quote.length };
	};
}

/** Whether [start, end) begins and ends between words: no word of `text` is cut by either edge. */
function onWordEdges(tokens: readonly Token[], start: number, end: number): boolean {
	return !tokens.some((t) => (t.start < start && start < t.end) || (t.start < end && end < t.end));
}

/**
 * Where a phrase first stands in `text` as whole words ("sources" in "as
 * sources said", not inside "resources"), or null where it never does.
 */
export function wholeWordsAt(text: string, phrase: string): Span | null {
	const tokens = tokenize(text);
	for (let start = text.indexOf(phrase); start >= 0 && phrase; start = text.indexOf(phrase, start + 1)) {
		const end = start + phrase.length;
		if (onWordEdges(tokens, start, end)) return { start, end };
	}
	return null;
}

/** The span of each phrase inside `text` (its first place as whole words), or null where it has none. */
export function spansOf(text: string, phrases: readonly string[]): (Span | null)[] {
	return phrases.map((phrase) => wholeWordsAt(text, phrase));
}

export interface Segment {
	text: string;
	/** The names of every highlight that covers this run of text. */
	marks: string[];
}

/**
 * Cuts a paragraph into runs so that each run is covered by the same set of
 * highlights, which lets a view wrap each run once without nesting tags.
 */
export function segment(
	text: string,
	highlights: readonly (Span & { mark: string })[]
): Segment[] {
	const cuts = new Set([0, text.length]);
	for (const h of highlights) {
		cuts.add(Math.max(0, Math.min(text.length, h.start)));
		cuts.add(Math.max(0, Math.min(text.length, h.end)));
	}
	const points = [...cuts].sort((a, b) => a - b);
	const segments: Segment[] = [];
	for (let i = 0; i < points.length - 1; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		if (start === end) continue;
		const marks = highlights.filter((h) => h.start <= start && end <= h.end).map((h) => h.mark);
		const last = segments.at(-1);
		if (last && sameMarks(last.marks, marks)) last.text += text.slice(start, end);
		else segments.push({ text: text.slice(start, end), marks });
	}
	return segments;
}

function sameMarks(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** Words in a text, for reading-time estimates. */
export function wordCount(text: string): number {
	return tokenize(text).length;
}

/** "a, b and c", or with "or" */
export function wordList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** “a”, “b” and “c” */
export function quoteList(items: readonly string[]): string {
	return wordList(items.map((t) => `“${t}”`));
}

/** A text ended as a sentence: a full stop added unless it already ends with one (an option "No: a non-answer."; a name, isolated, "Yara M."). */
export function sentence(text: string): string {
	return /[.!?…]["”’)]?\u2069?$/.test(text) ? text : `${text}.`;
}

/**
 * `text` set apart from the sentence around it for the bidi algorithm, between
 * U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: for a name in a
 * message built as a string, or a page title, where no <bdi> can go. A
 * right-to-left name, or one ending in a full stop or in digits ("דנה ר.",
 * "علی 2"), then keeps its own order and leaves the sentence's alone. The marks
 * show nothing and screen readers skip them; names are stored without them.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}

/** "1 minute", "3 minutes", "1 claim is", "2 claims are". */
export function plural(n: number, word: string, words = `${word}s`): string {
	return `${n} ${n === 1 ? word : words}`;
}

/** Scripts written right to left (ISO 15924), among those a quiz's language may use. */
const RIGHT_TO_LEFT = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** Each tag's direction once worked out: a few tags at most (one per quiz), each looked up on every page. */
const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * Which way a language's text runs, from its tag ("ar", "he", "fa", "az-Arab"): the
 * script the tag names, or the one Unicode's likely-subtags data gives it. A
 * quiz's article and claims are laid out that way.
 */
export function textDirection(language: string): 'ltr' | 'rtl' {
	let direction = directions.get(language);
	if (direction) return direction;
	try {
		direction = RIGHT_TO_LEFT.has(new Intl.Locale(language).maximize().script ?? '') ? 'rtl' : 'ltr';
	} catch {
		direction = 'ltr';
	}
	// new Intl.Locale(…).maximize() took about 2% of a warm quiz page's time. Bounded, in case tags typed by a user ever come here.
	if (directions.size < 64) directions.set(language, direction);
	return direction;
}


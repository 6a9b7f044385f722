/**
 * Paragraphs and sentences. Sentence ends come from Intl.Segmenter, which
 * handles closing quotes (“…necessary.” She…) but not abbreviations, so a
 * split after "Mr." or "U.S." is joined back using the lexicon's lists.
 */
import type { Lexicon } from './lexicon/types.ts';

export interface Span {
	start: number;
	end: number;
}

/** A line that ends where a sentence or a list's lead-in could: the break after it may be the writer's. */
const ENDS_SENTENCE = /[.!?…:;]["”’)\]]*$/u;

/** Most of a block's line breaks fall mid-sentence: the lines were wrapped at a width, not broken by the writer. */
function isWrapped(block: readonly string[]): boolean {
	const breaks = block.slice(0, -1);
	return breaks.filter((line) => !ENDS_SENTENCE.test(line)).length * 2 >= breaks.length;
}

/** A wrapped block's lines as one paragraph; a word hyphenated across a break ("well-\nknown") keeps no space. */
function joinWrapped(block: readonly string[]): string {
	return block.reduce((joined, line) =>
		/\p{L}-$/u.test(joined) && /^\p{Ll}/u.test(line) ? joined + line : `${joined} ${line}`
	);
}

/**
 * The article's paragraphs: usually one a line, blank lines and surrounding
 * spaces dropped. A text from an e-mail or a PDF has a blank line between
 * paragraphs and its lines wrapped at a width inside them: there, a block
 * between blank lines whose breaks mostly fall mid-sentence is one paragraph,
 * its lines joined with a space. The draft's command line and page both read
 * an article through here.
 */
export function splitParagraphs(text: string): string[] {
	const blocks: string[][] = [[]];
	for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
		const line = raw.trim();
		if (line) blocks.at(-1)!.push(line);
		else if (blocks.at(-1)!.length) blocks.push([]);
	}
	const filled = blocks.filter((b) => b.length > 0);
	// With no blank line between blocks, every line is the writer's own paragraph.
	if (filled.length < 2) return filled.flat();
	return filled.flatMap((block) => (block.length > 1 && isWrapped(block) ? [joinWrapped(block)] : block));
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
	let segmenter = segmenters.get(language);
	if (!segmenter) {
		segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
		segmenters.set(language, segmenter);
	}
	return segmenter;
}

const LEADING_PUNCTUATION = /^[(“"‘'[]+/u;
const INITIALS = /^(?:\p{L}\.){2,}$/u;
const INITIAL = /^\p{Lu}\.$/u;

function continuesSentence(before: string, after: string, lexicon: Lexicon): boolean {
	const next = after.trimStart();
	// The segmenter also breaks after ?/! inside a quote that the sentence goes on past: “Why?” she asked.
	if (/^[\p{Ll}\p{N}]/u.test(next)) return true;
	const last = (/\S+$/u.exec(before.trimEnd())?.[0] ?? '').replace(LEADING_PUNCTUATION, '');
	if (lexicon.sentences.titles.includes(last)) return true;
	const abbreviation =
		lexicon.sentences.abbreviations.includes(last) || INITIALS.test(last) || INITIAL.test(last);
	if (!abbreviation) return false;
	const firstWord = /^[\p{L}]+/u.exec(next.replace(LEADING_PUNCTUATION, ''))?.[0] ?? '';
	return !lexicon.sentences.openers.includes(firstWord);
}

/** The sentences of one paragraph, as trimmed spans. */
export function splitSentences(paragraph: string, lexicon: Lexicon): Span[] {
	const spans: Span[] = [];
	for (const { index, segment } of segmenterFor(lexicon.language).segment(paragraph)) {
		const last = spans.at(-1);
		const span = { start: index, end: index + segment.length };
		if (last && continuesSentence(paragraph.slice(last.start, last.end), segment, lexicon)) last.end = span.end;
		else spans.push(span);
	}
	return spans
		.map((s) => withoutBullet(paragraph, trimSpan(paragraph, s)))
		.filter((s) => s.end > s.start && !MARKER_ONLY.test(paragraph.slice(s.start, s.end)));
}

/** A list item's marker ("- ", "• ", "* ", "1. ") is not part of what it says. */
const BULLET = /^(?:[-–—•*·▪‣]|\d{1,2}[.)])\s+/u;
/** "2." alone: the segmenter ends a sentence after a list number. */
const MARKER_ONLY = /^(?:[-–—•*·▪‣]|\d{1,2}[.)])$/u;

function withoutBullet(paragraph: string, span: Span): Span {
	const marker = BULLET.exec(paragraph.slice(span.start, span.end))?.[0];
	return marker ? { start: span.start + marker.length, end: span.end } : span;
}

export function trimSpan(text: string, span: Span, trailing = /\s+$/u): Span {
	const piece = text.slice(span.start, span.end);
	const lead = piece.length - piece.trimStart().length;
	const kept = piece.slice(lead).replace(trailing, '');
	return { start: span.start + lead, end: span.start + lead + kept.length };
}

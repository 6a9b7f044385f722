/**
 * Splits a sentence into the claims it carries. A break needs a joining word
 * AND a fresh clause after it (a subject and a verb), so ", and said it…"
 * stays with its speaker while ", and he ducked it…" becomes a claim of its own.
 */
import type { Lexicon } from './lexicon/types.ts';
import { compile, type CompiledLexicon } from './patterns.ts';
import { trimSpan, type Span } from './sentences.ts';

export interface ClaimSpan extends Span {
	kind: 'clause' | 'aside';
	/** A clause that hangs on the one before it ("…, which…", "when he…"), so it shares its source. */
	dependent: boolean;
}

interface Break {
	/** Where the claim before the break ends. */
	end: number;
	/** Where the claim after it starts. */
	start: number;
	/** The claim after it is a subordinate or relative clause of the claim before it. */
	dependent: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MIN_ASIDE_WORDS = 3;
const MIN_CLAIM_WORDS = 2;

function words(text: string): number {
	return text.match(WORD)?.length ?? 0;
}

interface Aside extends Span {
	/** The aside with its dashes or brackets: no break is looked for in here. */
	outer: Span;
}

/**
 * The quoted speech of a sentence, as spans from an opening mark to its closing
 * one; a quotation left open runs to the sentence's end. Curly marks say which
 * way they face; straight ones take turns.
 */
function quotations(sentence: string): Span[] {
	const spans: Span[] = [];
	let open: number | null = null;
	for (const m of sentence.matchAll(/[“”"]/gu)) {
		const opens = m[0] === '“' || (m[0] === '"' && open === null);
		if (opens && open === null) open = m.index;
		else if (!opens && open !== null) {
			spans.push({ start: open, end: m.index + 1 });
			open = null;
		}
	}
	if (open !== null) spans.push({ start: open, end: sentence.length });
	return spans;
}

function findAsides(sentence: string): Aside[] {
	const asides: Aside[] = [];
	// Dashes pair up within the same stretch of speech or narration, never across a closing quotation mark.
	const speech = quotations(sentence);
	const groups = new Map<number, RegExpExecArray[]>();
	for (const dash of sentence.matchAll(/\s[–—]\s|\s-\s/gu)) {
		const where = speech.findIndex((q) => q.start < dash.index && dash.index < q.end);
		groups.set(where, [...(groups.get(where) ?? []), dash]);
	}
	for (const [where, dashes] of groups)
		for (let i = 0; i < dashes.length; i += 2) {
			const open = dashes[i]!;
			const close = dashes[i + 1];
			// A lone dash in quoted speech is a pause in what is said ("late — and nobody told us"), not an aside.
			if (!close && where >= 0) continue;
			const start = open.index + open[0].length;
			// A lone dash sets off the rest of the sentence: "…will close – a blow to the town."
			const closing = /[.!?…]*["”’)]*$/u.exec(sentence)?.[0].length ?? 0;
			const end = close ? close.index : sentence.length - closing;
			const outer = { start: open.index, end: close ? close.index + close[0].length : sentence.length };
			asides.push({ ...trimSpan(sentence, { start, end }), outer });
		}
	for (const m of sentence.matchAll(/\(([^()]+)\)/gu)) {
		const outer = { start: m.index, end: m.index + m[0].length };
		asides.push({ ...trimSpan(sentence, { start: outer.start + 1, end: outer.end - 1 }), outer });
	}
	return asides.filter((a) => words(sentence.slice(a.start, a.end)) >= MIN_ASIDE_WORDS);
}

function previousWords(sentence: string, at: number, count: number): string[] {
	return (sentence.slice(0, at).match(/[\p{L}’'-]+/gu) ?? []).slice(-count);
}

function findBreaks(sentence: string, c: CompiledLexicon): Break[] {
	const breaks: Break[] = [];
	const after = (m: RegExpMatchArray) => sentence.slice(m.index! + m[0].length);
	const wordStart = (m: RegExpMatchArray) => m.index! + m[0].lastIndexOf(m[1]!);
	const end = (m: RegExpMatchArray) => m.index! + m[0].length;

	for (const m of sentence.matchAll(/;\s+/gu)) breaks.push({ end: m.index, start: end(m), dependent: false });
	for (const m of sentence.matchAll(c.coordinator))
		if (c.clauseStart.test(after(m))) breaks.push({ end: m.index, start: end(m), dependent: false });
	for (const m of sentence.matchAll(c.bareCoordinator))
		if (sentence[m.index - 1] !== ',' && c.pronounClause.test(after(m)))
			breaks.push({ end: m.index, start: end(m), dependent: false });
	for (const m of sentence.matchAll(c.relative)) breaks.push({ end: m.index, start: wordStart(m), dependent: true });
	// "has not said when the work will start": after a verb of saying or knowing, "when" opens what is (not) said.
	for (const m of sentence.matchAll(c.subordinator)) {
		const before = previousWords(sentence, m.index, 1)[0]?.toLowerCase() ?? '';
		// "Students who drank FocusFizz before a test scored…": inside the subject's own clause, no comma yet.
		const head = sentence.slice(0, m.index);
		const inSubject = c.subjectRelative.test(head) && !head.includes(',');
		if (c.clauseStart.test(after(m)) && !c.complementTaker.test(before) && !inSubject)
			breaks.push({ end: m.index, start: wordStart(m), dependent: true });
	}
	for (const m of sentence.matchAll(c.eventLink)) {
		const next = /^[\p{L}]+/u.exec(after(m))?.[0] ?? '';
		const before = previousWords(sentence, m.index, 1)[0]?.toLowerCase();
		if (c.determiner.test(next) && !(before && c.determiner.test(before)))
			breaks.push({ end: m.index, start: wordStart(m), dependent: true });
	}
	// "an executive order that the president signed": a public act inside a noun phrase.
	for (const m of sentence.matchAll(c.restrictive)) {
		const before = previousWords(sentence, m.index, 3);
		const last = before.at(-1)?.toLowerCase() ?? '';
		const nounPhrase = before.slice(0, -1).some((w) => c.determiner.test(w.toLowerCase()));
		if (nounPhrase && !c.complementTaker.test(last) && c.publicActClause.test(after(m)))
			breaks.push({ end: m.index, start: wordStart(m), dependent: true });
	}
	// "Even though Sessions was handpicked by Trump, the former drew…": the opening clause ends at its comma.
	const lead = /^["“‘']?/u.exec(sentence)![0].length;
	const opening = c.leadingSubordinator.exec(sentence.slice(lead));
	if (opening) {
		const comma = sentence.indexOf(', ', lead);
		if (comma > 0 && c.clauseStart.test(sentence.slice(lead + opening[0].length)))
			breaks.push({ end: comma, start: comma + 2, dependent: false });
	}
	return breaks;
}

/** The claims of one sentence, as spans into it, in reading order. */
export function splitClaims(sentence: string, lexicon: Lexicon): ClaimSpan[] {
	const c = compile(lexicon);
	const asides = findAsides(sentence);
	const inAside = (at: number) => asides.some((a) => a.outer.start <= at && at < a.outer.end);
	const breaks = findBreaks(sentence, c)
		.filter((b) => !inAside(b.end) && !inAside(b.start))
		.sort((a, b) => a.end - b.end);

	const clauses: (Span & { dependent: boolean })[] = [];
	let start = 0;
	let dependent = false;
	for (const b of breaks) {
		if (b.end <= start) continue;
		const piece = trimSpan(sentence, { start, end: b.end }, /[\s,;:–—-]+$/u);
		const next = sentence.slice(b.start);
		// A break that leaves a one-word scrap on either side is no real second claim.
		if (words(sentence.slice(piece.start, piece.end)) < MIN_CLAIM_WORDS || words(next) < MIN_CLAIM_WORDS) continue;
		clauses.push({ ...piece, dependent });
		start = b.start;
		dependent = b.dependent;
	}
	clauses.push({ ...trimSpan(sentence, { start, end: sentence.length }), dependent });

	const claims: ClaimSpan[] = [
		...clauses
			.filter((s) => words(sentence.slice(s.start, s.end)) > 0)
			.map((s) => ({ ...s, kind: 'clause' as const })),
		...asides.map((a) => ({ start: a.start, end: a.end, kind: 'aside' as const, dependent: false }))
	];
	return claims.sort((a, b) => a.start - b.start || b.end - a.end);
}

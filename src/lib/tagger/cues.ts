/** Finds the attribution cues of a sentence. */
import type { CueFamily, Lexicon } from './lexicon/types.ts';
import { compile } from './patterns.ts';
import type { Span } from './sentences.ts';

export interface CueMatch extends Span {
	family: CueFamily;
	/** The family's position in the lexicon, for breaking ties. */
	order: number;
}

const stronger = (a: CueMatch, b: CueMatch) => b.family.weight - a.family.weight || a.order - b.order;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Every cue in the sentence, in reading order. Where cues of different
 * categories claim the same words ("The Times said" is an outlet, not a person
 * named Times), only the stronger one is kept.
 */
export function findCues(sentence: string, lexicon: Lexicon): CueMatch[] {
	const found: CueMatch[] = [];
	for (const { family, order, regex } of compile(lexicon).families)
		for (const m of sentence.matchAll(regex))
			if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, family, order });
	const kept: CueMatch[] = [];
	for (const cue of found.sort(stronger))
		if (!kept.some((k) => k.family.category !== cue.family.category && overlaps(k, cue))) kept.push(cue);
	return kept.sort((a, b) => a.start - b.start);
}

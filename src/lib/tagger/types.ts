import type { RuleId } from './lexicon/types.ts';

export type { CueFamily, Lexicon, RuleId } from './lexicon/types.ts';

/**
 * A verbatim piece of the input: `text === paragraphs[paragraph].slice(start, end)`.
 * Offsets are UTF-16 indices into the paragraph, end exclusive, as in quiz/text.ts.
 */
export interface Passage {
	paragraph: number;
	start: number;
	end: number;
	text: string;
}

/** Why a claim got its label: a cue family's rule, or one of the two fallbacks. */
export type ClaimRule =
	| RuleId
	/** No attribution, but it reports private thoughts or talks right after a claim with an anonymous source. */
	| 'continuation'
	/** No attribution and nothing private: a plain statement of events, to be checked. */
	| 'unattributed';

export interface Claim extends Passage {
	/** Index into `Tagging.sentences`. */
	sentence: number;
	/** An aside sits inside a clause claim, between dashes or brackets; the clause's text includes it. */
	kind: 'clause' | 'aside';
	/** The suggested category id. */
	category: string;
	rule: ClaimRule;
	/**
	 * The words that suggest the category, or null when none do, or only words
	 * that say nothing of the source do (a date: see CueFamily.notSourceWords). Usually inside
	 * the claim; for an attribution that frames the whole sentence ("…, the
	 * stories report.") it may sit in a neighbouring claim of the same sentence.
	 */
	cue: Passage | null;
	/** 0..1: how sure the suggestion is; low values deserve an author's first look. */
	confidence: number;
}

export interface Tagging {
	/** The paragraphs the offsets refer to, as splitParagraphs reads them: usually the input's non-empty lines, trimmed. */
	paragraphs: string[];
	sentences: Passage[];
	/** In reading order; an aside follows the clause that holds it. */
	claims: Claim[];
}

/**
 * What the tagger knows about one language, kept as data so that a phrase can
 * be added without touching code, and another language added as one file.
 *
 * Patterns are written in a small extension of regular-expression syntax:
 * - a space matches any run of whitespace;
 * - a lower-case letter that starts a word also matches its capital, so
 *   "according to" matches "According to"; upper-case letters match exactly;
 * - ' matches straight and curly apostrophes, " straight and curly quotes,
 *   and – any dash between spaces;
 * - {class} stands for any entry of `classes[class]` (itself a pattern);
 * - {Name} stands for a capitalised name such as "Mayor Jo Park", never one
 *   of the words in `classes.notName`.
 * Every pattern is matched as whole words.
 */

/** Why a claim got its label; shown to authors next to each suggestion. */
export type RuleId =
	| 'non-answer'
	| 'unnamed-source'
	| 'hedge'
	| 'second-hand'
	| 'named-speaker'
	| 'role-speaker'
	| 'public-record'
	| 'public-act'
	| 'private-state';

export interface CueFamily {
	rule: RuleId;
	/** The category id this family suggests; one of the quiz's category ids. */
	category: string;
	/** How strongly a match suggests the category, 0..1. The strongest cue of a claim wins. */
	weight: number;
	/**
	 * true when the phrase names who is speaking for the whole sentence: opening
	 * it ("According to X, …") or closing it ("…, X said."), it covers every claim
	 * of the sentence that has no stronger cue of its own.
	 */
	framesSentence?: boolean;
	/**
	 * true for words that make the category likelier without saying where the
	 * claim comes from, such as a date ("by May 1"). They count like any cue,
	 * but are never offered as the claim's cue: the guide says a date is not one.
	 */
	notSourceWords?: boolean;
	/**
	 * true when the family's own words of six letters or more also match with
	 * one typo after their first letter ("a person familar with"). Words from
	 * classes stay exact.
	 */
	toleratesTypos?: boolean;
	patterns: readonly string[];
}

export interface Lexicon {
	/** BCP 47 tag, used for sentence segmentation and as the draft quiz's language. */
	language: string;
	/** The category of a claim no cue speaks for: a plain statement of events, which a reader could check. */
	fallbackCategory: string;
	/** Word lists that patterns use as {class}. */
	classes: Readonly<Record<string, readonly string[]>>;
	/** Ordered from the most to the least decisive: on equal weight the earlier family wins. */
	cues: readonly CueFamily[];
	sentences: {
		/** Abbreviations that never end a sentence ("Mr.", "Gov."). */
		titles: readonly string[];
		/** Abbreviations that end a sentence only when a typical sentence opener follows ("U.S.", "Inc."). */
		abbreviations: readonly string[];
		/** Words that typically open a sentence, e.g. "The", "He". */
		openers: readonly string[];
	};
	clauses: {
		/** Coordinators that start a new claim when a subject and verb follow: ", and he said". */
		coordinators: readonly string[];
		/** Words opening a subordinate clause that is a claim of its own: "when he made…". */
		subordinators: readonly string[];
		/** Adverbs that lean on a subordinator and go with its clause: "shortly after he was…". */
		subordinatorAdverbs: readonly string[];
		/** Non-restrictive relatives after a comma that start a claim: ", which courts have blocked". */
		relatives: readonly string[];
		/** Prepositions that tie on a separate event: "following his firing of…". */
		eventLinks: readonly string[];
		/**
		 * Relatives that open a subject's own clause: "Students who drank it before a test scored…". Until the
		 * main verb, a subordinator there is a phrase of that clause ("before a test"), not a claim of its own.
		 */
		subjectRelatives: readonly string[];
		/** Pronouns that can be a clause's subject. */
		pronouns: readonly string[];
		/** Determiners and possessives that open a noun phrase. */
		determiners: readonly string[];
		/** Finite auxiliaries and common irregular past forms, to recognise a verb. */
		finiteVerbs: readonly string[];
		/** Regular-expression source for any regular finite verb: `\p{Ll}+ed` in English. */
		regularVerb: string;
		/** Regular-expression source for a bare plural noun that can be a subject ("stories swirled"). */
		pluralNoun: string;
		/** Verbs and adjectives whose "that" opens what was said or felt, not a new claim. */
		complementTakers: readonly string[];
		/** Relatives with no comma that may open a claim: "an order that the president signed". */
		restrictiveRelatives: readonly string[];
		/** Public-act verbs whose relative clause is a claim of its own: "an order that the president signed". */
		publicActVerbs: readonly string[];
	};
}

/**
 * The attribution tagger: pure TypeScript with no zod and no I/O, so an
 * authoring page can load it cheaply. The labelled corpus and the accuracy
 * measure live in ./corpus and ./accuracy.ts and are not part of this entry.
 */
export { tagArticle } from './tagger.ts';
export { splitParagraphs, splitSentences } from './sentences.ts';
export { splitClaims, type ClaimSpan } from './clauses.ts';
export { findCues, type CueMatch } from './cues.ts';
export { en } from './lexicon/en.ts';
export { RULE_DESCRIPTIONS } from './rules.ts';
export {
	draftQuiz,
	looksLikeHeadline,
	DraftError,
	DRAFT_LIMITS,
	type Draft,
	type DraftCategory,
	type DraftOptions,
	type DraftQuiz
} from './draft.ts';
export type { Claim, ClaimRule, CueFamily, Lexicon, Passage, RuleId, Tagging } from './types.ts';

/**
 * Size limits of quiz format v1, named in the messages an author sees when one
 * is passed. Apart from schema.ts so pages that must not load zod (the draft
 * page, the tagger) read the same numbers.
 */
export const LIMITS = {
	/** The whole file, in characters; a quiz of 1,000 questions is well under it. */
	fileChars: 5_000_000,
	idChars: 64,
	titleChars: 120,
	summaryChars: 300,
	headlineChars: 300,
	outletChars: 100,
	noteChars: 300,
	paragraphs: 200,
	paragraphChars: 5_000,
	articleChars: 60_000,
	/** The fewest labels a quiz may have: one label is no choice. */
	minCategories: 2,
	categories: 8,
	labelChars: 40,
	definitionChars: 200,
	questions: 1_000,
	quoteChars: 1_000,
	promptChars: 300,
	cues: 10,
	cueChars: 200,
	options: 6,
	optionChars: 300,
	/** Claims in one order question; 3 is the least, for a ranking to have a middle. */
	orderItems: 5,
	explanationChars: 1_200,
	whyNotChars: 600,
	related: 5
} as const;

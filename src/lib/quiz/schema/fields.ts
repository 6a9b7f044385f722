/**
 * The building blocks of quiz format v1: ids, texts and the fields several
 * question types share, each with the message an author reads when it is wrong.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';

// Ids become object keys (whyNot) and are looked up by key; these would meet
// Object.prototype's own properties instead.
const RESERVED_IDS = new Set(['constructor', 'prototype']);

export const id = (what: string) =>
	z
		.string({ error: `${what} must be a text id such as "fact" or "q1"` })
		.max(LIMITS.idChars, { error: `${what} is too long (limit ${LIMITS.idChars} characters)` })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: `${what} may use only lower-case letters, digits and single hyphens, like "non-answer" or "q12"`
		})
		.refine((value) => !RESERVED_IDS.has(value), {
			error: `${what} may not be "constructor" or "prototype"; choose another word`
		});

export const text = (what: string, max: number) =>
	z
		.string({ error: `${what} must be text in double quotes` })
		.trim()
		.min(1, { error: `${what} is empty` })
		.max(max, { error: `${what} is too long (limit ${max} characters)` });

export const questionId = id('A question id').meta({
	description: 'A short id, unique in this quiz; saved progress refers to it.',
	examples: ['q1', 'spicer-dodge']
});

export const quote = text('The quote', LIMITS.quoteChars).describe(
	`The claim, copied character for character from one paragraph of the article (up to ${LIMITS.quoteChars} characters).`
);

const cueList = z
	.array(text('A cue', LIMITS.cueChars), { error: 'cues must be a list of texts: ["reportedly"]' })
	.max(LIMITS.cues, { error: `Too many cues (limit ${LIMITS.cues})` });

export const cues = cueList.min(1, { error: 'List at least one cue: the words that signal the source' }).meta({
	description: `The words inside the quote that signal where the claim comes from (up to ${LIMITS.cues}).`,
	examples: [['according to two people familiar with the talks']]
});

/** A claim may have no source word at all; then the missing source is the lesson, and there is nothing to mark. */
export const classifyCues = cueList.meta({
	description: `The words inside the quote that signal where the claim comes from (up to ${LIMITS.cues}); [] when the sentence has none, which the explanation should then say.`,
	examples: [['according to two people familiar with the talks'], []]
});

export const explanation = text('The explanation', LIMITS.explanationChars).describe(
	`Why the right answer is right, in 2-4 plain sentences that name the cue (up to ${LIMITS.explanationChars} characters).`
);

export const whyNotText = text('A why-not text', LIMITS.whyNotChars).describe(
	`Why a student might pick this and why it is wrong (up to ${LIMITS.whyNotChars} characters).`
);

export const prompt = text('The prompt', LIMITS.promptChars);

export const related = z
	.array(text('A related passage', LIMITS.quoteChars), { error: 'related must be a list of texts' })
	.max(LIMITS.related, { error: `Too many related passages (limit ${LIMITS.related})` })
	.optional()
	.describe(
		`Other passages of the article that the feedback points to; lit up after answering (up to ${LIMITS.related}).`
	);

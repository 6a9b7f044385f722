/**
 * The shape of a quiz file: which fields each part holds, their limits, and
 * the descriptions editors show. Checks between fields live in cross-checks.ts.
 */
import { z } from 'zod';
import { DEFAULT_CATEGORIES } from '../categories.ts';
import { LIMITS } from '../limits.ts';
import { wordList } from '../text.ts';
import { classifyCues, cues, explanation, id, prompt, questionId, quote, related, text, whyNotText } from './fields.ts';

export const CategorySchema = z
	.strictObject({
		id: id('A category id').meta({
			description: 'A short id that answers and whyNot texts refer to.',
			examples: ['fact', 'anonymous', 'non-answer', 'named-claim']
		}),
		label: text('A category label', LIMITS.labelChars).meta({
			description: `What students see on the answer button (up to ${LIMITS.labelChars} characters).`,
			examples: ['Confirmed fact']
		}),
		definition: text('A category definition', LIMITS.definitionChars).meta({
			description: `One line telling students what belongs in this category (up to ${LIMITS.definitionChars} characters).`,
			examples: [DEFAULT_CATEGORIES[0].definition]
		})
	})
	.describe('One label students can choose.');

export const ArticleSchema = z
	.strictObject({
		headline: text('The headline', LIMITS.headlineChars).describe(
			`The article's headline, as published (up to ${LIMITS.headlineChars} characters).`
		),
		outlet: text('The outlet', LIMITS.outletChars).meta({
			description: `Who published the article (up to ${LIMITS.outletChars} characters).`,
			examples: ['The Riverford Courier']
		}),
		date: z.iso
			.date({ error: 'The date must be a real day written YYYY-MM-DD, like "2017-06-06"' })
			.optional()
			.meta({ description: 'Publication date, YYYY-MM-DD, if known.', examples: ['2017-06-06'] }),
		// A web address students can open: http or https with "://" (zod checks both when the protocol is this one), and a named host.
		url: z
			.url({
				protocol: z.regexes.httpProtocol,
				hostname: z.regexes.domain,
				error: 'The url must be a full web address starting with https:// (or http://)'
			})
			.optional()
			.describe('Where the article was published, if it is online: a web address starting with https:// (or http://).'),
		note: text('The note', LIMITS.noteChars)
			.optional()
			.describe(
				`Anything students should know about the text itself, e.g. where it comes from (up to ${LIMITS.noteChars} characters).`
			),
		fictional: z
			.boolean({ error: 'fictional must be true or false (no quotes)' })
			.optional()
			.describe('true for an article written for teaching; students see it marked as fictional.'),
		paragraphs: z
			.array(text('A paragraph', LIMITS.paragraphChars), {
				error: 'paragraphs must be a list of texts: ["First paragraph.", "Second."]'
			})
			.min(1, { error: 'The article needs at least one paragraph' })
			.max(LIMITS.paragraphs, { error: `The article has too many paragraphs (limit ${LIMITS.paragraphs})` })
			.describe(
				`The article text, one string per paragraph, exactly as published (up to ${LIMITS.paragraphs} paragraphs of ${LIMITS.paragraphChars} characters; ${LIMITS.articleChars} in all).`
			)
	})
	.describe('The news article the quiz is about.');

export const ClassifyQuestionSchema = z
	.strictObject({
		type: z.literal('classify').describe('Students choose the category that fits the quote.'),
		id: questionId,
		prompt: prompt.optional().describe('Optional; by default students are asked which label fits.'),
		quote,
		answer: id('The answer').describe('The id of the category this claim belongs to.'),
		cite: z
			.boolean({ error: 'cite must be true or false (no quotes)' })
			.optional()
			.describe('true to also ask students to mark the cue words that prove the label.'),
		cues: classifyCues,
		explanation,
		whyNot: z
			.record(id('A whyNot key'), whyNotText, {
				error: 'whyNot must be an object: { "category-id": "Why it is not this." }'
			})
			.describe('For each wrong category id, why a student might pick it and why it is wrong.'),
		related
	})
	.describe('A classify question: which category does this claim belong to?');

export const DecoySchema = z
	.strictObject({
		text: text('A decoy', LIMITS.cueChars).describe('Words in the quote that students often mark by mistake.'),
		whyNot: whyNotText
	})
	.describe('Words students often mark by mistake, with why they are not a cue.');

export const CueQuestionSchema = z
	.strictObject({
		type: z.literal('cue').describe('Students mark the words in the quote that signal the source.'),
		id: questionId,
		prompt: prompt
			.optional()
			.describe('Optional; by default students are asked to mark the words that signal the source.'),
		quote,
		cues,
		explanation,
		decoys: z
			.array(DecoySchema, { error: 'decoys must be a list: [{ "text": "...", "whyNot": "..." }]' })
			.max(LIMITS.cues, { error: `Too many decoys (limit ${LIMITS.cues})` })
			.optional()
			.describe(`Words students often mark by mistake, each with why it is not a cue (up to ${LIMITS.cues}).`),
		related
	})
	.describe('A cue question: which words show where this claim comes from?');

export const ChoiceOptionSchema = z
	.strictObject({
		id: id('An option id').meta({ description: 'A short id for this option; "answer" names one.', examples: ['a', 'denied'] }),
		text: text('An option text', LIMITS.optionChars).describe(
			`What students read and choose (up to ${LIMITS.optionChars} characters).`
		),
		whyNot: whyNotText.optional().describe('Required on every wrong option, and left out on the right one: why it is wrong.')
	})
	.describe('One answer students can choose.');

export const ChoiceQuestionSchema = z
	.strictObject({
		type: z.literal('choice').describe('Students pick one of your options.'),
		id: questionId,
		prompt: prompt.describe(`The question students answer (up to ${LIMITS.promptChars} characters).`),
		quote: quote.optional(),
		options: z
			.array(ChoiceOptionSchema, { error: 'options must be a list: [{ "id": "a", "text": "..." }, ...]' })
			.min(2, { error: 'A choice question needs at least 2 options' })
			.max(LIMITS.options, { error: `Too many options (limit ${LIMITS.options})` })
			.describe(`The answers students choose from (2 to ${LIMITS.options}).`),
		answer: id('The answer').describe('The id of the right option.'),
		cues: cues.optional(),
		explanation,
		related
	})
	.describe('A choice question: a question of your own with one right option.');

export const OrderItemSchema = z
	.strictObject({
		id: id('A claim id').meta({
			description: 'A short id for this claim, unique in its question; answers list these ids.',
			examples: ['public-record', 'one-outlet']
		}),
		quote: text('The quote', LIMITS.quoteChars).describe(
			`The claim, copied character for character from one paragraph of the article (up to ${LIMITS.quoteChars} characters).`
		),
		explanation: text('A claim’s explanation', LIMITS.whyNotChars).describe(
			`Why this claim belongs at this place in the order, naming what supports it (up to ${LIMITS.whyNotChars} characters).`
		)
	})
	.describe('One claim to put in order.');

export const ORDER_MIN_ITEMS = 3;

export const OrderQuestionSchema = z
	.strictObject({
		type: z.literal('order').describe('Students put claims in order of how well supported they are.'),
		id: questionId,
		prompt: prompt.describe(`The question students answer (up to ${LIMITS.promptChars} characters).`),
		items: z
			.array(OrderItemSchema, { error: 'items must be a list: [{ "id": "a", "quote": "...", "explanation": "..." }, ...]' })
			.min(ORDER_MIN_ITEMS, { error: `An order question needs at least ${ORDER_MIN_ITEMS} claims` })
			.max(LIMITS.orderItems, { error: `Too many claims (limit ${LIMITS.orderItems})` })
			.describe(
				`The claims, listed in the right order: best supported first (${ORDER_MIN_ITEMS} to ${LIMITS.orderItems}). Students see them in another order.`
			),
		explanation,
		related
	})
	.describe('An order question: which claims are better supported than which?');

const QUESTION_SCHEMAS = [ClassifyQuestionSchema, CueQuestionSchema, ChoiceQuestionSchema, OrderQuestionSchema] as const;

/** The question types, in the order the guide and the JSON Schema list them. */
export const QUESTION_TYPES: readonly string[] = QUESTION_SCHEMAS.map((s) => s.shape.type.value);

/** `"a", "b" or "c"` */
export function orList(words: readonly string[]): string {
	return wordList(words.map((w) => `"${w}"`), 'or');
}

export const QuestionSchema = z
	.discriminatedUnion('type', QUESTION_SCHEMAS, { error: `type must be ${orList(QUESTION_TYPES)}` })
	.describe('One question; "type" says which kind.');

export const QuizShape = z.strictObject({
	$schema: z
		.string({ error: '$schema must be text: the address of the quiz schema' })
		.optional()
		.describe('Where editors find this schema, e.g. "../static/quiz.schema.json"; ignored by the app.'),
	format: z
		.literal(1, { error: 'format must be 1 (the number, without quotes)' })
		.describe('The version of this file format. Always 1.'),
	title: text('The title', LIMITS.titleChars).meta({
		description: `The quiz's name on the home page (up to ${LIMITS.titleChars} characters).`,
		examples: ['Who says the library will close?']
	}),
	summary: text('The summary', LIMITS.summaryChars)
		.optional()
		.describe(`One line for the quiz list (up to ${LIMITS.summaryChars} characters).`),
	language: z
		.string({ error: 'language must be a language tag in double quotes, like "en"' })
		.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'language must be a language tag like "en" or "en-GB"' })
		.default('en')
		.describe('The language of the article and questions, as a tag like "en" or "en-GB"; "en" if left out.'),
	article: ArticleSchema,
	categories: z
		.array(CategorySchema, { error: 'categories must be a list: [{ "id": ..., "label": ..., "definition": ... }, ...]' })
		.min(LIMITS.minCategories, { error: `A quiz needs at least ${LIMITS.minCategories} categories` })
		.max(LIMITS.categories, { error: `Too many categories (limit ${LIMITS.categories})` })
		.default(() => DEFAULT_CATEGORIES.map((c) => ({ ...c })))
		.describe(
			`The labels students choose from (${LIMITS.minCategories} to ${LIMITS.categories}); leave out for the default three: fact, anonymous, non-answer. When you list categories, list all of them.`
		),
	questions: z
		.array(QuestionSchema, { error: 'questions must be a list: [{ "type": "classify", ... }, ...]' })
		.min(1, { error: 'A quiz needs at least one question' })
		.max(LIMITS.questions, { error: `Too many questions (limit ${LIMITS.questions})` })
		.describe(`The questions, in the order students meet them (1 to ${LIMITS.questions}).`)
});

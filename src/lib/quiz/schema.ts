/**
 * Quiz format v1: the one definition of what a quiz file may hold. Types are
 * inferred from it, the published JSON Schema is generated from it, and every
 * quiz file, upload and request body is checked against it.
 *
 * Validation-only code: it pulls zod into a bundle, so student pages import
 * types from here (`import type`) and never values.
 */
import { z } from 'zod';
import { DEFAULT_CATEGORIES } from './categories.ts';
import { locate, spansOf } from './text.ts';
import { findMismatch } from './verbatim.ts';

/** Size limits, named in the messages an author sees when one is passed. */
export const LIMITS = {
	idChars: 64,
	titleChars: 120,
	headlineChars: 300,
	outletChars: 100,
	paragraphs: 200,
	paragraphChars: 5_000,
	articleChars: 60_000,
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
	explanationChars: 1_200,
	whyNotChars: 600,
	related: 5
} as const;

/** A custom issue's extra detail, read by the validator when it words a problem. */
export interface IssueDetail {
	found?: string;
	expected?: string;
	hint?: string;
}

const id = (what: string) =>
	z
		.string({ error: `${what} must be a text id such as "fact" or "q1"` })
		.max(LIMITS.idChars, { error: `${what} is too long (limit ${LIMITS.idChars} characters)` })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: `${what} may use only lower-case letters, digits and single hyphens, like "non-answer" or "q12"`
		});

const text = (what: string, max: number) =>
	z
		.string({ error: `${what} must be text in double quotes` })
		.trim()
		.min(1, { error: `${what} is empty` })
		.max(max, { error: `${what} is too long (limit ${max} characters)` });

export const CategorySchema = z.strictObject({
	id: id('A category id'),
	label: text('A category label', LIMITS.labelChars).describe(
		'What students see on the answer button, e.g. "Confirmed fact".'
	),
	definition: text('A category definition', LIMITS.definitionChars).describe(
		'One line telling students what belongs in this category.'
	)
});

export const ArticleSchema = z.strictObject({
	headline: text('The headline', LIMITS.headlineChars),
	outlet: text('The outlet', LIMITS.outletChars).describe('Who published the article.'),
	date: z.iso
		.date({ error: 'The date must be written YYYY-MM-DD, like "2017-06-06"' })
		.optional()
		.describe('Publication date, YYYY-MM-DD, if known.'),
	url: z.url({ error: 'The url must be a full web address starting with https://' }).optional(),
	note: text('The note', 300)
		.optional()
		.describe('Anything students should know about the text itself, e.g. where it comes from.'),
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
		.describe('The article text, one string per paragraph, exactly as published.')
});

const quote = text('The quote', LIMITS.quoteChars).describe(
	'The claim, copied character for character from one paragraph of the article.'
);
const cues = z
	.array(text('A cue', LIMITS.cueChars))
	.min(1, { error: 'List at least one cue: the words that signal the source' })
	.max(LIMITS.cues, { error: `Too many cues (limit ${LIMITS.cues})` })
	.describe('The words inside the quote that signal where the claim comes from.');
const explanation = text('The explanation', LIMITS.explanationChars).describe(
	'Why the right answer is right, in 2-4 plain sentences that name the cue.'
);
const whyNotText = text('A why-not text', LIMITS.whyNotChars);
const prompt = text('The prompt', LIMITS.promptChars);
const related = z
	.array(text('A related passage', LIMITS.quoteChars))
	.max(LIMITS.related, { error: `Too many related passages (limit ${LIMITS.related})` })
	.optional()
	.describe('Other passages of the article that the feedback points to; lit up after answering.');

export const ClassifyQuestionSchema = z.strictObject({
	type: z.literal('classify'),
	id: id('A question id'),
	prompt: prompt.optional().describe('Optional; by default students are asked which label fits.'),
	quote,
	answer: id('The answer').describe('The id of the category this claim belongs to.'),
	cite: z
		.boolean({ error: 'cite must be true or false (no quotes)' })
		.optional()
		.describe('true to also ask students to mark the cue words that prove the label.'),
	cues,
	explanation,
	whyNot: z
		.record(id('A whyNot key'), whyNotText)
		.describe('For each wrong category id, why a student might pick it and why it is wrong.'),
	related
});

export const CueQuestionSchema = z.strictObject({
	type: z.literal('cue'),
	id: id('A question id'),
	prompt: prompt.optional().describe('Optional; by default students are asked to mark the words that signal the source.'),
	quote,
	cues,
	explanation,
	decoys: z
		.array(
			z.strictObject({
				text: text('A decoy', LIMITS.cueChars),
				whyNot: whyNotText
			})
		)
		.max(LIMITS.cues, { error: `Too many decoys (limit ${LIMITS.cues})` })
		.optional()
		.describe('Words students often mark by mistake, each with why it is not a cue.'),
	related
});

export const ChoiceOptionSchema = z.strictObject({
	id: id('An option id'),
	text: text('An option text', LIMITS.optionChars),
	whyNot: whyNotText.optional().describe('Required on every wrong option: why it is wrong.')
});

export const ChoiceQuestionSchema = z.strictObject({
	type: z.literal('choice'),
	id: id('A question id'),
	prompt: prompt.describe('The question students answer.'),
	quote: quote.optional(),
	options: z
		.array(ChoiceOptionSchema)
		.min(2, { error: 'A choice question needs at least 2 options' })
		.max(LIMITS.options, { error: `Too many options (limit ${LIMITS.options})` }),
	answer: id('The answer').describe('The id of the right option.'),
	cues: cues.optional(),
	explanation,
	related
});

export const QuestionSchema = z.discriminatedUnion(
	'type',
	[ClassifyQuestionSchema, CueQuestionSchema, ChoiceQuestionSchema],
	{ error: 'type must be "classify", "cue" or "choice"' }
);

const QuizShape = z.strictObject({
	$schema: z.string().optional().describe('Where editors find this schema.'),
	format: z.literal(1, { error: 'format must be 1 (the number, without quotes)' }),
	title: text('The title', LIMITS.titleChars),
	summary: text('The summary', 300).optional().describe('One line for the quiz list.'),
	language: z
		.string()
		.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'language must be a language tag like "en" or "en-GB"' })
		.default('en'),
	article: ArticleSchema,
	categories: z
		.array(CategorySchema)
		.min(2, { error: 'A quiz needs at least 2 categories' })
		.max(LIMITS.categories, { error: `Too many categories (limit ${LIMITS.categories})` })
		.default(() => DEFAULT_CATEGORIES.map((c) => ({ ...c })))
		.describe('The labels students choose from; leave out for the default three.'),
	questions: z
		.array(QuestionSchema)
		.min(1, { error: 'A quiz needs at least one question' })
		.max(LIMITS.questions, { error: `Too many questions (limit ${LIMITS.questions})` })
});

type Shape = z.output<typeof QuizShape>;
type Ctx = z.core.$RefinementCtx<Shape>;
type Path = (string | number)[];

function issue(ctx: Ctx, path: Path, message: string, detail: IssueDetail = {}) {
	ctx.addIssue({ code: 'custom', path, message, params: detail, input: undefined });
}

function checkUnique(ctx: Ctx, ids: string[], base: (i: number) => Path, what: string) {
	const seen = new Map<string, number>();
	ids.forEach((value, i) => {
		const first = seen.get(value);
		if (first === undefined) seen.set(value, i);
		else
			issue(ctx, base(i), `${what} "${value}" is used twice`, {
				found: value,
				expected: 'an id no other entry uses',
				hint: `it is already used at position ${first}; rename one of them`
			});
	});
}

function checkQuote(ctx: Ctx, paragraphs: string[], value: string, path: Path, what: string) {
	if (locate(paragraphs, value)) return;
	const miss = findMismatch(paragraphs, value);
	issue(ctx, path, `${what} is not in the article word for word`, {
		found: value,
		expected: miss?.passage ? `the article's text: "${miss.passage}"` : 'a passage copied from the article',
		hint: miss
			? `closest passage is in paragraph ${miss.paragraph + 1}; first difference at character ${miss.at + 1}: ${miss.hint}`
			: undefined
	});
}

function checkCues(ctx: Ctx, quoteText: string, list: string[] | undefined, path: Path, what = 'cue') {
	spansOf(quoteText, list ?? []).forEach((span, i) => {
		if (span) return;
		issue(ctx, [...path, i], `The ${what} "${list![i]}" is not inside the quote`, {
			found: list![i],
			expected: 'words copied from this question’s quote',
			hint: 'a cue must be part of the quote, character for character'
		});
	});
}

/** Checks that need the whole quiz: references, uniqueness, verbatim quotes. */
function crossCheck(quiz: Shape, ctx: Ctx) {
	const categoryIds = quiz.categories.map((c) => c.id);
	const paragraphs = quiz.article.paragraphs;
	const total = paragraphs.reduce((n, p) => n + p.length, 0);
	if (total > LIMITS.articleChars)
		issue(ctx, ['article', 'paragraphs'], `The article is too long (limit ${LIMITS.articleChars} characters)`, {
			found: `${total} characters`,
			hint: 'split a long article into two quizzes'
		});

	checkUnique(ctx, categoryIds, (i) => ['categories', i, 'id'], 'The category id');
	checkUnique(ctx, quiz.questions.map((q) => q.id), (i) => ['questions', i, 'id'], 'The question id');

	quiz.questions.forEach((q, i) => {
		const at = (...rest: Path): Path => ['questions', i, ...rest];
		if (q.quote !== undefined) checkQuote(ctx, paragraphs, q.quote, at('quote'), 'The quote');
		q.related?.forEach((r, j) => checkQuote(ctx, paragraphs, r, at('related', j), 'The related passage'));
		if (q.quote !== undefined) checkCues(ctx, q.quote, q.cues, at('cues'));
		else if (q.type === 'choice' && q.cues)
			issue(ctx, at('cues'), 'Cues need a quote to sit in', {
				expected: 'a "quote" on this question',
				hint: 'add the quote the cues come from, or remove "cues"'
			});

		if (q.type === 'classify') {
			if (!categoryIds.includes(q.answer))
				issue(ctx, at('answer'), `The answer "${q.answer}" is not one of the quiz's categories`, {
					found: q.answer,
					expected: `one of ${categoryIds.map((c) => `"${c}"`).join(', ')}`,
					hint: 'the answer names a category id'
				});
			for (const key of Object.keys(q.whyNot)) {
				if (!categoryIds.includes(key))
					issue(ctx, at('whyNot', key), `whyNot names "${key}", which is not a category`, {
						found: key,
						expected: `one of ${categoryIds.map((c) => `"${c}"`).join(', ')}`
					});
				else if (key === q.answer)
					issue(ctx, at('whyNot', key), `whyNot explains the right answer "${key}"`, {
						found: key,
						expected: 'only the wrong categories',
						hint: 'put why the answer is right in "explanation"'
					});
			}
			for (const c of categoryIds) {
				if (c !== q.answer && !(c in q.whyNot))
					issue(ctx, at('whyNot'), `whyNot has nothing for "${c}"`, {
						expected: `a text for every wrong category: ${categoryIds.filter((x) => x !== q.answer).join(', ')}`,
						hint: 'say why a student might choose it and why it does not fit'
					});
			}
		}
		if (q.type === 'cue') {
			q.decoys?.forEach((d, j) => {
				checkCues(ctx, q.quote, [d.text], at('decoys', j, 'text'), 'decoy');
			});
		}
		if (q.type === 'choice') {
			const optionIds = q.options.map((o) => o.id);
			checkUnique(ctx, optionIds, (j) => at('options', j, 'id'), 'The option id');
			if (!optionIds.includes(q.answer))
				issue(ctx, at('answer'), `The answer "${q.answer}" is not one of the options`, {
					found: q.answer,
					expected: `one of ${optionIds.map((o) => `"${o}"`).join(', ')}`
				});
			q.options.forEach((o, j) => {
				if (o.id !== q.answer && !o.whyNot)
					issue(ctx, at('options', j, 'whyNot'), `The wrong option "${o.id}" needs a whyNot`, {
						expected: 'a text saying why this option is wrong',
						hint: 'students who pick it read this text'
					});
			});
		}
	});
}

export const QuizSchema = QuizShape.superRefine(crossCheck);

export type Quiz = z.output<typeof QuizSchema>;
export type QuizInput = z.input<typeof QuizSchema>;
export type Article = Quiz['article'];
export type Category = Quiz['categories'][number];
export type Question = Quiz['questions'][number];
export type ClassifyQuestion = z.output<typeof ClassifyQuestionSchema>;
export type CueQuestion = z.output<typeof CueQuestionSchema>;
export type ChoiceQuestion = z.output<typeof ChoiceQuestionSchema>;

/** What a student sends as an answer; one schema for the browser and the server. */
export const AnswerSchema = z.discriminatedUnion('type', [
	z.strictObject({
		type: z.literal('classify'),
		category: id('The category'),
		marked: z.array(z.int().min(0).max(500)).max(500).optional()
	}),
	z.strictObject({ type: z.literal('cue'), marked: z.array(z.int().min(0).max(500)).max(500) }),
	z.strictObject({ type: z.literal('choice'), option: id('The option') })
]);
export type Answer = z.output<typeof AnswerSchema>;

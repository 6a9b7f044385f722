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
import { LIMITS } from './limits.ts';
import { locate, spansOf, tokenize } from './text.ts';
import { didYouMean } from './suggest.ts';
import { findMismatch } from './verbatim.ts';

export { LIMITS } from './limits.ts';

/** A custom issue's extra detail, read by the validator when it words a problem. */
export interface IssueDetail {
	found?: string;
	expected?: string;
	hint?: string;
	/** Index of the character, in the text at the issue's path, that the problem is about. */
	at?: number;
}

// Ids become object keys (whyNot) and are looked up by key; these would meet
// Object.prototype's own properties instead.
const RESERVED_IDS = new Set(['constructor', 'prototype']);

const id = (what: string) =>
	z
		.string({ error: `${what} must be a text id such as "fact" or "q1"` })
		.max(LIMITS.idChars, { error: `${what} is too long (limit ${LIMITS.idChars} characters)` })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: `${what} may use only lower-case letters, digits and single hyphens, like "non-answer" or "q12"`
		})
		.refine((value) => !RESERVED_IDS.has(value), {
			error: `${what} may not be "constructor" or "prototype"; choose another word`
		});

const text = (what: string, max: number) =>
	z
		.string({ error: `${what} must be text in double quotes` })
		.trim()
		.min(1, { error: `${what} is empty` })
		.max(max, { error: `${what} is too long (limit ${max} characters)` });

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
			examples: ['On the public record or said by a named person: a reader could check it.']
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
		url: z
			.url({ error: 'The url must be a full web address starting with https://' })
			.optional()
			.describe('Where the article was published, if it is online.'),
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

const questionId = id('A question id').meta({
	description: 'A short id, unique in this quiz; saved progress refers to it.',
	examples: ['q1', 'spicer-dodge']
});
const quote = text('The quote', LIMITS.quoteChars).describe(
	`The claim, copied character for character from one paragraph of the article (up to ${LIMITS.quoteChars} characters).`
);
const cues = z
	.array(text('A cue', LIMITS.cueChars), { error: 'cues must be a list of texts: ["reportedly"]' })
	.min(1, { error: 'List at least one cue: the words that signal the source' })
	.max(LIMITS.cues, { error: `Too many cues (limit ${LIMITS.cues})` })
	.meta({
		description: `The words inside the quote that signal where the claim comes from (up to ${LIMITS.cues}).`,
		examples: [['according to two people familiar with the talks']]
	});
const explanation = text('The explanation', LIMITS.explanationChars).describe(
	`Why the right answer is right, in 2-4 plain sentences that name the cue (up to ${LIMITS.explanationChars} characters).`
);
const whyNotText = text('A why-not text', LIMITS.whyNotChars).describe(
	`Why a student might pick this and why it is wrong (up to ${LIMITS.whyNotChars} characters).`
);
const prompt = text('The prompt', LIMITS.promptChars);
const related = z
	.array(text('A related passage', LIMITS.quoteChars), { error: 'related must be a list of texts' })
	.max(LIMITS.related, { error: `Too many related passages (limit ${LIMITS.related})` })
	.optional()
	.describe(
		`Other passages of the article that the feedback points to; lit up after answering (up to ${LIMITS.related}).`
	);

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
		cues,
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

export const QuestionSchema = z
	.discriminatedUnion('type', [ClassifyQuestionSchema, CueQuestionSchema, ChoiceQuestionSchema], {
		error: 'type must be "classify", "cue" or "choice"'
	})
	.describe('One question; "type" says which kind.');

const QuizShape = z.strictObject({
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
		.min(2, { error: 'A quiz needs at least 2 categories' })
		.max(LIMITS.categories, { error: `Too many categories (limit ${LIMITS.categories})` })
		.default(() => DEFAULT_CATEGORIES.map((c) => ({ ...c })))
		.describe(
			`The labels students choose from (2 to ${LIMITS.categories}); leave out for the default three: fact, anonymous, non-answer. When you list categories, list all of them.`
		),
	questions: z
		.array(QuestionSchema, { error: 'questions must be a list: [{ "type": "classify", ... }, ...]' })
		.min(1, { error: 'A quiz needs at least one question' })
		.max(LIMITS.questions, { error: `Too many questions (limit ${LIMITS.questions})` })
		.describe(`The questions, in the order students meet them (1 to ${LIMITS.questions}).`)
});

type Shape = z.output<typeof QuizShape>;
type Ctx = z.core.$RefinementCtx<Shape>;
type Path = (string | number)[];
type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function issue(ctx: Ctx, path: Path, message: string, detail: IssueDetail = {}) {
	ctx.addIssue({ code: 'custom', path, message, params: detail, input: undefined });
}

/**
 * Which values of a partly parsed quiz can be trusted. The cross-checks run
 * even when the shape has problems (one bad date must not hide every quote
 * problem), so each check reads only values with no problem at them or above.
 */
class Soundness {
	#bad = new Set<string>();
	constructor(issues: readonly z.core.$ZodRawIssue[]) {
		for (const i of issues) {
			// Unknown fields are dropped from the value, and a list of the wrong
			// length still holds good items: neither taints what the checks read.
			if (i.code === 'unrecognized_keys') continue;
			if ((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'array') continue;
			this.#bad.add(JSON.stringify(i.path ?? []));
		}
	}
	/** True when no problem was found at `path` or at any of its parents. */
	ok(path: Path): boolean {
		if (this.#bad.size === 0) return true;
		for (let n = 0; n <= path.length; n++) if (this.#bad.has(JSON.stringify(path.slice(0, n)))) return false;
		return true;
	}
	/** The text at `path`, if it is sound. */
	text(value: unknown, path: Path): string | undefined {
		return typeof value === 'string' && this.ok(path) ? value : undefined;
	}
}

function checkUnique(ctx: Ctx, ids: (string | undefined)[], base: (i: number) => Path, what: string) {
	const seen = new Map<string, number>();
	ids.forEach((value, i) => {
		if (value === undefined) return;
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

function checkQuote(ctx: Ctx, paragraphs: readonly string[], value: string, path: Path, what: string) {
	if (locate(paragraphs, value)) return;
	const miss = findMismatch(paragraphs, value);
	issue(ctx, path, `${what} is not in the article word for word`, {
		found: miss ? excerpt(value, miss.at) : value,
		expected: miss?.passage ? `the article's text ${JSON.stringify(excerpt(miss.passage, miss.at))}` : 'a passage copied from the article',
		hint: miss
			? miss.passage
				? `closest passage is in paragraph ${miss.paragraph + 1}; first difference at character ${miss.at + 1}: ${miss.hint}`
				: miss.hint
			: undefined,
		at: miss?.passage ? miss.at : undefined
	});
}

/** A short window of `text` around index `at`, cut at spaces, so a one-character difference is easy to spot. */
function excerpt(text: string, at: number, before = 24, after = 24): string {
	let start = Math.max(0, at - before);
	let end = Math.min(text.length, at + after);
	const space = text.indexOf(' ', start);
	if (start > 0 && space >= 0 && space < at) start = space + 1;
	const lastSpace = text.lastIndexOf(' ', end);
	if (end < text.length && lastSpace > at) end = lastSpace;
	return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function checkInside(ctx: Ctx, quoteText: string, phrase: string, path: Path, what: string) {
	if (quoteText.includes(phrase)) {
		if (tokenize(phrase).length === 0)
			issue(ctx, path, `The ${what} "${phrase}" holds no word a student can mark`, {
				found: phrase,
				expected: 'at least one word (letters or digits)',
				hint: 'students mark whole words; include the word next to the punctuation'
			});
		return;
	}
	const miss = findMismatch([quoteText], phrase);
	issue(ctx, path, `The ${what} "${phrase}" is not inside the quote`, {
		found: phrase,
		expected: 'words copied from this question’s quote',
		hint: miss?.passage
			? `first difference at character ${miss.at + 1}: ${miss.hint}`
			: `a ${what} must be part of the quote, character for character`,
		at: miss?.passage ? miss.at : undefined
	});
}

const quoted = (ids: readonly string[]) => ids.map((c) => `"${c}"`).join(', ');

function checkClassify(ctx: Ctx, q: Loose, at: (...rest: Path) => Path, sound: Soundness, categoryIds: string[] | null) {
	const answer = sound.text(q.answer, at('answer'));
	if (!categoryIds) return;
	const meant = (word: string, fallback: string) => {
		const guess = didYouMean(word, categoryIds);
		return guess ? `did you mean "${guess}"?` : fallback;
	};
	if (answer !== undefined && !categoryIds.includes(answer))
		issue(ctx, at('answer'), `The answer "${answer}" is not one of the quiz's categories`, {
			found: answer,
			expected: `one of ${quoted(categoryIds)}`,
			hint: meant(answer, 'the answer names a category id; to add a category, list all of them in "categories"')
		});
	if (!isObject(q.whyNot) || !sound.ok(at('whyNot'))) return;
	const whyNot = q.whyNot;
	for (const key of Object.keys(whyNot)) {
		if (!sound.ok(at('whyNot', key))) continue;
		if (!categoryIds.includes(key))
			issue(ctx, at('whyNot', key), `whyNot names "${key}", which is not a category`, {
				found: key,
				expected: `one of ${quoted(categoryIds.filter((c) => c !== answer))}`,
				hint: meant(key, 'each key of whyNot is the id of a wrong category')
			});
		else if (key === answer)
			issue(ctx, at('whyNot', key), `whyNot explains the right answer "${key}"`, {
				found: key,
				expected: 'only the wrong categories',
				hint: 'put why the answer is right in "explanation", and remove this entry'
			});
	}
	if (answer === undefined || !categoryIds.includes(answer)) return;
	for (const c of categoryIds) {
		if (c !== answer && !Object.hasOwn(whyNot, c))
			issue(ctx, at('whyNot'), `whyNot has nothing for "${c}"`, {
				expected: `a text for every wrong category: ${quoted(categoryIds.filter((x) => x !== answer))}`,
				hint: `add "${c}": "why a student might choose it and why it does not fit"`
			});
	}
}

function checkDecoys(ctx: Ctx, q: Loose, quoteText: string | undefined, at: (...rest: Path) => Path, sound: Soundness) {
	if (quoteText === undefined) return;
	const cueSpans = listOf(q.cues)
		.map((c, i) => sound.text(c, at('cues', i)))
		.filter((c): c is string => c !== undefined)
		.map((c) => spansOf(quoteText, [c])[0])
		.filter((s) => s !== null && s !== undefined);
	listOf(q.decoys).forEach((d, j) => {
		const decoy = isObject(d) ? sound.text(d.text, at('decoys', j, 'text')) : undefined;
		if (decoy === undefined) return;
		if (!quoteText.includes(decoy)) return checkInside(ctx, quoteText, decoy, at('decoys', j, 'text'), 'decoy');
		const span = spansOf(quoteText, [decoy])[0]!;
		if (cueSpans.some((s) => s!.start < span.end && span.start < s!.end))
			issue(ctx, at('decoys', j, 'text'), `The decoy "${decoy}" overlaps a cue`, {
				found: decoy,
				expected: 'words of the quote that are not cue words',
				hint: 'a word cannot be both right and wrong to mark; shorten the decoy or the cue'
			});
	});
}

function checkChoice(ctx: Ctx, q: Loose, at: (...rest: Path) => Path, sound: Soundness) {
	if (!sound.ok(at('options'))) return;
	const options = listOf(q.options).map((o, j) => (isObject(o) && sound.ok(at('options', j)) ? o : null));
	const optionIds = options.map((o, j) => (o ? sound.text(o.id, at('options', j, 'id')) : undefined));
	checkUnique(ctx, optionIds, (j) => at('options', j, 'id'), 'The option id');
	const answer = sound.text(q.answer, at('answer'));
	// With an id missing or used twice, "the right option" is not known.
	if (optionIds.includes(undefined) || new Set(optionIds).size < optionIds.length || answer === undefined) return;
	if (!optionIds.includes(answer)) {
		issue(ctx, at('answer'), `The answer "${answer}" is not one of the options`, {
			found: answer,
			expected: `one of ${quoted(optionIds as string[])}`,
			hint: (() => {
				const guess = didYouMean(answer, optionIds as string[]);
				return guess ? `did you mean "${guess}"?` : 'the answer names the id of the right option';
			})()
		});
		return;
	}
	options.forEach((o, j) => {
		if (!o) return;
		if (o.id !== answer && o.whyNot === undefined)
			issue(ctx, at('options', j, 'whyNot'), `The wrong option "${String(o.id)}" needs a whyNot`, {
				expected: 'a "whyNot" text saying why this option is wrong',
				hint: 'students who pick it read this text'
			});
		else if (o.id === answer && o.whyNot !== undefined)
			issue(ctx, at('options', j, 'whyNot'), `The right option "${answer}" has a whyNot`, {
				expected: 'no whyNot on the right option',
				hint: 'put why it is right in "explanation", and remove this whyNot'
			});
	});
}

/** Checks that need the whole quiz: references, uniqueness, verbatim quotes. */
function crossCheck(value: unknown, ctx: Ctx) {
	if (!isObject(value)) return;
	const sound = new Soundness(ctx.issues);
	const article = isObject(value.article) && sound.ok(['article']) ? value.article : null;
	const rawParagraphs = article && sound.ok(['article', 'paragraphs']) ? listOf(article.paragraphs) : [];
	// A quote can only be judged against an article whose every paragraph is sound.
	const paragraphs = rawParagraphs.every((p, i) => sound.text(p, ['article', 'paragraphs', i]) !== undefined)
		? (rawParagraphs as string[])
		: null;
	if (paragraphs) {
		const total = paragraphs.reduce((n, p) => n + p.length, 0);
		if (total > LIMITS.articleChars)
			issue(ctx, ['article', 'paragraphs'], `The article is too long (limit ${LIMITS.articleChars} characters)`, {
				found: `${total} characters`,
				hint: 'split a long article into two quizzes'
			});
	}

	const categories = sound.ok(['categories']) ? listOf(value.categories) : [];
	const maybeIds = categories.map((c, i) => (isObject(c) ? sound.text(c.id, ['categories', i, 'id']) : undefined));
	checkUnique(ctx, maybeIds, (i) => ['categories', i, 'id'], 'The category id');
	// References to categories are checked only when every category id is known.
	const categoryIds = sound.ok(['categories']) && !maybeIds.includes(undefined) ? (maybeIds as string[]) : null;

	if (!sound.ok(['questions'])) return;
	const questions = listOf(value.questions).map((q, i) => (isObject(q) && sound.ok(['questions', i]) ? q : null));
	checkUnique(
		ctx,
		questions.map((q, i) => (q ? sound.text(q.id, ['questions', i, 'id']) : undefined)),
		(i) => ['questions', i, 'id'],
		'The question id'
	);

	questions.forEach((q, i) => {
		if (!q) return;
		const at = (...rest: Path): Path => ['questions', i, ...rest];
		const quoteText = sound.text(q.quote, at('quote'));
		if (paragraphs) {
			if (quoteText !== undefined) checkQuote(ctx, paragraphs, quoteText, at('quote'), 'The quote');
			if (sound.ok(at('related')))
				listOf(q.related).forEach((r, j) => {
					const passage = sound.text(r, at('related', j));
					if (passage !== undefined) checkQuote(ctx, paragraphs, passage, at('related', j), 'The related passage');
				});
		}
		if (quoteText !== undefined && sound.ok(at('cues')))
			listOf(q.cues).forEach((c, j) => {
				const cue = sound.text(c, at('cues', j));
				if (cue !== undefined) checkInside(ctx, quoteText, cue, at('cues', j), 'cue');
			});
		else if (q.type === 'choice' && q.quote === undefined && q.cues !== undefined)
			issue(ctx, at('cues'), 'Cues need a quote to sit in', {
				expected: 'a "quote" on this question',
				hint: 'add the quote the cues come from, or remove "cues"'
			});

		if (q.type === 'classify') checkClassify(ctx, q, at, sound, categoryIds);
		if (q.type === 'cue' && sound.ok(at('decoys'))) checkDecoys(ctx, q, quoteText, at, sound);
		if (q.type === 'choice') checkChoice(ctx, q, at, sound);
	});
}

export const QuizSchema = QuizShape.superRefine(crossCheck, {
	// zod skips a refinement once the shape has a problem; this runs it on
	// whatever object was given, and Soundness keeps it to the parts that parsed.
	when: (payload) => isObject(payload.value)
}).meta({
	title: 'Who Says? quiz file (format 1)',
	description:
		'A news article and questions about who says each claim. Guide: docs/authoring.md. Checked in full by `npm run quiz:check`, which also checks that quotes are verbatim.'
});

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

/**
 * Turns an article's plain text into a draft quiz: one classify question per
 * claim, with the tagger's suggestion as the answer. Everything an author
 * must write starts with "TODO:".
 */
import { LIMITS } from '../quiz/limits.ts';
import { DEFAULT_CATEGORIES, NAMED_CLAIM } from '../quiz/categories.ts';
import { TODO } from '../quiz/placeholder.ts';
import { tokenize, wholeWordsAt } from '../quiz/text.ts';
import type { QuizInput } from '../quiz/schema.ts';
import { compile } from './patterns.ts';
import { en } from './lexicon/en.ts';
import type { Lexicon } from './lexicon/types.ts';
import { RULE_DESCRIPTIONS } from './rules.ts';
import { splitParagraphs, splitSentences } from './sentences.ts';
import { tagArticle } from './tagger.ts';
import type { Claim, ClaimRule, Tagging } from './types.ts';

/** The schema's limits; a draft must respect them. */
export const DRAFT_LIMITS = LIMITS;

const HEADLINE_WORDS = 25;

export interface DraftCategory {
	id: string;
	label: string;
	definition: string;
}

export interface DraftOptions {
	lexicon?: Lexicon;
	/** The labels students choose from; the lexicon's category ids must be among them. */
	categories?: readonly DraftCategory[];
}

export type DraftQuiz = QuizInput;

export interface Draft {
	quiz: DraftQuiz;
	tagging: Tagging;
	/** The first line, when it was taken as the headline rather than as article text. */
	headline: string | null;
	/** Claims left out because a question could not hold them (too long, or too many). */
	skipped: Claim[];
}

/** Thrown when the text holds nothing to ask about. */
export class DraftError extends Error {
	override name = 'DraftError';
}

/** A short first line with more text after it, not ending like a sentence. */
export function looksLikeHeadline(line: string, lexicon: Lexicon = en): boolean {
	const words = line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
	return (
		words >= 2 &&
		words <= HEADLINE_WORDS &&
		line.length <= DRAFT_LIMITS.headlineChars &&
		!/[.,;:]["”’)]*$/u.test(line) &&
		splitSentences(line, lexicon).length === 1
	);
}

/** The claim's cue when it lies inside the claim; else its first verb and the words after it; else its first words. */
function cueFor(claim: Claim, lexicon: Lexicon): string {
	const cue = claim.cue;
	const inside = cue && cue.paragraph === claim.paragraph && claim.start <= cue.start && cue.end <= claim.end;
	if (cue && inside && cue.text.length <= DRAFT_LIMITS.cueChars) return wholeWordsOf(claim.text, cue.text);
	const gist =
		compile(lexicon).verbPhrase.exec(claim.text)?.[0] ??
		/[\p{L}\p{N}]\S*(?:\s+\S+){0,3}/u.exec(claim.text)?.[0] ??
		claim.text;
	return wholeWordsOf(claim.text, gist.slice(0, DRAFT_LIMITS.cueChars).trim());
}

/**
 * The cue as students can mark it: whole words of the quote. A phrase that
 * cuts into a word ("blocked" in "blocked-off") grows to the words it touches,
 * kept within the cue's length.
 */
function wholeWordsOf(quote: string, phrase: string): string {
	const start = quote.indexOf(phrase);
	if (start < 0 || wholeWordsAt(quote, phrase)) return phrase;
	const touched = tokenize(quote).filter((t) => t.start < start + phrase.length && start < t.end);
	if (!touched.length) return phrase;
	const fitting = touched.filter((t) => t.end - touched[0]!.start <= DRAFT_LIMITS.cueChars);
	return quote.slice(touched[0]!.start, (fitting.at(-1) ?? touched[0]!).end);
}

function explanation(claim: Claim, label: string, cue: string): string {
	const own = claim.cue?.text === cue;
	const found = claim.cue ? ` (cue “${claim.cue.text}”${own ? '' : ', elsewhere in the sentence'})` : '';
	const placeholder = own
		? ''
		: ' The cue listed is only a placeholder taken from the claim: replace it with the words that show the source.';
	return (
		`${TODO} explain why this is “${label}”, naming the cue. ` +
		`Suggested at ${Math.round(claim.confidence * 100)}%: ${RULE_DESCRIPTIONS[claim.rule]}${found}.${placeholder}`
	);
}

/**
 * What a named-source label takes, when the quiz has one: claims an identified
 * person or body makes on the record. With three labels they are facts that
 * someone said so; the lexicon suggests it that way.
 */
const ON_THE_RECORD: ReadonlySet<ClaimRule> = new Set<ClaimRule>(['named-speaker', 'role-speaker']);

function withNamedClaims(tagging: Tagging): Tagging {
	const claims = tagging.claims.map((c) => (ON_THE_RECORD.has(c.rule) ? { ...c, category: NAMED_CLAIM.id } : c));
	return { ...tagging, claims };
}

/** Drafts a quiz that is valid against QuizSchema for any text with at least one sentence. */
export function draftQuiz(text: string, options: DraftOptions = {}): Draft {
	const lexicon = options.lexicon ?? en;
	const categories = options.categories ?? DEFAULT_CATEGORIES;
	const lines = splitParagraphs(text);
	const first = lines[0];
	if (first === undefined) throw new DraftError('The article is empty: paste its text, one paragraph per line.');

	const headline = lines.length > 1 && looksLikeHeadline(first, lexicon) ? first : null;
	const body = headline === null ? text : lines.slice(1).join('\n');
	const tagged = tagArticle(body, lexicon);
	const tagging = categories.some((c) => c.id === NAMED_CLAIM.id) ? withNamedClaims(tagged) : tagged;
	if (tagging.claims.length === 0) throw new DraftError('The article has no sentences to ask about.');

	const known = new Set(categories.map((c) => c.id));
	const unknown = [...new Set(tagging.claims.map((c) => c.category))].filter((id) => !known.has(id));
	if (unknown.length)
		throw new DraftError(`The lexicon suggests categories the quiz does not have: ${unknown.join(', ')}.`);

	const fits = (c: Claim) => c.text.length <= DRAFT_LIMITS.quoteChars;
	const kept = tagging.claims.filter(fits).slice(0, DRAFT_LIMITS.questions);
	const skipped = tagging.claims.filter((c) => !kept.includes(c));

	const questions = kept.map((claim, i) => {
		const label = categories.find((c) => c.id === claim.category)!.label;
		const cue = cueFor(claim, lexicon);
		return {
			type: 'classify' as const,
			id: `c${i + 1}`,
			quote: claim.text,
			answer: claim.category,
			cues: [cue],
			explanation: explanation(claim, label, cue),
			whyNot: Object.fromEntries(
				categories
					.filter((c) => c.id !== claim.category)
					.map((c) => [c.id, `${TODO} why a student might choose “${c.label}” here, and why it does not fit.`])
			)
		};
	});

	const title = headline !== null && headline.length <= DRAFT_LIMITS.titleChars ? headline : 'Draft quiz';
	const quiz: DraftQuiz = {
		$schema: '/quiz.schema.json',
		format: 1,
		title,
		language: lexicon.language,
		article: {
			headline: headline ?? 'Draft quiz',
			outlet: `${TODO} outlet`,
			paragraphs: tagging.paragraphs
		},
		...(options.categories ? { categories: categories.map((c) => ({ ...c })) } : {}),
		questions
	};
	return { quiz, tagging, headline, skipped };
}

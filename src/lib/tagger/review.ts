/**
 * An author's review of a draft: the label each claim gets and which claims
 * stay in the quiz. Pure and zod-free like the rest of the tagger, so the
 * drafting page can load it cheaply.
 */
import { DEFAULT_CATEGORIES } from '../quiz/categories.ts';
import { TODO } from '../quiz/placeholder.ts';
import { DRAFT_LIMITS, looksLikeHeadline, type Draft, type DraftCategory, type DraftQuiz } from './draft.ts';
import { en } from './lexicon/en.ts';
import type { Lexicon } from './lexicon/types.ts';
import { RULE_DESCRIPTIONS } from './rules.ts';
import { splitParagraphs } from './sentences.ts';
import type { Claim } from './types.ts';

/** Where a file in quizzes/ finds the published schema. */
export const QUIZ_FILE_SCHEMA = '../static/quiz.schema.json';

/** One question of the draft with the claim it asks about. */
export interface ReviewItem {
	id: string;
	claim: Claim;
	/** The cue the file gives the question: the claim's own cue words, or a placeholder taken from the claim. */
	cue: string;
}

export interface Choice {
	/** The category the author settled on; the suggestion until they change it. */
	category: string;
	/** The author accepted or changed the label. */
	reviewed: boolean;
	/** false when the author dropped the claim from the quiz. */
	included: boolean;
}

export interface ReviewDetails {
	/** The author's headline; when blank, the one found on the article's first line. */
	headline?: string;
	outlet?: string;
}

const count = new Intl.NumberFormat('en');

/**
 * Why the article cannot become a quiz as it stands, naming the limit; null
 * when it fits. Cheap enough to run before tagging a very long paste.
 */
export function articleLimitProblem(text: string, lexicon: Lexicon = en): string | null {
	const lines = splitParagraphs(text);
	// The same rule draftQuiz uses: a headline line is not part of the article's paragraphs.
	const paragraphs = lines.length > 1 && looksLikeHeadline(lines[0]!, lexicon) ? lines.slice(1) : lines;
	const total = paragraphs.reduce((n, p) => n + p.length, 0);
	if (total > DRAFT_LIMITS.articleChars)
		return (
			`The article is ${count.format(total)} characters long, over the limit of ${count.format(DRAFT_LIMITS.articleChars)} ` +
			'characters for one quiz. Split it into two quizzes, or leave out paragraphs students do not need.'
		);
	if (paragraphs.length > DRAFT_LIMITS.paragraphs)
		return (
			`The article has ${count.format(paragraphs.length)} paragraphs, over the limit of ${DRAFT_LIMITS.paragraphs} ` +
			'for one quiz. Each line counts as a paragraph, unless blank lines separate the paragraphs: join lines that belong together, ' +
				'or split the article into two quizzes.'
		);
	const long = paragraphs.findIndex((p) => p.length > DRAFT_LIMITS.paragraphChars);
	if (long >= 0)
		return (
			`Paragraph ${long + 1} is ${count.format(paragraphs[long]!.length)} characters long, over the limit of ` +
			`${count.format(DRAFT_LIMITS.paragraphChars)} for one paragraph. Put a line break where it changes subject.`
		);
	return null;
}

/** The draft's questions with their claims, in reading order. */
export function reviewItems(draft: Draft): ReviewItem[] {
	const kept = draft.tagging.claims.filter((c) => !draft.skipped.includes(c));
	return draft.quiz.questions.map((q, i) => ({ id: q.id, claim: kept[i]!, cue: (q.type === 'classify' && q.cues[0]) || '' }));
}

export function initialChoices(items: readonly ReviewItem[]): Choice[] {
	return items.map((item) => ({ category: item.claim.category, reviewed: false, included: true }));
}

/** The same words at the same place in the run of identical claims, so a repeated phrase stays apart. */
function keysOf(items: readonly ReviewItem[]): string[] {
	const seen = new Map<string, number>();
	return items.map(({ claim }) => {
		const n = seen.get(claim.text) ?? 0;
		seen.set(claim.text, n + 1);
		return `${n}\u0000${claim.text}`;
	});
}

/**
 * The choices for a re-tagged article. A claim whose words did not change
 * keeps what the author decided about it; an untouched claim takes the new
 * suggestion, which may differ now that the sentences around it changed.
 * Re-tagged with other labels, a claim whose chosen label is not among them
 * takes the new suggestion to review again, and stays dropped if it was.
 */
export function carryChoices(
	before: readonly ReviewItem[],
	choices: readonly Choice[],
	after: readonly ReviewItem[],
	categories: readonly { id: string }[] = DEFAULT_CATEGORIES
): Choice[] {
	const known = new Set(categories.map((c) => c.id));
	const decided = new Map<string, Choice>();
	keysOf(before).forEach((key, i) => {
		const choice = choices[i];
		if (choice && (choice.reviewed || !choice.included)) decided.set(key, choice);
	});
	const fresh = initialChoices(after);
	return keysOf(after).map((key, i) => {
		const kept = decided.get(key);
		if (!kept) return { ...fresh[i]! };
		return known.has(kept.category) ? { ...kept } : { ...fresh[i]!, included: kept.included };
	});
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max).trim() : text);

/** The draft's quiz with the author's labels applied and dropped claims left out. */
export function applyReview(draft: Draft, choices: readonly Choice[], details: ReviewDetails = {}): DraftQuiz {
	const categories: readonly DraftCategory[] = draft.quiz.categories ?? DEFAULT_CATEGORIES;
	const labelOf = (id: string) => categories.find((c) => c.id === id)?.label ?? id;
	const items = reviewItems(draft);

	const questions = draft.quiz.questions.flatMap((question, i) => {
		const choice = choices[i];
		const claim = items[i]!.claim;
		if (!choice?.included) return [];
		if (question.type !== 'classify' || choice.category === question.answer) return [question];
		const label = labelOf(choice.category);
		const suggested = labelOf(question.answer);
		const cue = question.cues[0];
		const percent = Math.round(claim.confidence * 100);
		return [
			{
				...question,
				answer: choice.category,
				explanation:
					`${TODO} explain why this is “${label}”, naming the cue. ` +
					`The tagger suggested “${suggested}” at ${percent}% (${RULE_DESCRIPTIONS[claim.rule]}) and you chose “${label}”` +
					(cue ? `: check that the cue “${cue}” shows the source, and replace it if not.` : '.'),
				whyNot: Object.fromEntries(
					categories
						.filter((c) => c.id !== choice.category)
						.map((c) => [
							c.id,
							c.id === question.answer
								? `${TODO} why a student might choose “${c.label}” here (the tagger did: ${RULE_DESCRIPTIONS[claim.rule]}), and why it does not fit.`
								: `${TODO} why a student might choose “${c.label}” here, and why it does not fit.`
						])
				)
			}
		];
	});

	const own = clip(details.headline?.trim() ?? '', DRAFT_LIMITS.headlineChars);
	const headline = own || draft.quiz.article.headline;
	const outlet = clip(details.outlet?.trim() ?? '', DRAFT_LIMITS.outletChars) || draft.quiz.article.outlet;
	return {
		...draft.quiz,
		$schema: QUIZ_FILE_SCHEMA,
		// As draftQuiz does with a headline line: one too long for a title leaves the placeholder.
		title: !own ? draft.quiz.title : own.length <= DRAFT_LIMITS.titleChars ? own : 'Draft quiz',
		article: { ...draft.quiz.article, headline, outlet },
		questions
	};
}

/** A file name that makes a clean quiz address: lower-case words joined by hyphens. */
export function quizFileName(headline: string | null | undefined): string {
	const words =
		(headline ?? '')
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/['’]/g, '')
			.match(/[a-z0-9]+/g) ?? [];
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > 60) {
			slug ||= word.slice(0, 60);
			break;
		}
		slug = next;
	}
	return `${slug || 'draft-quiz'}.json`;
}

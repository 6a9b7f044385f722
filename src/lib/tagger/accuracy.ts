/**
 * How well the tagger's suggestions agree with an author's labels.
 *
 * The tagger and an author may cut a sentence differently, so each labelled
 * claim is matched by overlap: the tagger claims that overlap it vote with the
 * number of its characters they cover, and the category with the most wins.
 * Asides vote for the characters they cover; the clause around them for the rest.
 */
import { locate } from '../quiz/text.ts';
import type { LabelledArticle, LabelledClaim } from './corpus/types.ts';
import type { Claim, Tagging } from './types.ts';

export type Prediction = Pick<Claim, 'paragraph' | 'start' | 'end' | 'category' | 'kind'>;

export interface ClaimMatch {
	label: LabelledClaim;
	/** The category the overlapping tagger claims vote for; null when none overlaps or the label is not in the text. */
	predicted: string | null;
	/** true when one tagger claim has about the same span (each covers at least 80% of the other). */
	sameSpan: boolean;
}

export interface CategoryScore {
	category: string;
	/** Labelled claims of this category. */
	labelled: number;
	/** Labelled claims the tagger puts in this category. */
	predicted: number;
	correct: number;
	/** correct / predicted; null when nothing was predicted. */
	precision: number | null;
	/** correct / labelled; null when nothing is labelled. */
	recall: number | null;
}

export interface AccuracyReport {
	labelled: number;
	correct: number;
	accuracy: number;
	/** Share of labelled claims whose boundaries the tagger found. */
	sameSpan: number;
	categories: CategoryScore[];
	matches: ClaimMatch[];
}

const SAME_SPAN = 0.8;

/** Matches one article's labels to the tagger's claims on the same paragraphs. */
export function matchClaims(
	paragraphs: readonly string[],
	predictions: readonly Prediction[],
	labels: readonly LabelledClaim[]
): ClaimMatch[] {
	return labels.map((label) => {
		const where = locate(paragraphs, label.text);
		if (!where) return { label, predicted: null, sameSpan: false };
		const inParagraph = predictions.filter((c) => c.paragraph === where.paragraph);
		const covered = (c: Prediction, at: number) => c.start <= at && at < c.end;
		const votes = new Map<string, number>();
		for (let at = where.start; at < where.end; at++) {
			// The innermost claim speaks for each character: an aside over its clause.
			const here = inParagraph.filter((c) => covered(c, at));
			const voter = here.find((c) => c.kind === 'aside') ?? here[0];
			if (voter) votes.set(voter.category, (votes.get(voter.category) ?? 0) + 1);
		}
		let predicted: string | null = null;
		let most = 0;
		for (const [category, count] of votes) if (count > most) [predicted, most] = [category, count];
		const length = where.end - where.start;
		const sameSpan = inParagraph.some((c) => {
			const shared = Math.max(0, Math.min(c.end, where.end) - Math.max(c.start, where.start));
			return shared >= SAME_SPAN * length && shared >= SAME_SPAN * (c.end - c.start);
		});
		return { label, predicted, sameSpan };
	});
}

/** Overall accuracy and per-category precision and recall over any number of matched articles. */
export function scoreMatches(matches: readonly ClaimMatch[], categoryIds?: readonly string[]): AccuracyReport {
	const ids = categoryIds ?? [...new Set(matches.map((m) => m.label.category))];
	const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
	const categories = ids.map((category) => {
		const labelled = matches.filter((m) => m.label.category === category).length;
		const predicted = matches.filter((m) => m.predicted === category).length;
		const correct = matches.filter((m) => m.label.category === category && m.predicted === category).length;
		return { category, labelled, predicted, correct, precision: ratio(correct, predicted), recall: ratio(correct, labelled) };
	});
	const correct = matches.filter((m) => m.predicted === m.label.category).length;
	return {
		labelled: matches.length,
		correct,
		accuracy: ratio(correct, matches.length) ?? 0,
		sameSpan: ratio(matches.filter((m) => m.sameSpan).length, matches.length) ?? 0,
		categories,
		matches: [...matches]
	};
}

export interface ArticleScore {
	id: string;
	/** Labelled claims in the article. */
	labelled: number;
	/** Claims the tagger found, asides included. */
	claims: number;
	correct: number;
}

/** Tags every article and scores the lot: the figures the tagger is judged by. */
export function evaluate(
	articles: readonly LabelledArticle[],
	tag: (text: string) => Tagging,
	categoryIds?: readonly string[]
): { report: AccuracyReport; articles: ArticleScore[] } {
	const all: ClaimMatch[] = [];
	const perArticle = articles.map((article) => {
		const tagging = tag(article.text);
		const matches = matchClaims(tagging.paragraphs, tagging.claims, article.labels);
		all.push(...matches);
		return {
			id: article.id,
			labelled: matches.length,
			claims: tagging.claims.length,
			correct: matches.filter((m) => m.predicted === m.label.category).length
		};
	});
	return { report: scoreMatches(all, categoryIds), articles: perArticle };
}

const cell = (n: number, width: number) => String(n).padStart(width);
const percent = (x: number | null) => (x === null ? '   –' : `${Math.round(x * 100)}%`.padStart(4));

/** The report as a plain-text table, for the terminal. */
export function formatReport(report: AccuracyReport, articles: readonly ArticleScore[] = []): string {
	const lines: string[] = [];
	if (articles.length) {
		const width = Math.max(7, ...articles.map((a) => a.id.length));
		lines.push(`${'article'.padEnd(width)}  labels  claims  right`);
		for (const a of articles)
			lines.push(`${a.id.padEnd(width)}  ${cell(a.labelled, 6)}  ${cell(a.claims, 6)}  ${cell(a.correct, 5)}`);
		lines.push('');
	}
	const width = Math.max(8, ...report.categories.map((c) => c.category.length));
	lines.push(`${'category'.padEnd(width)}  labels  precision  recall`);
	for (const c of report.categories)
		lines.push(`${c.category.padEnd(width)}  ${cell(c.labelled, 6)}  ${percent(c.precision).padStart(9)}  ${percent(c.recall).padStart(6)}`);
	lines.push(
		`overall: ${report.correct} of ${report.labelled} labelled claims right (${percent(report.accuracy).trim()}); ` +
			`same boundaries as the author for ${percent(report.sameSpan).trim()}`
	);
	return lines.join('\n');
}

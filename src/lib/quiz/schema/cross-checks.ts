/**
 * Checks that need the whole quiz: references between ids, uniqueness, and
 * quotes copied verbatim from the article.
 */
import { LIMITS } from '../limits.ts';
import { locator, tokenize, type Locate } from '../text.ts';
import { findMismatch, QUOTE_IN_ARTICLE, RELATED_IN_ARTICLE, type Mismatch } from '../verbatim.ts';
import { checkChoice, checkClassify, checkDecoys, checkInside, checkUnique, readsAlike } from './question-checks.ts';
import { isObject, issue, listOf, Soundness, type Ctx, type Loose, type Path } from './soundness.ts';

/** The article's paragraphs, and where a quote stands in them. */
interface ArticleText {
	paragraphs: readonly string[];
	locate: Locate;
}

/** Reports a quote, or a related passage, that is not in the article; true when it is. */
function checkQuote(ctx: Ctx, article: ArticleText, value: string, path: Path, what: 'The quote' | 'The related passage'): boolean {
	if (article.locate(value)) return true;
	const names = what === 'The quote' ? QUOTE_IN_ARTICLE : RELATED_IN_ARTICLE;
	const miss = findMismatch(article.paragraphs, value, names);
	issue(ctx, path, `${what} is not in the article word for word`, {
		found: miss ? excerpt(value, miss.at) : value,
		expected: miss?.passage
			? `the article's text ${JSON.stringify(articleExcerpt(article.paragraphs[miss.paragraph]!, miss, value.length))}`
			: 'a passage copied from the article',
		hint: miss
			? miss.passage
				? `${names === QUOTE_IN_ARTICLE ? 'closest passage is' : 'the article’s closest words are'} in paragraph ${miss.paragraph + 1}; first difference at character ${miss.at + 1}: ${miss.hint}`
				: miss.hint
			: undefined,
		at: miss?.passage ? miss.at : undefined
	});
	return false;
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

/**
 * The article's side of the same window: the words before the difference as the paragraph has them (a word
 * missing or added near the quote's start would cut the passage mid-word there), up to where the quote would
 * end, that last word whole.
 */
function articleExcerpt(paragraph: string, miss: Mismatch, quoteLength: number): string {
	const end = Math.min(paragraph.length, miss.paragraphAt - miss.at + quoteLength);
	const cut = tokenize(paragraph).find((t) => t.start < end && t.end > end);
	return excerpt(paragraph.slice(0, cut?.end ?? end), miss.paragraphAt);
}


/** The article's paragraphs, when every one of them is sound enough to judge quotes against. */
function soundArticle(value: Loose, ctx: Ctx, sound: Soundness): ArticleText | null {
	const article = isObject(value.article) && sound.ok(['article']) ? value.article : null;
	const raw = article && sound.ok(['article', 'paragraphs']) ? listOf(article.paragraphs) : [];
	// With no article to read (missing, misnamed or empty), quotes are judged once it is there: not one error per question.
	if (raw.length === 0 || !raw.every((p, i) => sound.text(p, ['article', 'paragraphs', i]) !== undefined)) return null;
	const paragraphs = raw as string[];
	const total = paragraphs.reduce((n, p) => n + p.length, 0);
	if (total > LIMITS.articleChars)
		issue(ctx, ['article', 'paragraphs'], `The article is too long (limit ${LIMITS.articleChars} characters)`, {
			found: `${total} characters`,
			hint: 'split a long article into two quizzes'
		});
	return { paragraphs, locate: locator(paragraphs) };
}

export function crossCheck(value: unknown, ctx: Ctx) {
	if (!isObject(value)) return;
	const sound = new Soundness(ctx.issues);
	const article = soundArticle(value, ctx, sound);

	const categories = sound.ok(['categories']) ? listOf(value.categories) : [];
	const maybeIds = categories.map((c, i) => (isObject(c) ? sound.text(c.id, ['categories', i, 'id']) : undefined));
	checkUnique(ctx, maybeIds, (i) => ['categories', i, 'id'], 'The category id');
	checkUnique(
		ctx,
		categories.map((c, i) => (isObject(c) ? sound.text(c.label, ['categories', i, 'label']) : undefined)),
		(i) => ['categories', i, 'label'],
		'The category label',
		readsAlike('label', 'students would see two buttons that read the same, and could not tell which is meant; rename one of them')
	);
	// References to categories are checked only when every category id is known, and there are enough of them:
	// with one category, every other answer would be reported before the one mistake that explains them.
	const enough = categories.length >= LIMITS.minCategories;
	const categoryIds = sound.ok(['categories']) && enough && !maybeIds.includes(undefined) ? (maybeIds as string[]) : null;

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
		const written = sound.text(q.quote, at('quote'));
		// Cues and decoys are read inside the quote; a quote that is not the
		// article's is reported alone, and its cues are checked once it is fixed.
		const quoteText =
			written !== undefined && article && !checkQuote(ctx, article, written, at('quote'), 'The quote') ? undefined : written;
		if (article) {
			if (sound.ok(at('related')))
				listOf(q.related).forEach((r, j) => {
					const passage = sound.text(r, at('related', j));
					if (passage !== undefined) checkQuote(ctx, article, passage, at('related', j), 'The related passage');
				});
			if (q.type === 'order' && sound.ok(at('items')))
				listOf(q.items).forEach((item, j) => {
					const claim = isObject(item) ? sound.text(item.quote, at('items', j, 'quote')) : undefined;
					if (claim !== undefined) checkQuote(ctx, article, claim, at('items', j, 'quote'), 'The quote');
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
		if (q.type === 'order' && sound.ok(at('items'))) {
			const items = listOf(q.items);
			const ids = items.map((item, j) => (isObject(item) ? sound.text(item.id, at('items', j, 'id')) : undefined));
			checkUnique(ctx, ids, (j) => at('items', j, 'id'), 'The claim id');
			checkUnique(
				ctx,
				items.map((item, j) => (isObject(item) ? sound.text(item.quote, at('items', j, 'quote')) : undefined)),
				(j) => at('items', j, 'quote'),
				'The claim',
				readsAlike('quote', 'students would see the same claim twice, with no right place for either; quote another claim')
			);
		}
	});
}

/**
 * Designs that let a test-wise student score without reading: the right
 * option is the longest one most of the time, or feedback states the answer
 * of the question that comes straight after it.
 */
import type { Question, Quiz } from '../schema.ts';
import { locator, tokenize, type Locate } from '../text.ts';
import { idList, problemAt, type Found } from './problem.ts';
import { valueAt } from './zod-issues.ts';

type Choice = Extract<Question, { type: 'choice' }>;

/** True when the right option is longer than every wrong one. */
function rightIsLongest(q: Choice): boolean {
	const right = q.options.find((o) => o.id === q.answer)!;
	return q.options.every((o) => o === right || o.text.length < right.text.length);
}

function longestRight(quiz: Quiz): Found[] {
	const choices = quiz.questions.map((q, i) => ({ q, i })).filter((x): x is { q: Choice; i: number } => x.q.type === 'choice');
	const longest = choices.filter(({ q }) => rightIsLongest(q));
	const first = longest[0];
	if (!first || longest.length * 2 <= choices.length) return [];
	return [
		problemAt(
			'warning',
			['questions', first.i, 'options', first.q.options.findIndex((o) => o.id === first.q.answer), 'text'],
			`The right option is the longest in ${longest.length} of ${choices.length} choice questions`,
			{
				found: `the longest option is the right one in ${idList(longest.map(({ q }) => q.id), 20)}`,
				expected: 'the right option the longest in at most half of them',
				hint: 'a student who always picks the longest answer scores without reading; shorten some right options or lengthen a wrong one'
			}
		)
	];
}

interface Word {
	text: string;
	start: number;
}

/** A word's letters as compared: lower case, a curly apostrophe as a straight one. */
const plain = (word: string) => {
	const lower = word.toLowerCase();
	return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
};

const words = (text: string): Word[] => tokenize(text).map((t) => ({ text: plain(t.text), start: t.start }));

/** Where in `hay` the words of `needle` stand in a row, if they do. */
function findRun(hay: readonly Word[], needle: readonly Word[]): number | null {
	if (needle.length === 0) return null;
	const first = needle[0]!.text;
	for (let i = 0; i + needle.length <= hay.length; i++)
		if (hay[i]!.text === first && needle.every((w, j) => hay[i + j]!.text === w.text)) return hay[i]!.start;
	return null;
}

/** Where `hay` holds a run of at least half of `needle`'s words (at least 4, or all of a shorter needle). */
function findHalf(hay: readonly Word[], needle: readonly Word[]): number | null {
	const size = Math.min(needle.length, Math.max(4, Math.ceil(needle.length / 2)));
	for (let i = 0; i + size <= needle.length; i++) {
		const at = findRun(hay, needle.slice(i, i + size));
		if (at !== null) return at;
	}
	return null;
}

/** The paragraphs of the article a question quotes. */
function paragraphsOf(locate: Locate, q: Question): Set<number> {
	const quotes = q.type === 'order' ? q.items.map((i) => i.quote) : q.quote === undefined ? [] : [q.quote];
	return new Set(quotes.flatMap((quote) => locate(quote)?.paragraph ?? []));
}

function sameParagraph(locate: Locate, a: Question, b: Question): boolean {
	const of = paragraphsOf(locate, b);
	return [...paragraphsOf(locate, a)].some((p) => of.has(p));
}

/**
 * Where the feedback of `a` quotes the answer of `b`, the next question. To
 * quote a text is to hold at least half of its words in a row (at least four,
 * or all of a shorter text), letter case and punctuation aside. The answer is
 * `b`'s right option; or, when both questions quote the same paragraph, `b`'s
 * right category label, or every one of its cues. (The paragraphs are looked
 * up last, for the few that quote them: in a long article that is the slow part.)
 */
function quotesAnswer(quiz: Quiz, locate: Locate, a: Question, b: Question): { at: number; what: string } | null {
	// An order is not a text that feedback could quote.
	if (b.type === 'order') return null;
	const feedback = words(a.explanation);
	if (b.type === 'choice') {
		const right = b.options.find((o) => o.id === b.answer)!;
		const at = findHalf(feedback, words(right.text));
		return at === null ? null : { at, what: 'its right option' };
	}
	if (b.type === 'classify') {
		const label = quiz.categories.find((c) => c.id === b.answer)!.label;
		const at = findHalf(feedback, words(label));
		return at !== null && sameParagraph(locate, a, b) ? { at, what: `its label, “${label}”` } : null;
	}
	const found = b.cues.map((c) => findHalf(feedback, words(c)));
	return found.every((at) => at !== null) && sameParagraph(locate, a, b) ? { at: Math.min(...(found as number[])), what: 'its cue words' } : null;
}

function givesNextAway(quiz: Quiz, data: unknown): Found[] {
	const out: Found[] = [];
	const locate = locator(quiz.article.paragraphs);
	quiz.questions.forEach((a, i) => {
		const b = quiz.questions[i + 1];
		// A draft's placeholder, which names the label it explains, never comes here: it makes the quiz invalid.
		const hit = b && quotesAnswer(quiz, locate, a, b);
		if (!b || !hit) return;
		// Positions are in the trimmed text the schema returns; the file may hold spaces before it.
		const raw = valueAt(data, ['questions', i, 'explanation']);
		const lead = typeof raw === 'string' ? Math.max(0, raw.indexOf(a.explanation)) : 0;
		out.push(
			problemAt('warning', ['questions', i, 'explanation'], `The explanation of "${a.id}" gives away the answer to the next question, "${b.id}"`, {
				found: `${hit.what} in this explanation`,
				expected: 'feedback that leaves the next question open',
				hint: `students read this just before answering "${b.id}"; reword it, or ask "${b.id}" something this explanation does not answer`,
				at: lead + hit.at
			})
		);
	});
	return out;
}

export function giveaways(quiz: Quiz, data: unknown): Found[] {
	return [...longestRight(quiz), ...givesNextAway(quiz, data)];
}

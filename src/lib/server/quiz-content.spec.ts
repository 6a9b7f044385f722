import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QuizSchema, type Question, type Quiz } from '../quiz/schema.ts';
import { locate, spansOf, wordCount } from '../quiz/text.ts';

const files = readdirSync('quizzes').filter((f) => f.endsWith('.json'));
const quizzes = files.map((file) => ({ file, quiz: QuizSchema.parse(JSON.parse(readFileSync(`quizzes/${file}`, 'utf8'))) }));

/** Every passage of the article a question quotes. */
const quotesOf = (q: Question): string[] => (q.type === 'order' ? q.items.map((i) => i.quote) : q.quote === undefined ? [] : [q.quote]);

/** Each sentence of the article, with the paragraph it stands in. */
function sentences(quiz: Quiz) {
	const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
	return quiz.article.paragraphs.flatMap((p) => Array.from(segmenter.segment(p), (s) => ({ text: s.segment.trim(), paragraph: p, start: s.index })));
}

/** What every student reads after answering: the explanation, and for an order question each claim's. */
const feedback = (q: Question): string[] => (q.type === 'order' ? [q.explanation, ...q.items.map((i) => i.explanation)] : [q.explanation]);

describe('every shipped quiz', () => {
	it.each(quizzes)('$file quotes its article verbatim and keeps every cue inside its quote', ({ quiz }) => {
		const paragraphs = quiz.article.paragraphs;
		for (const q of quiz.questions) {
			for (const quote of quotesOf(q)) expect(locate(paragraphs, quote), `${q.id} quote`).not.toBeNull();
			for (const r of q.related ?? []) expect(locate(paragraphs, r), `${q.id} related`).not.toBeNull();
			if (q.type !== 'order' && q.quote !== undefined) expect(spansOf(q.quote, q.cues ?? []), `${q.id} cues`).not.toContain(null);
		}
	});

	it.each(quizzes)('$file weighs claims in one order question and answers every category at least twice', ({ quiz }) => {
		expect(quiz.questions.filter((q) => q.type === 'order')).toHaveLength(1);
		for (const c of quiz.categories)
			expect(quiz.questions.filter((q) => q.type === 'classify' && q.answer === c.id).length, c.id).toBeGreaterThanOrEqual(2);
	});

	it.each(quizzes)('$file keeps each explanation to about 50 words in two to four sentences, without jargon', ({ quiz }) => {
		for (const q of quiz.questions) {
			for (const text of feedback(q)) expect(wordCount(text), q.id).toBeLessThanOrEqual(55);
			const sentences = q.explanation.split(/(?<=[.!?][”’)]?)\s+(?=[A-Z“(])/).length;
			expect(sentences, q.id).toBeGreaterThanOrEqual(2);
			expect(sentences, q.id).toBeLessThanOrEqual(4);
			if (q.type === 'classify') expect(Object.keys(q.whyNot).length, q.id).toBe(quiz.categories.length - 1);
			if (q.type === 'choice') expect(q.options.filter((o) => o.id !== q.answer && !o.whyNot), q.id).toEqual([]);
		}
		expect(JSON.stringify(quiz).toLowerCase()).not.toContain('attribution');
	});
});

describe('the quizzes written from an article text', () => {
	const fromText = quizzes.filter(({ file }) => existsSync(`quizzes/articles/${file.replace(/\.json$/, '.txt')}`));
	const newer = fromText.filter(({ file }) => file !== 'sessions-offered-to-resign.json');

	it('has the seed and two more', () => {
		expect(newer.length).toBeGreaterThanOrEqual(2);
	});

	it.each(fromText)('$file quotes its article text exactly', ({ file, quiz }) => {
		const text = readFileSync(`quizzes/articles/${file.replace(/\.json$/, '.txt')}`, 'utf8');
		expect(quiz.article.paragraphs).toEqual(text.split('\n').filter((line) => line.trim() !== ''));
	});

	it.each(newer)('$file has 12 to 16 questions, one on a sentence the article does not hold, and ends by pulling it together', ({ quiz }) => {
		expect(quiz.questions.length).toBeGreaterThanOrEqual(12);
		expect(quiz.questions.length).toBeLessThanOrEqual(16);
		const article = quiz.article.paragraphs.join('\n');
		const unseen = quiz.questions.filter(
			(q) => q.type === 'choice' && [...q.prompt.matchAll(/“([^”]{40,})”/g)].some(([, quoted]) => !article.includes(quoted!))
		);
		expect(unseen.length).toBeGreaterThanOrEqual(1);
		const last = quiz.questions.at(-1)!;
		expect(last.type === 'choice' && last.quote === undefined).toBe(true);
	});
});

describe('the seed article quiz', () => {
	const seed = quizzes.find((q) => q.file === 'sessions-offered-to-resign.json')!.quiz;
	const article = readFileSync('quizzes/articles/sessions-offered-to-resign.txt', 'utf8');

	it('quotes the seed article exactly, typos included', () => {
		const paragraphs = article.split('\n').filter((line) => line.trim() !== '');
		expect(seed.article.paragraphs).toEqual(paragraphs);
		expect(seed.article.paragraphs.join(' ')).toContain('he had failed disclose his contacts');
	});

	it('stays around 20 questions: a dozen labels, and the other kinds for what labels cannot ask', () => {
		expect(seed.questions.length).toBeGreaterThanOrEqual(18);
		expect(seed.questions.length).toBeLessThanOrEqual(22);
		expect(seed.questions.filter((q) => q.type === 'classify').length).toBeGreaterThanOrEqual(10);
		expect(new Set(seed.questions.map((q) => q.type))).toEqual(new Set(['classify', 'cue', 'choice', 'order']));
	});

	it('asks about every sentence of the article', () => {
		const uncovered = sentences(seed).filter(({ paragraph, start, text }) => {
			const end = start + text.length;
			return !seed.questions.some((q) =>
				quotesOf(q).some((quote) => {
					const at = paragraph.indexOf(quote);
					return at >= 0 && at < end && start < at + quote.length;
				})
			);
		});
		expect(uncovered.map((s) => s.text)).toEqual([]);
	});

	it('does not state the reported offer as fact in its headline', () => {
		expect(seed.article.headline).toMatch(/^Report:/);
	});
});

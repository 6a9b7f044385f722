import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QuizSchema } from '../quiz/schema.ts';
import { locate, spansOf } from '../quiz/text.ts';

const files = readdirSync('quizzes').filter((f) => f.endsWith('.json'));
const quizzes = files.map((file) => ({ file, quiz: QuizSchema.parse(JSON.parse(readFileSync(`quizzes/${file}`, 'utf8'))) }));

describe('every shipped quiz', () => {
	it.each(quizzes)('$file quotes its article verbatim and keeps every cue inside its quote', ({ quiz }) => {
		const paragraphs = quiz.article.paragraphs;
		for (const q of quiz.questions) {
			for (const item of q.type === 'order' ? q.items : []) expect(locate(paragraphs, item.quote), `${q.id} ${item.id}`).not.toBeNull();
			if (q.type === 'order') continue;
			if (q.quote !== undefined) expect(locate(paragraphs, q.quote), `${q.id} quote`).not.toBeNull();
			for (const r of q.related ?? []) expect(locate(paragraphs, r), `${q.id} related`).not.toBeNull();
			if (q.quote !== undefined) expect(spansOf(q.quote, q.cues ?? []), `${q.id} cues`).not.toContain(null);
		}
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

	it('has at least 15 classify items covering every sentence, all three labels well represented', () => {
		const classify = seed.questions.filter((q) => q.type === 'classify');
		expect(classify.length).toBeGreaterThanOrEqual(15);
		for (const id of ['fact', 'anonymous', 'non-answer'])
			expect(classify.filter((q) => q.type === 'classify' && q.answer === id).length, id).toBeGreaterThanOrEqual(3);

		const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
		const sentences = seed.article.paragraphs.flatMap((p) =>
			Array.from(segmenter.segment(p), (s) => ({ text: s.segment.trim(), paragraph: p, start: s.index }))
		);
		const uncovered = sentences.filter(({ paragraph, start, text }) => {
			const end = start + text.length;
			return !classify.some((q) => {
				const at = paragraph.indexOf(q.quote!);
				return at >= 0 && at < end && start < at + q.quote!.length;
			});
		});
		expect(uncovered.map((s) => s.text)).toEqual([]);
	});

	it('has at least 6 items of the other types, each naming its cue or pointing to a passage', () => {
		const others = seed.questions.filter((q) => q.type !== 'classify');
		expect(others.length).toBeGreaterThanOrEqual(6);
		expect(new Set(others.map((q) => q.type))).toEqual(new Set(['cue', 'choice']));
	});

	it('explains every item in two to four sentences, with a why-not for every wrong choice', () => {
		for (const q of seed.questions) {
			const sentences = q.explanation.split(/(?<=[.!?][”’)]?)\s+(?=[A-Z“(])/).length;
			expect(sentences, q.id).toBeGreaterThanOrEqual(2);
			expect(sentences, q.id).toBeLessThanOrEqual(4);
			if (q.type === 'classify') expect(Object.keys(q.whyNot).length, q.id).toBe(seed.categories.length - 1);
			if (q.type === 'choice') expect(q.options.filter((o) => o.id !== q.answer && !o.whyNot), q.id).toEqual([]);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../quiz/categories.ts';
import { evaluate, formatReport, matchClaims, scoreMatches, type Prediction } from './accuracy.ts';
import { CORPUS } from './corpus/index.ts';
import { tagArticle } from './tagger.ts';

const categoryIds = DEFAULT_CATEGORIES.map((c) => c.id);
const paragraph = 'The mayor reportedly wants a stadium, and the council voted for it – the vote was public – on Monday.';
const at = (text: string, category: string, kind: Prediction['kind'] = 'clause'): Prediction => {
	const start = paragraph.indexOf(text);
	return { paragraph: 0, start, end: start + text.length, category, kind };
};

describe('matching tagger claims to labelled claims', () => {
	const predictions = [
		at('The mayor reportedly wants a stadium', 'anonymous'),
		at('the council voted for it – the vote was public – on Monday.', 'fact'),
		at('the vote was public', 'non-answer', 'aside')
	];

	it('lets the claims overlapping a label vote with the characters they cover', () => {
		const [whole, mayor] = matchClaims([paragraph], predictions, [
			{ text: 'The mayor reportedly wants a stadium, and the council voted for it', category: 'anonymous' },
			{ text: 'mayor reportedly', category: 'anonymous' }
		]);
		expect(whole).toMatchObject({ predicted: 'anonymous', sameSpan: false });
		expect(mayor).toMatchObject({ predicted: 'anonymous', sameSpan: false });
	});

	it('counts an aside’s characters for the aside, not for the clause around it', () => {
		const [aside, clause] = matchClaims([paragraph], predictions, [
			{ text: 'the vote was public', category: 'fact' },
			{ text: 'the council voted for it – the vote was public – on Monday.', category: 'fact' }
		]);
		expect(aside).toMatchObject({ predicted: 'non-answer', sameSpan: true });
		expect(clause).toMatchObject({ predicted: 'fact', sameSpan: true });
	});

	it('predicts nothing for a label that is not in the text', () => {
		const [missing] = matchClaims([paragraph], predictions, [{ text: 'The mayor resigned.', category: 'fact' }]);
		expect(missing!.predicted).toBeNull();
	});

	it('computes accuracy, precision and recall per category', () => {
		const report = scoreMatches(
			[
				{ label: { text: 'a', category: 'fact' }, predicted: 'fact', sameSpan: true },
				{ label: { text: 'b', category: 'fact' }, predicted: 'anonymous', sameSpan: false },
				{ label: { text: 'c', category: 'anonymous' }, predicted: 'anonymous', sameSpan: true },
				{ label: { text: 'd', category: 'non-answer' }, predicted: null, sameSpan: false }
			],
			categoryIds
		);
		expect(report).toMatchObject({ labelled: 4, correct: 2, accuracy: 0.5, sameSpan: 0.5 });
		expect(report.categories).toEqual([
			{ category: 'fact', labelled: 2, predicted: 1, correct: 1, precision: 1, recall: 0.5 },
			{ category: 'anonymous', labelled: 1, predicted: 2, correct: 1, precision: 0.5, recall: 1 },
			{ category: 'non-answer', labelled: 1, predicted: 0, correct: 0, precision: null, recall: 0 }
		]);
	});
});

describe('the tagger on the labelled set', () => {
	it('gets at least 80% of labelled claims right, and no category under 70% recall', () => {
		const { report, articles } = evaluate(CORPUS, (text) => tagArticle(text), categoryIds);
		console.log(`Attribution tagger on the labelled set\n${formatReport(report, articles)}`);
		for (const m of report.matches)
			if (m.predicted !== m.label.category)
				console.log(`  missed: ${m.label.category} taken for ${m.predicted ?? 'nothing'}: “${m.label.text}”`);

		expect(report.labelled).toBe(CORPUS.reduce((n, a) => n + a.labels.length, 0));
		expect(report.accuracy).toBeGreaterThanOrEqual(0.8);
		for (const c of report.categories) expect(c.recall ?? 0, c.category).toBeGreaterThanOrEqual(0.7);
	});
});

import { describe, expect, it } from 'vitest';
import { sampleOrder, sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { highlightsFor } from '../../components/quiz/highlights.ts';
import { validateQuizText } from '../validate.ts';
import { formatProblem } from './format.ts';

type Data = Record<string, any>;
/** The sample quiz with a fourth paragraph that repeats the first sentence's words, as a wire story repeats its lead. */
const repeated = (edit: (data: Data) => void) => {
	const data = structuredClone(sampleQuiz) as Data;
	data.article.paragraphs.push('Again: the minutes show the vote was close.');
	edit(data);
	const r = validateQuizText(JSON.stringify(data, null, '\t'));
	return r.ok ? r.warnings.map((p) => formatProblem('quiz.json', p)) : ['invalid'];
};

describe('a quote found in two places of the article', () => {
	it('is lit up in its first place only', () => {
		const paragraphs = [...sampleQuiz.article.paragraphs, 'Again: the minutes show the vote was close.'];
		expect(highlightsFor(paragraphs, ['the minutes show'], null).map((h) => h.paragraph)).toEqual([0]);
	});

	it('is warned about, naming both paragraphs and the one students see lit up', () => {
		expect(repeated((d) => (d.questions[4].quote = 'the minutes show'))).toEqual([
			'quiz.json:79:4 warning questions[4].quote: The quote stands in two places of the article: paragraphs 1 and 4 (expected words found in one place only) hint: students see only its first place lit up, in paragraph 1; quote more of the sentence so that it is found once'
		]);
	});

	it('is warned about as a related passage, or twice in one paragraph', () => {
		expect(
			repeated((d) => {
				d.questions[1].related = ['the minutes show'];
				d.article.paragraphs[3] = 'Again: the minutes show the vote was close, the vote of a split council.';
				d.questions[2].related = ['the vote'];
			})
		).toEqual([
			'quiz.json:45:5 warning questions[1].related[0]: The related passage stands in two places of the article: paragraphs 1 and 4 (expected words found in one place only) hint: students see only its first place lit up, in paragraph 1; quote more of the sentence so that it is found once',
			'quiz.json:62:5 warning questions[2].related[0]: The related passage stands in two places of the article: twice in paragraph 4 (expected words found in one place only) hint: students see only its first place lit up, in paragraph 4; quote more of the sentence so that it is found once'
		]);
	});

	it('is warned about as an order question’s claim', () => {
		expect(
			repeated((d) => {
				d.questions.push(structuredClone(sampleOrder));
				d.questions[5].items[0].quote = 'the minutes show';
			})
		).toContainEqual(expect.stringMatching(/^quiz\.json:\d+:\d+ warning questions\[5\]\.items\[0\]\.quote: The claim’s quote stands in two places of the article: paragraphs 1 and 4 /));
	});
});

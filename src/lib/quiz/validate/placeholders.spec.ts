import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../test-support/sample-quiz.ts';
import { checkQuizFile } from '../quiz-file.ts';
import { validateQuizData } from '../validate.ts';
import { formatProblem } from './format.ts';

type Data = Record<string, any>;
/** What an author reads about the sample quiz once `edit` has changed it, and whether it may be played. */
const checked = (edit: (data: Data) => void) => {
	const data = structuredClone(sampleQuiz) as Data;
	edit(data);
	const r = checkQuizFile('quizzes/bridge.json', JSON.stringify(data, null, '\t'));
	return { ok: r.ok, lines: (r.ok ? r.warnings : r.problems).map((p) => formatProblem('bridge.json', p)) };
};

describe('a draft’s "TODO:" placeholders left in a quiz', () => {
	it('make the quiz invalid, naming every field and question that still holds one', () => {
		expect(
			checked((d) => {
				d.article.outlet = 'TODO: outlet';
				d.questions[1].explanation = 'TODO: explain why this is “Anonymous-source claim”, naming the cue.';
				d.questions[1].whyNot.fact = 'TODO: why a student might choose “Confirmed fact” here, and why it does not fit.';
			})
		).toEqual({
			ok: false,
			lines: [
				'bridge.json:6:14 error article.outlet: The quiz still holds 3 "TODO:" placeholders from the draft (found "TODO:" in article.outlet and in question "stadium"; expected texts written for students) hint: students would read "TODO:" on screen; write each of these texts, checking the label it explains, then check again'
			]
		});
	});

	it('are listed beside the file’s other problems, not after they are fixed', () => {
		const data = structuredClone(sampleQuiz) as Data;
		data.article.date = 'June 2017';
		data.questions[0].explanation = 'TODO: explain why this is “Confirmed fact”, naming the cue.';
		const r = validateQuizData(data);
		expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'article.date: The date must be a real day written YYYY-MM-DD, like "2017-06-06"',
			'questions[0].explanation: The quiz still holds a "TODO:" placeholder from the draft'
		]);
	});

	it('are not looked for in the article’s own words, nor in passages quoted from it', () => {
		expect(
			checked((d) => {
				d.article.paragraphs[0] = 'TODO: the council voted 5–2 on Monday to delay the bridge repair, the minutes show.';
				d.questions[0].quote = d.article.paragraphs[0];
			})
		).toEqual({ ok: true, lines: [] });
	});
});

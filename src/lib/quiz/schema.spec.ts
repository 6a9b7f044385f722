import { describe, expect, it } from 'vitest';
import { QuizSchema } from './schema.ts';
import { sampleQuiz } from '../../test-support/sample-quiz.ts';
import { validateQuizData } from './validate.ts';
import { formatProblem } from './validate/format.ts';

const clone = () => structuredClone(sampleQuiz) as unknown as Record<string, any>;
const messages = (data: unknown) => {
	const r = QuizSchema.safeParse(data);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('quiz schema', () => {
	it('accepts the sample quiz and fills in the default categories', () => {
		const quiz = QuizSchema.parse(sampleQuiz);
		expect(quiz.categories.map((c) => c.id)).toEqual(['fact', 'anonymous', 'non-answer']);
		expect(quiz.language).toBe('en');
	});

	it('rejects a quote that is not in the article, naming the first difference', () => {
		const data = clone();
		data.questions[2].quote = 'Asked about the stadium, a spokesperson said: "I won’t get into that today.”';
		const r = QuizSchema.safeParse(data);
		expect(r.success).toBe(false);
		const issue = r.error!.issues.find((i) => i.path.join('.') === 'questions.2.quote')!;
		expect(issue.message).toMatch(/not in the article word for word/);
		expect((issue as { params?: { hint?: string } }).params?.hint).toMatch(/straight double quote/);
	});

	it('reports a missing or misnamed article once, not as every quote missing from it', () => {
		for (const broken of [
			(a: Record<string, any>) => ((a.paragraph = a.paragraphs), delete a.paragraphs),
			(a: Record<string, any>) => (a.paragraphs = [])
		]) {
			const data = clone();
			broken(data.article);
			const found = messages(data);
			expect(found.length).toBeGreaterThan(0);
			expect(found.filter((m) => /not in the article/.test(m))).toEqual([]);
		}
	});

	it('rejects a cue outside its quote', () => {
		const data = clone();
		data.questions[1].cues = ['allegedly'];
		expect(messages(data)).toContain('questions.1.cues.0: The cue "allegedly" is not inside the quote');
	});

	it('rejects an answer that is not a category, and a whyNot that misses a wrong category', () => {
		const data = clone();
		data.questions[0].answer = 'rumour';
		delete data.questions[1].whyNot.fact;
		const found = messages(data);
		expect(found).toContain(`questions.0.answer: The answer "rumour" is not one of the quiz's categories`);
		expect(found).toContain('questions.1.whyNot: whyNot has nothing for "fact"');
	});

	it('rejects duplicate question ids and a wrong option without whyNot', () => {
		const data = clone();
		data.questions[1].id = 'vote';
		delete data.questions[4].options[0].whyNot;
		const found = messages(data);
		expect(found).toContain('questions.1.id: The question id "vote" is used twice');
		expect(found).toContain('questions.4.options.0.whyNot: The wrong option "yes" needs a whyNot');
	});

	it('refuses a decoy that covers a word a cue covers, as grading counts words', () => {
		const data = clone();
		data.questions[3].cues = ['according to', 'two people familiar'];
		data.questions[3].decoys = [{ text: 'familiar with', whyNot: 'Half the source.' }];
		expect(messages(data)).toContain('questions.3.decoys.0.text: The decoy "familiar with" overlaps a cue');
		data.questions[3].cues = ['according to two people'];
		data.questions[3].decoys = [{ text: 'the talks', whyNot: 'The topic.' }];
		expect(messages(data)).toEqual([]);
	});

	it('refuses a cue or decoy that is only part of a word, naming the word it landed in', () => {
		const data = clone();
		data.questions[3].cues = ['according to', 'two people famil'];
		data.questions[3].decoys = [{ text: 'alks', whyNot: 'Half a word.' }];
		const found = messages(data);
		expect(found).toContain('questions.3.cues.1: The cue "two people famil" is only part of a word in the quote: "two people familiar"');
		expect(found).toContain('questions.3.decoys.0.text: The decoy "alks" is only part of a word in the quote: "talks"');
	});

	it('accepts a claim with no source word, and asks for one only where students must mark it', () => {
		const data = clone();
		data.questions[0].cues = [];
		expect(messages(data)).toEqual([]);
		data.questions[1].cues = [];
		expect(messages(data)).toEqual(['questions.1.cite: A question that asks students to mark cue words has none listed']);
		data.questions[3].cues = [];
		expect(messages(data)).toContain('questions.3.cues: List at least one cue: the words that signal the source');
	});

	it('rejects unknown fields', () => {
		const data = clone();
		data.questions[0].explantion = 'typo';
		const r = QuizSchema.safeParse(data);
		expect(r.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['explantion'] });
	});
});

describe('the article’s url', () => {
	const said = (url: string) => {
		const data = clone();
		data.article.url = url;
		const r = validateQuizData(data);
		return r.ok ? [] : r.problems.map((p) => formatProblem('quiz.json', p));
	};

	it.each(['https://example.org/pool', 'http://example.org/pool?page=2#comments'])('accepts a web address, %s', (url) => {
		expect(said(url)).toEqual([]);
	});

	it.each(['ftp://example.org/pool', 'mailto:editor@example.org', 'javascript:alert(1)', 'https:/example.org/pool', 'https://localhost/pool', 'example.org/pool'])(
		'refuses %s, which students could not open as a web page',
		(url) => {
			expect(said(url)).toEqual([
				`quiz.json error article.url: The url must be a full web address starting with https:// (or http://) (found the text ${JSON.stringify(url)}; expected a web address like "https://example.org/story") hint: copy the address from the browser’s address bar`
			]);
		}
	);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, FOUR_CATEGORIES } from '../quiz/categories.ts';
import { validateQuizData } from '../quiz/validate.ts';
import { UNWRITTEN } from '../quiz/validate/placeholders.ts';
import { CORPUS } from './corpus/index.ts';
import { draftQuiz } from './draft.ts';
import {
	applyReview,
	articleLimitProblem,
	carryChoices,
	initialChoices,
	quizFileName,
	reviewItems,
	type Choice
} from './review.ts';

/** A draft asks classify questions only, each about a quote. */
const quoteOf = (q: { type: string; quote?: string }) => q.quote;

const ARTICLE = [
	'Ferry to Gull Island may stop running next spring',
	'The Harbour Board voted 5 to 2 on Tuesday to end the Gull Island ferry route in April.',
	'According to two people familiar with the talks, the island’s only school may also close.',
	'Board chair Mina Okafor declined to comment on the school.'
].join('\n');

const ids = DEFAULT_CATEGORIES.map((c) => c.id);

/** A draft is a valid quiz but for the texts it leaves the author to write, which the checker lists in one problem. */
function expectDraft(quiz: unknown) {
	const result = validateQuizData(quiz);
	expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
		expect.stringMatching(UNWRITTEN)
	]);
}

describe('applyReview', () => {
	it('leaves an unchanged review as the draft, pointed at the schema from quizzes/', () => {
		const draft = draftQuiz(ARTICLE);
		const quiz = applyReview(draft, initialChoices(reviewItems(draft)));
		expect(quiz).toEqual({ ...draft.quiz, $schema: '../static/quiz.schema.json' });
		expectDraft(quiz);
	});

	it('answers with the label the author chose, and asks them to explain it', () => {
		const draft = draftQuiz(ARTICLE);
		const choices = initialChoices(reviewItems(draft));
		expect(choices.map((c) => c.category)).toEqual(['fact', 'anonymous', 'non-answer']);
		choices[1] = { category: 'fact', reviewed: true, included: true };
		const quiz = applyReview(draft, choices);
		const changed = quiz.questions[1]!;
		expect(changed).toMatchObject({ id: 'c2', answer: 'fact', quote: quoteOf(draft.quiz.questions[1]!) });
		if (changed.type !== 'classify') throw new Error('a draft asks classify questions');
		expect(changed.explanation).toMatch(/^TODO: explain why this is “Confirmed fact”/);
		expect(changed.explanation).toContain('The tagger suggested “Anonymous-source claim”');
		expect(Object.keys(changed.whyNot).sort()).toEqual(['anonymous', 'non-answer']);
		expect(changed.whyNot.anonymous).toMatch(/^TODO: .*the tagger did: it rests on a source the reader cannot identify/);
		for (const text of Object.values(changed.whyNot)) expect(text.startsWith('TODO:')).toBe(true);
		expect(quiz.questions[0]).toEqual(draft.quiz.questions[0]);
		expectDraft(quiz);
	});

	it('leaves dropped claims out and keeps the others’ ids', () => {
		const draft = draftQuiz(ARTICLE);
		const choices = initialChoices(reviewItems(draft));
		choices[0]!.included = false;
		const quiz = applyReview(draft, choices);
		expect(quiz.questions.map((q) => q.id)).toEqual(['c2', 'c3']);
		expect(quiz.article.paragraphs).toEqual(draft.quiz.article.paragraphs);
		expectDraft(quiz);
	});

	it('takes the author’s headline and outlet, and the first line’s headline when none is given', () => {
		const draft = draftQuiz(ARTICLE);
		const choices = initialChoices(reviewItems(draft));
		expect(applyReview(draft, choices, { headline: '  ', outlet: '' })).toMatchObject({
			title: 'Ferry to Gull Island may stop running next spring',
			article: { headline: 'Ferry to Gull Island may stop running next spring', outlet: 'TODO: outlet' }
		});
		expect(applyReview(draft, choices, { headline: ' Island ferry to end ', outlet: ' The Gull Gazette ' })).toMatchObject({
			title: 'Island ferry to end',
			article: { headline: 'Island ferry to end', outlet: 'The Gull Gazette' }
		});
		const long = applyReview(draft, choices, { headline: 'word '.repeat(40), outlet: 'x'.repeat(150) });
		expect(long.title).toBe('Draft quiz');
		expectDraft(long);
	});

	it('gives a valid quiz for any labels, as long as one claim stays', () => {
		const draft = draftQuiz(`${CORPUS[0]!.headline}\n${CORPUS[0]!.text}`);
		const n = draft.quiz.questions.length;
		const choice = fc.record({ category: fc.constantFrom(...ids), reviewed: fc.boolean(), included: fc.boolean() });
		fc.assert(
			fc.property(fc.array(choice, { minLength: n, maxLength: n }), fc.nat(n - 1), (choices: Choice[], keep) => {
				choices[keep]!.included = true;
				expectDraft(applyReview(draft, choices));
			}),
			{ numRuns: 30 }
		);
	});
});

describe('reviewItems', () => {
	it('pairs each question with its claim, leaving out claims too long to ask about', () => {
		const long = `The council met ${'and talked '.repeat(100)}until late.`;
		const draft = draftQuiz(`${long}\nA spokesperson declined to comment.`);
		const items = reviewItems(draft);
		expect(draft.skipped).toHaveLength(1);
		expect(items.map((i) => i.id)).toEqual(['c1']);
		expect(items[0]!.claim.text).toBe(quoteOf(draft.quiz.questions[0]!));
	});
});

describe('carryChoices', () => {
	it('keeps what the author decided about claims whose words did not change', () => {
		const before = draftQuiz(ARTICLE);
		const beforeItems = reviewItems(before);
		const choices = initialChoices(beforeItems);
		choices[0] = { category: 'anonymous', reviewed: true, included: true };
		choices[2] = { category: 'non-answer', reviewed: false, included: false };

		const edited = ARTICLE.replace('two people familiar with the talks', 'the mayor');
		const afterItems = reviewItems(draftQuiz(edited));
		expect(carryChoices(beforeItems, choices, afterItems)).toEqual([
			{ category: 'anonymous', reviewed: true, included: true },
			{ category: afterItems[1]!.claim.category, reviewed: false, included: true },
			{ category: 'non-answer', reviewed: false, included: false }
		]);
	});

	it('gives a claim whose label the new set lacks the new suggestion, to review again, and keeps it dropped if it was', () => {
		const text = 'Tom Becker, the mayor, said the ferry would run.\nThe board met on Tuesday.\nPolice said the road was closed.';
		const four = reviewItems(draftQuiz(text, { categories: FOUR_CATEGORIES }));
		const choices: Choice[] = [
			{ category: 'named-claim', reviewed: true, included: true },
			{ category: 'anonymous', reviewed: true, included: true },
			{ category: 'named-claim', reviewed: false, included: false }
		];
		const three = reviewItems(draftQuiz(text));
		expect(carryChoices(four, choices, three)).toEqual([
			{ category: 'fact', reviewed: false, included: true },
			{ category: 'anonymous', reviewed: true, included: true },
			{ category: 'fact', reviewed: false, included: false }
		]);
		// Back to four labels, every choice is one of them and is kept.
		expect(carryChoices(four, choices, four, FOUR_CATEGORIES)).toEqual(choices);
	});

	it('tells repeated claims apart by their order', () => {
		const text = 'The mayor declined to comment.\nThe board met.\nThe mayor declined to comment.';
		const items = reviewItems(draftQuiz(text));
		const choices = initialChoices(items);
		choices[2] = { category: 'fact', reviewed: true, included: true };
		const carried = carryChoices(items, choices, reviewItems(draftQuiz(`${text}\nThe board adjourned.`)));
		expect(carried.map((c) => c.reviewed)).toEqual([false, false, true, false]);
	});
});

describe('articleLimitProblem', () => {
	it('passes an article that fits, not counting its headline line', () => {
		expect(articleLimitProblem(ARTICLE)).toBeNull();
		const paragraph = `${'The board met. '.repeat(333)}`.trim();
		const lines = Array.from({ length: 12 }, () => paragraph);
		expect(lines.join('').length).toBeLessThanOrEqual(60_000);
		expect(articleLimitProblem(['A headline that takes room', ...lines].join('\n'))).toBeNull();
	});

	it('names the limit an article goes over', () => {
		const paragraph = `${'The board met. '.repeat(300)}`.trim();
		expect(articleLimitProblem(Array.from({ length: 14 }, () => paragraph).join('\n'))).toMatch(
			/^The article is 62,986 characters long, over the limit of 60,000 characters/
		);
		expect(articleLimitProblem(Array.from({ length: 201 }, () => 'The board met.').join('\n'))).toMatch(
			/^The article has 201 paragraphs, over the limit of 200/
		);
		expect(articleLimitProblem(`The board met.\n${'The board met again. '.repeat(250)}`)).toMatch(
			/^Paragraph 2 is 5,249 characters long, over the limit of 5,000/
		);
	});
});

describe('quizFileName', () => {
	it('makes a clean address from the headline', () => {
		expect(quizFileName('Ferry to Gull Island may stop running next spring')).toBe(
			'ferry-to-gull-island-may-stop-running-next-spring.json'
		);
		expect(quizFileName('Café owner’s “$2M” deal — what we know')).toBe('cafe-owners-2m-deal-what-we-know.json');
		expect(quizFileName('A headline so long that its address would be unwieldy in a list of quizzes')).toBe(
			'a-headline-so-long-that-its-address-would-be-unwieldy-in-a.json'
		);
		expect(quizFileName(null)).toBe('draft-quiz.json');
		expect(quizFileName('¿¡!')).toBe('draft-quiz.json');
	});
});

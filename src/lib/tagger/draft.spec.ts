import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, FOUR_CATEGORIES } from '../quiz/categories.ts';
import { validateQuizData } from '../quiz/validate.ts';
import { UNWRITTEN } from '../quiz/validate/placeholders.ts';
import { CORPUS } from './corpus/index.ts';
import { sessionsOfferedToResign } from './corpus/sessions-offered-to-resign.ts';
import { DraftError, draftQuiz, looksLikeHeadline } from './draft.ts';

const categoryIds = DEFAULT_CATEGORIES.map((c) => c.id);
const seedWithHeadline = `${sessionsOfferedToResign.headline}\n\n${sessionsOfferedToResign.text}`;

/** A draft is a valid quiz but for the texts it leaves the author to write, which the checker lists in one problem. */
function expectDraft(quiz: unknown) {
	const result = validateQuizData(quiz);
	expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
		expect.stringMatching(UNWRITTEN)
	]);
}

describe('draftQuiz', () => {
	it('drafts a valid quiz from the first article, headline and all', () => {
		const { quiz, tagging, headline } = draftQuiz(seedWithHeadline);
		expectDraft(quiz);
		expect(headline).toBe(sessionsOfferedToResign.headline);
		expect(quiz.title).toBe(sessionsOfferedToResign.headline);
		expect(quiz.article.headline).toBe(sessionsOfferedToResign.headline);
		expect(quiz.article.outlet).toBe('TODO: outlet');
		expect(quiz.article.paragraphs).toEqual(sessionsOfferedToResign.text.split('\n\n'));
		expect(quiz.questions).toHaveLength(tagging.claims.length);
	});

	it('asks one classify question per claim, answered with the suggestion, everything to write marked TODO', () => {
		const { quiz, tagging } = draftQuiz(seedWithHeadline);
		quiz.questions.forEach((q, i) => {
			const claim = tagging.claims[i]!;
			expect(q).toMatchObject({ type: 'classify', id: `c${i + 1}`, quote: claim.text, answer: claim.category });
			if (q.type !== 'classify') return;
			expect(q.explanation.startsWith('TODO:')).toBe(true);
			expect(Object.keys(q.whyNot).sort()).toEqual(categoryIds.filter((c) => c !== q.answer).sort());
			for (const text of Object.values(q.whyNot)) expect(text.startsWith('TODO:')).toBe(true);
			expect(q.cues).toHaveLength(1);
			expect(q.quote).toContain(q.cues[0]);
		});
	});

	it('uses the cue phrase as the cue, and a verbatim piece of the claim when there is none', () => {
		const { quiz } = draftQuiz(
			'The mayor reportedly wants a new stadium. The old stadium seated 8,000 people. Its roof leaks.'
		);
		const [hedged, verb, words] = quiz.questions;
		expect(hedged).toMatchObject({ cues: ['reportedly'] });
		expect(verb).toMatchObject({ answer: 'fact', cues: ['seated 8,000 people'] });
		expect(words).toMatchObject({ cues: ['Its roof leaks.'] });
	});

	it('offers no date as a cue: a claim only a date speaks for gets a placeholder, flagged as one', () => {
		const [dated] = draftQuiz('The new routes start by May 1.').quiz.questions;
		expect(dated).toMatchObject({ answer: 'fact' });
		expect(dated!.type === 'classify' && dated!.cues).not.toEqual(['by May 1']);
		expect(dated!.explanation).toContain('The cue listed is only a placeholder');
		expect(dated!.explanation).not.toContain('cue “by May 1”');
	});

	it('drafts a valid quiz from every corpus article', () => {
		for (const article of CORPUS) expectDraft(draftQuiz(`${article.headline}\n${article.text}`).quiz);
	});

	it('takes a first line that reads like a sentence as article text, titled "Draft quiz"', () => {
		const { quiz, headline } = draftQuiz('The council met on Monday.\nThe mayor declined to comment.');
		expect(headline).toBeNull();
		expect(quiz.title).toBe('Draft quiz');
		expect(quiz.article.paragraphs).toEqual(['The council met on Monday.', 'The mayor declined to comment.']);
		expect(looksLikeHeadline('Council cuts arts budget by 12 percent')).toBe(true);
		expect(looksLikeHeadline('The council cut the budget.')).toBe(false);
	});

	it('drafts the same quiz from an article wrapped at a width, blank lines between paragraphs, as from one paragraph a line', () => {
		const lines = 'Pool to stay shut\nThe pool will stay closed until June, the parks department said on Friday.\nThe repairs could cost $400,000, according to two people who have seen the report.';
		const wrapped =
			'Pool to stay shut\n\nThe pool will stay closed until June, the parks\ndepartment said on Friday.\n\n' +
			'The repairs could cost $400,000, according to two people\nwho have seen the report.\n';
		const fromWrapped = draftQuiz(wrapped);
		expect(fromWrapped.headline).toBe('Pool to stay shut');
		expect(fromWrapped.quiz.article.paragraphs).toHaveLength(2);
		expect(fromWrapped.quiz).toEqual(draftQuiz(lines).quiz);
	});

	it('with a named-source label, suggests it for what a named person or body says on the record, and lists the four labels', () => {
		const text =
			'Tom Becker, the league’s commissioner, said the ruling was fair.\n' +
			'The board voted 5-2 to uphold the ruling on Monday.\n' +
			'Police said the crowd left peacefully.\n' +
			'Two coaches, who asked not to be named, said the vote was decided in advance.';
		const answers = (categories?: typeof FOUR_CATEGORIES) => draftQuiz(text, categories ? { categories } : {}).quiz.questions.map((q) => q.type === 'classify' && q.answer);
		expect(answers()).toEqual(['fact', 'fact', 'fact', 'anonymous']);
		expect(answers(FOUR_CATEGORIES)).toEqual(['named-claim', 'fact', 'named-claim', 'anonymous']);
		const { quiz, tagging } = draftQuiz(text, { categories: FOUR_CATEGORIES });
		expectDraft(quiz);
		expect(quiz.categories?.map((c) => c.label)).toEqual(['Confirmed fact', 'Named-source claim', 'Anonymous-source claim', 'Official non-answer']);
		expect(tagging.claims.map((c) => c.category)).toEqual(['named-claim', 'fact', 'named-claim', 'anonymous']);
		const first = quiz.questions[0]!;
		expect(first.type === 'classify' && Object.keys(first.whyNot ?? {})).toEqual(['fact', 'anonymous', 'non-answer']);
	});

	it('refuses an empty text, or one with no sentence to ask about', () => {
		expect(() => draftQuiz('')).toThrow(DraftError);
		expect(() => draftQuiz(' \n \n')).toThrow(/empty/);
		expect(() => draftQuiz('***')).toThrow(/no sentences/);
	});

	it('drafts a valid quiz from any text of ordinary size it can find a sentence in', () => {
		const sentence = fc.constantFrom(
			...CORPUS.flatMap((a) => a.text.split(/(?<=[.”])\s+/u)),
			'Why?',
			'– and then –',
			'(as usual)',
			'“No comment,” she said.'
		);
		const text = fc
			.array(fc.oneof(sentence, fc.string({ maxLength: 30 }), fc.constantFrom('\n', '\n\n', ' ')), { maxLength: 15 })
			.map((parts) => parts.join(''));
		fc.assert(
			fc.property(text, (t) => {
				try {
					expectDraft(draftQuiz(t).quiz);
				} catch (e) {
					if (!(e instanceof DraftError)) throw e;
				}
			}),
			{ numRuns: 200 }
		);
	});
});

import { describe, expect, it } from 'vitest';
import { quoteOf } from '../quiz/claims.ts';
import { sampleOrder, sampleQuizWithOrder } from '../../test-support/sample-quiz.ts';
import { QuizSchema } from '../quiz/schema.ts';
import type { Answer } from '../quiz/schema.ts';
import { findAssignment } from './assignments.ts';
import { startAttempt } from './attempts.ts';
import { readFigures } from './board.ts';
import { discussion } from './discussion.ts';
import { assign, at, getQuiz, quiz, submit, tempDb } from '../../test-support/db.ts';

describe('a question on the board', () => {
	it('shows the claim in its own paragraph, the counts, and the key graded as the explanation explains it', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { title: 'Board' });
		const answers: [string, Answer][] = [
			['Ana', { type: 'classify', category: 'anonymous' }],
			['Ben', { type: 'classify', category: 'fact' }]
		];
		for (const [name, answer] of answers) {
			const { resumeToken } = await startAttempt(db, assignment.code, name, at(1), { getQuiz });
			await submit(db, resumeToken, { questionId: 'vote', answer, seq: 0 }, at(2));
		}
		const figures = await readFigures(db, (await findAssignment(db, assignment.id))!, quiz, at(3));
		const d = discussion(quiz, figures, 'vote')!;
		expect(d).toMatchObject({ number: 1, rank: 1, questions: 5, previous: null, next: 'stadium', answered: 2, percent: 50, right: 'Confirmed fact' });
		expect(d.article?.paragraphs).toHaveLength(1);
		expect(d.article?.paragraphs[0]).toContain(quoteOf(quiz.questions[0]));
		expect(d.tally.map((t) => [t.id, t.count])).toEqual([
			['fact', 1],
			['anonymous', 1],
			['non-answer', 0]
		]);
		expect(d.key).toMatchObject({ correct: true, cues: ['the minutes show'], explanation: quiz.questions[0]!.explanation });
		// Counts only: the discussion carries no student's name.
		expect(JSON.stringify(d)).not.toMatch(/Ana|Ben/);
		expect(discussion(quiz, figures, 'no-such-question')).toBeUndefined();
	});

	it('shows how the class marked the cue words of a question that asks for them, beside the labels it chose', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		// "reportedly", the one cue word of "The mayor reportedly wants…", is its third word.
		const answers: [string, Answer][] = [
			['Ana', { type: 'classify', category: 'anonymous', marked: [] }],
			['Ben', { type: 'classify', category: 'anonymous', marked: [2] }],
			['Cy', { type: 'classify', category: 'fact', marked: [2] }]
		];
		for (const [name, answer] of answers) {
			const { resumeToken } = await startAttempt(db, assignment.code, name, at(1), { getQuiz });
			await submit(db, resumeToken, { questionId: 'stadium', answer, seq: 0 }, at(2));
		}
		const figures = await readFigures(db, (await findAssignment(db, assignment.id))!, quiz, at(3));
		const d = discussion(quiz, figures, 'stadium')!;
		// Two chose the right label, yet one is right: the cue words say why.
		expect(d).toMatchObject({ answered: 3, percent: 33 });
		expect(d.tally.find((t) => t.right)?.count).toBe(2);
		expect(d.marking?.map((t) => [t.label, t.count, t.right])).toEqual([
			['Found every cue word', 2, true],
			['Found some', 0, false],
			['Found none', 1, false]
		]);
		// A question that asks for a label alone has no such bars.
		expect(discussion(quiz, figures, 'vote')?.marking).toBeNull();
	});

	it('names the right option of a choice question and the cue words of a cue question', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const figures = await readFigures(db, (await findAssignment(db, assignment.id))!, quiz, at(1));
		expect(discussion(quiz, figures, 'denial')?.right).toBe('No: a non-answer.');
		expect(discussion(quiz, figures, 'familiar')).toMatchObject({ right: '“according to” and “two people familiar with”', key: { correct: true } });
	});

	it('shows an order question with every paragraph holding one of its claims, and the right order with each reason', async () => {
		const withOrder = QuizSchema.parse(sampleQuizWithOrder);
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const figures = await readFigures(db, (await findAssignment(db, assignment.id))!, withOrder, at(1));
		const d = discussion(withOrder, figures, 'support')!;
		for (const item of sampleOrder.items) expect(d.article?.paragraphs.some((p) => p.includes(item.quote))).toBe(true);
		expect(d.article!.paragraphs.length).toBeLessThan(withOrder.article.paragraphs.length);
		expect(d.key.ranking?.notes.map((n) => n.explanation)).toEqual(sampleOrder.items.map((i) => i.explanation));
		expect(d.right).toMatch(/^1\. The council voted/);
		expect(d.tally.map((t) => t.label)).toEqual(['All in the right order', 'Partly in order', 'No pair in order']);
	});
});

import { describe, expect, it } from 'vitest';
import { finishAttempt, resumeAttempt, startAttempt } from './attempts.ts';
import { studentAnswers } from './student-answers.ts';
import { assign, at, getQuiz, quiz, submit, tempDb } from '../../test-support/db.ts';

describe("one student's answers", () => {
	it('lists every question asked in quiz order, graded, with the unanswered ones empty', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'test', title: 'Period 1' });
		const { resumeToken, attemptId } = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const attempt = (await resumeAttempt(db, resumeToken))!;
		await submit(db, resumeToken, { questionId: 'dodge', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(2));
		await submit(db, resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 1 }, at(3));
		await finishAttempt(db, attempt, at(12), getQuiz);

		const ana = (await studentAnswers(db, assignment.id, attemptId, quiz))!;
		expect(ana).toMatchObject({ name: 'Ana', status: 'finished', attempts: 1, answered: 2, total: 5, points: 1, percent: 20 });
		expect(ana.items.map((i) => [i.number, i.question.id, i.result?.correct ?? null])).toEqual([
			[1, 'vote', true],
			[2, 'stadium', null],
			[3, 'dodge', false],
			[4, 'familiar', null],
			[5, 'denial', null]
		]);
		const dodge = ana.items[2]!.result!;
		expect(dodge.expected).toBe('non-answer');
		expect(dodge.explanation).toBe(quiz.questions[2]!.explanation);
		expect(dodge.whyNot).toHaveLength(1);
	});

	it('gives each question its place in the student\'s own order too, which their results use in a shuffled class', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { shuffle: true });
		// Always drawing the first: the quiz comes out one place along.
		const { attemptId } = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz, randomInt: () => 0 });
		const ana = (await studentAnswers(db, assignment.id, attemptId, quiz))!;
		expect(ana.items.map((i) => [i.question.id, i.number, i.asked])).toEqual([
			['vote', 1, 5],
			['stadium', 2, 1],
			['dodge', 3, 2],
			['familiar', 4, 3],
			['denial', 5, 4]
		]);
	});

	it('is nobody for an attempt of another assignment', async () => {
		const { db } = await tempDb();
		const mine = (await assign(db)).assignment;
		const other = (await assign(db)).assignment;
		const { attemptId } = await startAttempt(db, other.code, 'Ben', at(1), { getQuiz });
		expect(await studentAnswers(db, mine.id, attemptId, quiz)).toBeUndefined();
		expect(await studentAnswers(db, other.id, attemptId, quiz)).toMatchObject({ name: 'Ben', status: 'not-started', percent: null });
	});
});

import { describe, expect, it } from 'vitest';
import { assign, at, getQuiz, tempDb } from '../../../../test-support/db.ts';
import { startAttempt } from '../../attempts.ts';
import { migrations } from './index.ts';

describe('the migration to "right means the whole point"', () => {
	it('takes "right" from answers stored with half a point, and leaves whole and wrong answers as they were', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const { attemptId } = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const row = (questionId: string, correct: 0 | 1, score: number, seq: number) => ({
			attempt_id: attemptId,
			question_id: questionId,
			answer: '{}',
			seq,
			correct,
			score,
			chosen_label: null,
			expected_label: null,
			answered_at: at(2).toISOString()
		});
		// As an earlier version stored them: the right label of a cite question with no cue word marked was "right" at 0.5.
		await db
			.insertInto('answers')
			.values([row('stadium', 1, 0.5, 0), row('vote', 1, 1, 1), row('dodge', 0, 0, 2), row('familiar', 0, 0.5, 3)])
			.execute();
		await migrations['007-right-means-whole']!.up(db);
		const stored = await db.selectFrom('answers').select(['question_id', 'correct', 'score']).orderBy('seq').execute();
		expect(stored).toEqual([
			{ question_id: 'stadium', correct: 0, score: 0.5 },
			{ question_id: 'vote', correct: 1, score: 1 },
			{ question_id: 'dodge', correct: 0, score: 0 },
			{ question_id: 'familiar', correct: 0, score: 0.5 }
		]);
	});
});

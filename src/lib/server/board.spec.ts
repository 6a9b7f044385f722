import { describe, expect, it } from 'vitest';
import type { Answer } from '../quiz/schema.ts';
import { closeAssignment, findAssignment } from './assignments.ts';
import { finishAttempt, resumeAttempt, startAttempt } from './attempts.ts';
import { boardSetup, firstWords, readFigures } from './board.ts';
import type { Db } from './db/index.ts';
import { assign, at, getQuiz, quiz, submit, tempDb } from '../../test-support/db.ts';

const classify = (category: string): Answer => ({ type: 'classify', category });
const RIGHT: Record<string, Answer> = {
	vote: classify('fact'),
	stadium: { type: 'classify', category: 'anonymous', marked: [2] },
	dodge: classify('non-answer'),
	familiar: { type: 'cue', marked: [0, 1, 2, 3, 4, 5] },
	denial: { type: 'choice', option: 'no' }
};

/** A student who answers `answers` (right ones filled in from RIGHT) and finishes unless told not to. */
async function student(db: Db, code: string, name: string, answers: Record<string, Answer | 'right'>, finish = true) {
	const { resumeToken } = await startAttempt(db, code, name, at(1), { getQuiz });
	let seq = 0;
	for (const [questionId, answer] of Object.entries(answers))
		await submit(db, resumeToken, { questionId, answer: answer === 'right' ? RIGHT[questionId]! : answer, seq: seq++ }, at(2));
	if (finish) await finishAttempt(db, (await resumeAttempt(db, resumeToken))!, at(3), getQuiz);
}

async function figures(db: Db, id: string, now = at(10)) {
	return readFigures(db, (await findAssignment(db, id))!, quiz, now);
}

describe('the board', () => {
	it('names each question by its first words, numbered in quiz order', () => {
		expect(firstWords('one two three', 9)).toBe('one two three');
		expect(firstWords('Officials declined, on Tuesday, to say whether the vote would go ahead', 4)).toBe('Officials declined, on Tuesday…');
		const setup = boardSetup(quiz);
		expect(setup.questions.map((q) => [q.number, q.id])).toEqual(quiz.questions.map((q, i) => [i + 1, q.id]));
		expect(setup.questions.find((q) => q.id === 'denial')?.text).toBe('Did the spokesperson deny the stadium plan?');
	});

	it('orders the questions most missed first, unanswered ones last, and names the main mix-ups', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'test', title: 'Mix-ups' });
		// vote: 1 of 3 right, both others read the fact as anonymous; dodge: 2 of 3; denial: 0 of 2; stadium, familiar: nobody.
		await student(db, assignment.code, 'Ana', { vote: 'right', dodge: 'right', denial: { type: 'choice', option: 'yes' } });
		await student(db, assignment.code, 'Ben', { vote: classify('anonymous'), dodge: 'right', denial: { type: 'choice', option: 'yes' } });
		await student(db, assignment.code, 'Cy', { vote: classify('anonymous'), dodge: classify('fact') });
		const f = await figures(db, assignment.id);
		expect(f.hardest).toEqual(['denial', 'vote', 'dodge', 'stadium', 'familiar']);
		expect(f.questions.map((q) => [q.id, q.percent])).toEqual([
			['vote', 33],
			['stadium', null],
			['dodge', 67],
			['familiar', null],
			['denial', 0]
		]);
		// As many students, the larger share first.
		expect(f.mixups).toEqual([
			{ questionId: 'denial', type: 'choice', count: 2, answered: 2, chosen: 'Yes, that is a denial.', right: 'No: a non-answer.' },
			{ questionId: 'vote', type: 'classify', count: 2, answered: 3, chosen: 'Anonymous-source claim', right: 'Confirmed fact' },
			{ questionId: 'dodge', type: 'classify', count: 1, answered: 3, chosen: 'Confirmed fact', right: 'Official non-answer' }
		]);
		// Nothing of a student's answers themselves travels with the figures, only their row.
		expect(Object.keys(f.students[0]!).sort()).toEqual(['answered', 'attemptId', 'attempts', 'bestPercent', 'name', 'percent', 'points', 'seconds', 'status', 'total']);
	});

	it('spreads the finished scores over five bins, and leaves out students still answering', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { title: 'Spread' });
		const all = Object.fromEntries(Object.keys(RIGHT).map((id) => [id, 'right' as const]));
		await student(db, assignment.code, 'Ana', all); // 100%
		await student(db, assignment.code, 'Ben', { vote: 'right', dodge: 'right' }); // 2 of 5: 40%
		await student(db, assignment.code, 'Cy', { vote: { type: 'classify', category: 'anonymous' } }); // 0%
		await student(db, assignment.code, 'Dee', { vote: 'right' }, false);
		const f = await figures(db, assignment.id);
		expect(f.spread).toEqual([
			{ from: 0, to: 19, count: 1 },
			{ from: 20, to: 39, count: 0 },
			{ from: 40, to: 59, count: 1 },
			{ from: 60, to: 79, count: 0 },
			{ from: 80, to: 100, count: 1 }
		]);
		expect(f.totals).toMatchObject({ students: 4, finished: 3, inProgress: 1 });
	});

	it('settles the attempts its own closing left open, and no other class', async () => {
		const { db } = await tempDb();
		const mine = (await assign(db, { title: 'Closes at 9:05', closesAt: at(5).toISOString() })).assignment;
		const other = (await assign(db, { title: 'Closed, another teacher', closesAt: at(5).toISOString() })).assignment;
		await student(db, mine.code, 'Ana', { vote: 'right' }, false);
		await student(db, other.code, 'Ben', { vote: 'right' }, false);
		const f = await figures(db, mine.id, at(10));
		expect(f.students.map((s) => [s.name, s.status, s.percent])).toEqual([['Ana', 'finished', 20]]);
		const others = await db.selectFrom('attempts').select('finished_at').where('assignment_id', '=', other.id).execute();
		expect(others).toEqual([{ finished_at: null }]);
		// Closing by hand settles too, and the figures show it.
		await closeAssignment(db, other.id, at(4));
		expect((await figures(db, other.id, at(4))).students.map((s) => s.status)).toEqual(['finished']);
	});
});

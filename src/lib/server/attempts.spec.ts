import { describe, expect, it } from 'vitest';
import type { Answer } from '../quiz/schema.ts';
import { closeAssignment } from './assignments.ts';
import {
	attemptState,
	finishAttempt,
	finishOverdue,
	resumeAttempt,
	startAttempt,
	type Attempt
} from './attempts.ts';
import type { Db } from './db/index.ts';
import { isAssignmentError, type ProblemCode } from './errors.ts';
import { assign, at, countRows, dumpRows, getQuiz, quiz, submit, tempDb, T0 } from '../../test-support/db.ts';

const ORDER = ['vote', 'stadium', 'dodge', 'familiar', 'denial'];
const classify = (category: string): Answer => ({ type: 'classify', category });
const refusal = (code: ProblemCode) => (error: unknown) => isAssignmentError(error, code);

/** A student who has joined an assignment, as the answer route would see them. */
async function join(db: Db, code: string, name = 'Ana', now = at(1)): Promise<{ attempt: Attempt; resumeToken: string }> {
	const started = await startAttempt(db, code, name, now, { getQuiz });
	return { attempt: (await resumeAttempt(db, started.resumeToken))!, resumeToken: started.resumeToken };
}

async function storedAnswers(db: Db) {
	return db.selectFrom('answers').select(['question_id', 'answer', 'seq', 'correct', 'score']).orderBy('question_id').execute();
}

describe('starting an attempt', () => {
	it('asks the questions in quiz order unless the assignment shuffles', async () => {
		const { db } = await tempDb();
		const plain = await assign(db);
		const started = await startAttempt(db, plain.assignment.code, 'Ana', at(1), { getQuiz });
		expect(started.order).toEqual(ORDER);
		expect(started.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await dumpRows(db)).not.toContain(started.resumeToken);
	});

	it('shuffles per attempt with the randomness it is given', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { shuffle: true, attemptsAllowed: 0 });
		const first = await startAttempt(db, studentCode, 'Ana', at(1), { getQuiz, randomInt: () => 0 });
		const second = await startAttempt(db, studentCode, 'Ben', at(1), { getQuiz, randomInt: (max) => max - 1 });
		// Fisher–Yates always taking the first remaining item rotates the list.
		expect(first.order).toEqual(['stadium', 'dodge', 'familiar', 'denial', 'vote']);
		expect(second.order).toEqual(ORDER);
		const resumed = await resumeAttempt(db, first.resumeToken);
		expect(resumed?.order).toEqual(first.order);
		const random = await startAttempt(db, studentCode, 'Cy', at(1), { getQuiz });
		expect([...random.order].sort()).toEqual([...ORDER].sort());
	});

	it('is refused before the opening time, after the closing time and once closed', async () => {
		const { db } = await tempDb();
		const scheduled = await assign(db, { opensAt: at(60).toISOString(), closesAt: at(120).toISOString() });
		await expect(startAttempt(db, scheduled.assignment.code, 'Ana', at(59), { getQuiz })).rejects.toSatisfy(refusal('not-open-yet'));
		await expect(startAttempt(db, scheduled.assignment.code, 'Ana', at(60), { getQuiz })).resolves.toBeDefined();
		await expect(startAttempt(db, scheduled.assignment.code, 'Ben', at(120), { getQuiz })).rejects.toSatisfy(refusal('closed'));

		const closed = await assign(db);
		await closeAssignment(db, closed.assignment.id, at(5));
		await expect(startAttempt(db, closed.assignment.code, 'Ana', at(6), { getQuiz })).rejects.toSatisfy(refusal('closed'));
		await expect(startAttempt(db, 'ZZZ-ZZZ', 'Ana', at(6), { getQuiz })).rejects.toSatisfy(refusal('assignment-not-found'));
	});

	it('never leaves an unfinished attempt on a class closed while a student was joining', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const [joined] = await Promise.allSettled([
			startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz }),
			closeAssignment(db, assignment.id, at(1))
		]);
		const open = await db.selectFrom('attempts').select('id').where('finished_at', 'is', null).execute();
		expect(open).toEqual([]);
		if (joined.status === 'rejected') expect(isAssignmentError(joined.reason, 'closed')).toBe(true);
	});

	it('counts attempts per display name, however the name is spaced, capitalised or disguised', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { attemptsAllowed: 2 });
		const first = await startAttempt(db, studentCode, 'Sam B', at(1), { getQuiz });
		await finishAttempt(db, (await resumeAttempt(db, first.resumeToken))!, at(2), getQuiz);
		const second = await startAttempt(db, studentCode, 'sam  b', at(3), { getQuiz });
		await finishAttempt(db, (await resumeAttempt(db, second.resumeToken))!, at(4), getQuiz);
		await expect(startAttempt(db, studentCode, 'ЅAM B', at(5), { getQuiz })).rejects.toSatisfy(refusal('attempts-used'));
		await expect(startAttempt(db, studentCode, 'Sam C', at(5), { getQuiz })).resolves.toBeDefined();
	});

	it('allows one attempt by default, counting one left unfinished, and any number when unlimited', async () => {
		const { db } = await tempDb();
		const once = await assign(db);
		const ana = await startAttempt(db, once.assignment.code, 'Ana', at(1), { getQuiz });
		await finishAttempt(db, (await resumeAttempt(db, ana.resumeToken))!, at(2), getQuiz);
		await expect(startAttempt(db, once.assignment.code, 'Ana', at(3), { getQuiz })).rejects.toSatisfy(refusal('attempts-used'));

		const unlimited = await assign(db, { attemptsAllowed: 0 });
		for (let i = 0; i < 5; i++) {
			const started = await startAttempt(db, unlimited.assignment.code, 'Ana', at(1 + i), { getQuiz });
			await finishAttempt(db, (await resumeAttempt(db, started.resumeToken))!, at(1 + i), getQuiz);
		}
		expect((await countRows(db)).attempts).toBe(6);
	});

	it('tells a second student with a finished student’s name to add an initial, and the finished one that it was their one go', async () => {
		const { db } = await tempDb();
		const message = async (code: string, name: string) =>
			startAttempt(db, code, name, at(3), { getQuiz }).then(
				() => 'joined',
				(error: unknown) => (error instanceof Error ? error.message : String(error))
			);
		const once = await assign(db);
		const ana = await startAttempt(db, once.assignment.code, 'Ana', at(1), { getQuiz });
		await finishAttempt(db, (await resumeAttempt(db, ana.resumeToken))!, at(2), getQuiz);
		expect(await message(once.assignment.code, 'ana')).toBe(
			'Someone called \u2068ana\u2069 has already taken this quiz, and each student takes it once. If that was not you, add your last initial, like “\u2068ana R.\u2069”'
		);

		const twice = await assign(db, { attemptsAllowed: 2 });
		for (const minute of [1, 2]) {
			const bo = await startAttempt(db, twice.assignment.code, 'Bo', at(minute), { getQuiz });
			await finishAttempt(db, (await resumeAttempt(db, bo.resumeToken))!, at(minute), getQuiz);
		}
		expect(await message(twice.assignment.code, 'Bo')).toBe(
			'Someone called \u2068Bo\u2069 has already used all 2 attempts. If that was not you, add your last initial, like “\u2068Bo R.\u2069”'
		);
	});

	it('keeps a name under way for the browser that started it: a look-alike from another browser is refused', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { attemptsAllowed: 0 });
		await startAttempt(db, assignment.code, 'Emma', at(1), { getQuiz });
		for (const squatter of ['Emma', 'emma', 'Еmma', 'Em\u034Fma', 'Ｅｍｍａ']) {
			await expect(startAttempt(db, assignment.code, squatter, at(2), { getQuiz }), squatter).rejects.toSatisfy(refusal('name-taken'));
		}
		await expect(startAttempt(db, assignment.code, 'Emma R.', at(2), { getQuiz })).resolves.toBeDefined();
	});

	it('gives a join form sent again soon after the attempt it started (Start pressed twice, the first reply lost), and nobody else', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const key = 'k'.repeat(43);
		const first = await startAttempt(db, assignment.code, 'Pam', at(1), { getQuiz, joinKey: key });
		const again = await startAttempt(db, assignment.code, 'Pam', new Date(at(1).getTime() + 90_000), { getQuiz, joinKey: key });
		expect(again.attemptId).toBe(first.attemptId);
		expect((await resumeAttempt(db, again.resumeToken))?.id).toBe(first.attemptId);
		// Another form, or none, finds the name taken; so does this form once its moment has passed.
		await expect(startAttempt(db, assignment.code, 'Pam', at(2), { getQuiz, joinKey: 'x'.repeat(43) })).rejects.toSatisfy(refusal('name-taken'));
		await expect(startAttempt(db, assignment.code, 'Pam', at(2), { getQuiz })).rejects.toSatisfy(refusal('name-taken'));
		await expect(startAttempt(db, assignment.code, 'Pam', new Date(at(1).getTime() + 121_000), { getQuiz, joinKey: key })).rejects.toSatisfy(
			refusal('name-taken')
		);
		expect((await countRows(db)).attempts).toBe(1);
	});

	it('resumes only with the exact token', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db);
		const { resumeToken } = await startAttempt(db, studentCode, 'Ana', at(1), { getQuiz });
		expect((await resumeAttempt(db, resumeToken))?.displayName).toBe('Ana');
		expect(await resumeAttempt(db, resumeToken.slice(0, -1) + (resumeToken.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
		expect(await resumeAttempt(db, 'junk')).toBeUndefined();
	});
});

describe('submitting answers', () => {
	it('in practice mode returns the verdict with its feedback, graded on the server', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'practice' });
		const { attempt, resumeToken } = await join(db, studentCode);
		const result = await submit(db, resumeToken, { questionId: 'vote', answer: classify('anonymous'), seq: 0 }, at(2));
		expect(result).toMatchObject({
			status: 'graded',
			graded: {
				questionId: 'vote',
				correct: false,
				score: 0,
				expected: 'fact',
				whyNot: ['Nobody hidden is speaking: the minutes are a public record.']
			}
		});
		expect(await storedAnswers(db)).toEqual([
			{ question_id: 'vote', answer: JSON.stringify(classify('anonymous')), seq: 0, correct: 0, score: 0 }
		]);
	});

	it('in test mode says only that the answer is recorded', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const { attempt, resumeToken } = await join(db, studentCode);
		const result = await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(2));
		expect(result).toEqual({ status: 'recorded' });
		const state = await attemptState(db, resumeToken, at(3), getQuiz);
		expect(state.feedback).toEqual({});
		expect(state.answers).toEqual({ vote: classify('fact') });
		expect(state.score).toBeNull();

		const finished = await finishAttempt(db, attempt, at(4), getQuiz);
		expect(finished.results.vote).toMatchObject({ correct: true, explanation: quiz.questions[0]!.explanation });
		expect((await attemptState(db, resumeToken, at(5), getQuiz)).feedback.vote).toMatchObject({ correct: true });
	});

	it('keeps one row when the same answer is sent twice', async () => {
		const { db } = await tempDb();
		for (const mode of ['practice', 'test'] as const) {
			const { assignment: { code: studentCode } } = await assign(db, { mode });
			const { attempt, resumeToken } = await join(db, studentCode);
			const body = { questionId: 'denial', answer: { type: 'choice', option: 'no' } as Answer, seq: 4 };
			const first = await submit(db, resumeToken, body, at(2));
			const again = await submit(db, resumeToken, body, at(3));
			expect(again).toEqual(first);
		}
		expect((await countRows(db)).answers).toBe(2);
	});

	it('in test mode never lets an older answer overwrite a newer one, whatever the arrival order', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const { attempt, resumeToken } = await join(db, studentCode);
		const send = (category: string, seq: number) =>
			submit(db, resumeToken, { questionId: 'vote', answer: classify(category), seq }, at(2));
		await send('non-answer', 5);
		await send('anonymous', 3); // arrives late
		expect(await storedAnswers(db)).toMatchObject([{ answer: JSON.stringify(classify('non-answer')), seq: 5 }]);
		await send('fact', 6);
		expect(await storedAnswers(db)).toEqual([
			{ question_id: 'vote', answer: JSON.stringify(classify('fact')), seq: 6, correct: 1, score: 1 }
		]);
	});

	it('in practice mode keeps the first answer, whose feedback the student has seen', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'practice' });
		const { attempt, resumeToken } = await join(db, studentCode);
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('anonymous'), seq: 0 }, at(2));
		const retry = await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 1 }, at(3));
		expect(retry).toMatchObject({ status: 'graded', graded: { answer: classify('anonymous'), correct: false } });
		expect(await storedAnswers(db)).toMatchObject([{ seq: 0, score: 0 }]);
	});

	it('refuses a question not in the quiz, a wrong kind of answer and a label the quiz does not have', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const { attempt, resumeToken } = await join(db, studentCode);
		const send = (questionId: string, answer: Answer) => submit(db, resumeToken, { questionId, answer, seq: 0 }, at(2));
		await expect(send('q99', classify('fact'))).rejects.toSatisfy(refusal('unknown-question'));
		await expect(send('vote', { type: 'choice', option: 'yes' })).rejects.toSatisfy(refusal('wrong-answer-type'));
		await expect(send('vote', classify('rumour'))).rejects.toSatisfy(refusal('invalid-answer'));
		await expect(send('denial', { type: 'choice', option: 'maybe' })).rejects.toSatisfy(refusal('invalid-answer'));
		await expect(send('familiar', { type: 'cue', marked: [0, 8] })).rejects.toSatisfy(refusal('invalid-answer'));
		expect((await countRows(db)).answers).toBe(0);
	});

	it('refuses answers once the attempt is finished', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const { attempt, resumeToken } = await join(db, studentCode);
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(2));
		await finishAttempt(db, attempt, at(3), getQuiz);
		await expect(
			submit(db, resumeToken, { questionId: 'vote', answer: classify('anonymous'), seq: 1 }, at(4))
		).rejects.toSatisfy(refusal('attempt-finished'));
		expect(await storedAnswers(db)).toMatchObject([{ seq: 0, score: 1 }]);
	});

	it('ends the attempt as it stands when the closing time passes mid-quiz', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test', closesAt: at(30).toISOString() });
		const { attempt, resumeToken } = await join(db, studentCode);
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(29));
		await expect(
			submit(db, resumeToken, { questionId: 'dodge', answer: classify('non-answer'), seq: 1 }, at(31))
		).rejects.toSatisfy(refusal('closed'));
		const state = await attemptState(db, resumeToken, at(32), getQuiz);
		expect(state.finished).toBe(true);
		expect(state.score).toEqual({ points: 1, total: 5, percent: 20 });
		expect((await countRows(db)).answers).toBe(1);
	});

	it('shows a reload after the closing time the attempt finished, with its score', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test', closesAt: at(30).toISOString() });
		const { resumeToken } = await join(db, studentCode);
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(29));
		const state = await attemptState(db, resumeToken, at(31), getQuiz);
		expect(state.finished).toBe(true);
		expect(state.score).toEqual({ points: 1, total: 5, percent: 20 });
		expect(state.feedback.vote).toMatchObject({ correct: true });
	});

	it('gives partial credit from the marked words, never from the client', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'practice' });
		const { attempt, resumeToken } = await join(db, studentCode);
		// "The mayor reportedly wants…": word 2 is the cue, word 1 is not: half for the label, half of F1 0.67 for the words,
		// and not right, since a point is missing.
		const result = await submit(
			db,
			resumeToken,
			{ questionId: 'stadium', answer: { type: 'classify', category: 'anonymous', marked: [1, 2] }, seq: 0 },
			at(2)
		);
		expect(result).toMatchObject({ status: 'graded', graded: { correct: false, score: 0.835 } });
		expect(await storedAnswers(db)).toMatchObject([{ correct: 0, score: 0.835 }]);
	});
});

describe('finishing an attempt', () => {
	it('reveals every verdict and stores the score, and returns the same when finished again', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const { attempt, resumeToken } = await join(db, studentCode);
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(2));
		await submit(db, resumeToken, { questionId: 'dodge', answer: classify('anonymous'), seq: 1 }, at(3));
		await submit(db, resumeToken, { questionId: 'denial', answer: { type: 'choice', option: 'no' }, seq: 2 }, at(4));

		const first = await finishAttempt(db, attempt, at(5), getQuiz);
		expect(Object.keys(first.results).sort()).toEqual(['denial', 'dodge', 'vote']);
		expect(first.results.dodge).toMatchObject({ correct: false, expected: 'non-answer' });
		expect((await attemptState(db, resumeToken, at(6), getQuiz)).score).toEqual({ points: 2, total: 5, percent: 40 });

		const again = await finishAttempt(db, attempt, at(50), getQuiz);
		expect(again).toEqual(first);
		const row = await db.selectFrom('attempts').select('finished_at').executeTakeFirstOrThrow();
		expect(row.finished_at).toBe(at(5).toISOString());
	});

	it('leaves out the verdicts the page shows already, and only from the reply', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'practice' });
		const { attempt, resumeToken } = await join(db, studentCode);
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 0 }, at(2));
		await submit(db, resumeToken, { questionId: 'dodge', answer: classify('anonymous'), seq: 1 }, at(3));

		const finished = await finishAttempt(db, attempt, at(4), getQuiz, new Set(['vote', 'stadium']));
		expect(Object.keys(finished.results)).toEqual(['dodge']);
		expect(finished.results.dodge).toMatchObject({ correct: false, expected: 'non-answer' });
		const state = await attemptState(db, resumeToken, at(5), getQuiz);
		expect(Object.keys(state.feedback).sort()).toEqual(['dodge', 'vote']);
		expect(state.score).toEqual({ points: 1, total: 5, percent: 20 });
	});
});

describe('the state a browser resumes from', () => {
	it('holds the quiz without its answer key, the answers so far and the next sequence number', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'practice', title: 'Period 3' });
		const { attempt, resumeToken } = await join(db, studentCode, 'Ana');
		await submit(db, resumeToken, { questionId: 'vote', answer: classify('fact'), seq: 7 }, at(2));

		const state = await attemptState(db, resumeToken, at(3), getQuiz);
		expect(state).toMatchObject({
			attemptId: attempt.id,
			displayName: 'Ana',
			assignment: { title: 'Period 3', mode: 'practice', code: studentCode, closesAt: null },
			order: ORDER,
			answers: { vote: classify('fact') },
			finished: false,
			score: null,
			nextSeq: 8
		});
		expect(state.feedback.vote).toMatchObject({ correct: true, explanation: quiz.questions[0]!.explanation });
		const sent = JSON.stringify(state.quiz);
		expect(sent).not.toContain('"answer"');
		expect(sent).not.toContain('"explanation"');
		expect(sent).not.toContain('"whyNot"');
		expect(sent).not.toContain('"cues"');
	});

	it('is refused for a token that opens nothing', async () => {
		const { db } = await tempDb();
		await expect(attemptState(db, 'x'.repeat(43), T0, getQuiz)).rejects.toSatisfy(refusal('attempt-not-found'));
	});
});

describe('each student’s own order of a choice question’s options', () => {
	const optionsOf = (state: { quiz: { questions: { id: string; options?: { id: string }[] }[] } }) =>
		state.quiz.questions.find((q) => q.id === 'denial')!.options!.map((o) => o.id);

	it('differs between students and stays the same on every resume, while grading goes by the option', async () => {
		const handle = await tempDb();
		const { assignment } = await assign(handle.db, { mode: 'practice', attemptsAllowed: 0 });
		const ana = await startAttempt(handle.db, assignment.code, 'Ana', at(1), { getQuiz, randomInt: () => 0 });
		const ben = await startAttempt(handle.db, assignment.code, 'Ben', at(1), { getQuiz, randomInt: (max) => max - 1 });
		const anaSees = optionsOf(await attemptState(handle.db, ana.resumeToken, at(2), getQuiz));
		const benSees = optionsOf(await attemptState(handle.db, ben.resumeToken, at(2), getQuiz));
		expect(anaSees).toEqual(['no', 'yes']);
		expect(benSees).toEqual(['yes', 'no']);
		// The question order is the quiz's: only the options are the student's own.
		expect(ana.order).toEqual(ORDER);

		const db = await handle.reopen();
		expect(optionsOf(await attemptState(db, ana.resumeToken, at(3), getQuiz))).toEqual(anaSees);
		for (const token of [ana.resumeToken, ben.resumeToken]) {
			const result = await submit(db, token, { questionId: 'denial', answer: { type: 'choice', option: 'no' }, seq: 0 }, at(4));
			expect(result).toMatchObject({ status: 'graded', graded: { correct: true, expected: 'no' } });
		}
		const finished = await finishAttempt(db, (await resumeAttempt(db, ana.resumeToken))!, at(5), getQuiz);
		expect(finished.results.denial).toMatchObject({ correct: true });
		expect(optionsOf(await attemptState(db, ana.resumeToken, at(6), getQuiz))).toEqual(anaSees);
	});

	it('is kept when a teacher lets a student back in from another browser', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const first = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz, randomInt: () => 0 });
		const before = optionsOf(await attemptState(db, first.resumeToken, at(2), getQuiz));
		await db.updateTable('attempts').set({ claim_until: at(20).toISOString() }).execute();
		const again = await startAttempt(db, assignment.code, 'Ana', at(3), { getQuiz, randomInt: (max) => max - 1 });
		expect(optionsOf(await attemptState(db, again.resumeToken, at(4), getQuiz))).toEqual(before);
	});
});

describe('requests that race', () => {
	it('let one of two browsers joining under one name at once in, and count one attempt', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { attemptsAllowed: 1 });
		const joins = await Promise.allSettled(
			Array.from({ length: 4 }, () => startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz }))
		);
		expect(joins.filter((j) => j.status === 'fulfilled')).toHaveLength(1);
		expect((await countRows(db)).attempts).toBe(1);
	});

	it('never leave an answer out of a score: closing a class while its students answer', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'test', attemptsAllowed: 0 });
		const tokens = await Promise.all(
			Array.from({ length: 12 }, async (_, i) => (await startAttempt(db, assignment.code, `S${i}`, at(1), { getQuiz })).resumeToken)
		);
		const answers = tokens.flatMap((token) =>
			ORDER.slice(0, 4).map((questionId, seq) =>
				submit(db, token, { questionId, answer: questionId === 'denial' ? { type: 'choice', option: 'no' } : classify('fact'), seq }, at(2)).catch(
					(e: unknown) => e
				)
			)
		);
		const [closed] = await Promise.all([closeAssignment(db, assignment.id, at(2)), ...answers]);
		expect(closed.finishedAttempts).toBe(12);
		const rows = await db.selectFrom('attempts').select(['id', 'score', 'finished_at']).execute();
		for (const row of rows) {
			const stored = await db.selectFrom('answers').select('score').where('attempt_id', '=', row.id).execute();
			expect(row.finished_at).not.toBeNull();
			expect(row.score).toBe(stored.reduce((n, a) => n + a.score, 0));
		}
	});
});

describe('attempts left open past the deadline', () => {
	it('are finished by finishOverdue, leaving open assignments alone', async () => {
		const { db } = await tempDb();
		const due = await assign(db, { closesAt: at(30).toISOString(), attemptsAllowed: 0 });
		const open = await assign(db);
		await join(db, due.assignment.code, 'Ana');
		await join(db, due.assignment.code, 'Ben');
		await join(db, open.assignment.code, 'Cy');
		expect(await finishOverdue(db, at(29))).toBe(0);
		expect(await finishOverdue(db, at(31))).toBe(2);
		expect(await finishOverdue(db, at(32))).toBe(0);
		const unfinished = await db.selectFrom('attempts').select('display_name').where('finished_at', 'is', null).execute();
		expect(unfinished).toEqual([{ display_name: 'Cy' }]);
	});
});

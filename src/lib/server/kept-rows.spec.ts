import { describe, expect, it } from 'vitest';
import { resumeAttempt, startAttempt } from './attempts.ts';
import { answerFigures, attemptRows } from './dashboard.ts';
import { FULL_EVERY, KeptRows, OVERLAP_MS } from './kept-rows.ts';
import { assign, at, getQuiz, submit, tempDb } from '../../test-support/db.ts';

const sorted = <T extends { attempt_id: string; question_id: string }>(rows: T[]) =>
	[...rows].sort((a, b) => `${a.attempt_id}${a.question_id}`.localeCompare(`${b.attempt_id}${b.question_id}`));

describe('rows kept between reads', () => {
	it('come to what reading everything gives, answer after answer, a changed answer and one stored late included', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const kept = new KeptRows();
		const { resumeToken } = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const check = async (now: Date) => {
			const rows = await kept.read(db, assignment.id, now);
			expect(sorted(rows.answers)).toEqual(sorted(await answerFigures(db, assignment.id)));
			expect(rows.attempts).toEqual(await attemptRows(db, assignment.id));
		};
		await check(at(1));
		const answer = (questionId: string, category: string, seq: number, stamped: Date) =>
			submit(db, resumeToken, { questionId, answer: { type: 'classify', category }, seq }, stamped);
		await answer('vote', 'fact', 0, at(2));
		await check(at(2));
		// The same question answered again replaces the row kept.
		await answer('vote', 'anonymous', 1, at(3));
		await check(at(3));
		// An answer stamped a little before the last read but stored after it is still found.
		await answer('dodge', 'fact', 2, new Date(at(3).getTime() - OVERLAP_MS / 2));
		await check(at(4));
		const { resumeToken: benToken } = await startAttempt(db, assignment.code, 'Ben', at(5), { getQuiz });
		await submit(db, benToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(5));
		await check(at(5));
	});

	it('fetch only the answers given lately, and everything again when told to or every so many reads', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const { resumeToken } = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const ana = (await resumeAttempt(db, resumeToken))!;
		await submit(db, resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(1));
		const kept = new KeptRows();
		const chosen = async (now: Date) => (await kept.read(db, assignment.id, now)).answers.map((a) => a.chosen_label);
		expect(await chosen(at(10))).toEqual(['fact']);
		// A row changed behind the reads' back, stamped long ago: a read of what is new does not see it...
		await db.updateTable('answers').set({ chosen_label: 'anonymous' }).where('attempt_id', '=', ana.id).execute();
		expect(await chosen(at(11))).toEqual(['fact']);
		// ...a read told to forget does,
		kept.forget();
		expect(await chosen(at(12))).toEqual(['anonymous']);
		// and so does every FULL_EVERY-th read.
		await db.updateTable('answers').set({ chosen_label: 'non-answer' }).where('attempt_id', '=', ana.id).execute();
		const seen: (string | null)[][] = [];
		for (let i = 0; i < FULL_EVERY; i++) seen.push(await chosen(at(13 + i)));
		expect(seen.at(0)).toEqual(['anonymous']);
		expect(seen.at(-1)).toEqual(['non-answer']);
	});
});

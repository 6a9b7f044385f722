import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeAnswer as storeWithClass } from './answer-store.ts';

/** Runs between an answer's lookup of its attempt and its write, as another request (or process) may. */
let betweenLookupAndWrite: (() => Promise<unknown>) | undefined;
vi.mock('./db/answer-sql.ts', async (original) => {
	const sql = await original<typeof import('./db/answer-sql.ts')>();
	return {
		...sql,
		attemptsByToken: async (...args: Parameters<typeof sql.attemptsByToken>) => {
			const rows = await sql.attemptsByToken(...args);
			await betweenLookupAndWrite?.();
			return rows;
		}
	};
});
afterEach(() => {
	betweenLookupAndWrite = undefined;
});

/** What the student is told: the answer store's result without the class it went to. */
const storeAnswer = async (...args: Parameters<typeof storeWithClass>) => (await storeWithClass(...args))?.result ?? null;
import { startAttempt } from './attempts.ts';
import { normalizeCode } from '../class-code.ts';
import { assign, at, countRows, getQuiz, tempDb } from '../../test-support/db.ts';
import { hashToken } from './tokens.ts';
import { closeAssignment } from './assignments.ts';
import { settleAttempts } from './settle.ts';

const vote = (category: string, seq: number) => ({ questionId: 'vote', answer: { type: 'classify' as const, category }, seq });

/** A fresh database with one assignment in `mode` that Ana has joined, and the key her answers are stored under. */
async function joined(mode: 'practice' | 'test') {
	const { db } = await tempDb();
	const { assignment } = await assign(db, { mode });
	const started = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
	return { db, assignment, key: { tokenHash: hashToken(started.resumeToken), code: normalizeCode(assignment.code)! } };
}

describe('storing an answer by the student’s resume token', () => {
	it('finds the attempt from the token and its class code, and stores the answer', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db);
		const code = normalizeCode(studentCode)!;
		const started = await startAttempt(db, studentCode, 'Ana', at(1), { getQuiz });
		const result = await storeAnswer(db, { tokenHash: hashToken(started.resumeToken), code }, vote('fact', 0), at(2), getQuiz);
		expect(result).toMatchObject({ status: 'graded', graded: { correct: true } });
		expect((await countRows(db)).answers).toBe(1);
	});

	it('finds nothing for another class’s code or an unknown token, and stores nothing', async () => {
		const { db } = await tempDb();
		const first = await assign(db);
		const second = await assign(db);
		const started = await startAttempt(db, first.assignment.code, 'Ana', at(1), { getQuiz });
		const hash = hashToken(started.resumeToken);
		expect(await storeAnswer(db, { tokenHash: hash, code: normalizeCode(second.assignment.code)! }, vote('fact', 0), at(2), getQuiz)).toBeNull();
		expect(await storeAnswer(db, { tokenHash: hashToken('x'.repeat(43)), code: normalizeCode(first.assignment.code)! }, vote('fact', 0), at(2), getQuiz)).toBeNull();
		expect((await countRows(db)).answers).toBe(0);
	});

	it('refuses once the teacher has closed the assignment, keeping the answers so far', async () => {
		const { db, assignment, key } = await joined('test');
		expect(await storeAnswer(db, key, vote('fact', 0), at(2), getQuiz)).toEqual({ status: 'recorded' });
		await closeAssignment(db, assignment.id, at(3));
		await expect(storeAnswer(db, key, vote('anonymous', 1), at(4), getQuiz)).rejects.toThrow('This assignment has closed, so it takes no more answers.');
		const stored = await db.selectFrom('answers').select(['answer', 'seq']).execute();
		expect(stored).toEqual([{ answer: JSON.stringify({ type: 'classify', category: 'fact' }), seq: 0 }]);
	});

	it('tells an answer the class closed when the teacher closes it while the answer is on its way', async () => {
		const { db, assignment, key } = await joined('test');
		expect(await storeAnswer(db, key, vote('fact', 0), at(2), getQuiz)).toEqual({ status: 'recorded' });
		betweenLookupAndWrite = () => closeAssignment(db, assignment.id, at(3));
		// Not "finished in another tab": the student did nothing but answer.
		await expect(storeAnswer(db, key, vote('anonymous', 1), at(3), getQuiz)).rejects.toThrow('This assignment has closed, so it takes no more answers.');
		const stored = await db.selectFrom('answers').select(['answer', 'seq']).execute();
		expect(stored).toEqual([{ answer: JSON.stringify({ type: 'classify', category: 'fact' }), seq: 0 }]);
	});

	it('tells an answer the attempt is finished when the student finishes in another tab while it is on its way', async () => {
		const { db, key } = await joined('test');
		const attempt = await db.selectFrom('attempts').select('id').executeTakeFirstOrThrow();
		betweenLookupAndWrite = () => settleAttempts(db, { attemptId: attempt.id }, at(2).toISOString());
		await expect(storeAnswer(db, key, vote('anonymous', 1), at(2), getQuiz)).rejects.toThrow('This attempt is finished (in another tab, or on another device)');
		expect((await countRows(db)).answers).toBe(0);
	});

	it('in test mode says an answer sent earlier than the one stored was superseded, not recorded (two tabs)', async () => {
		const { db, key } = await joined('test');
		expect(await storeAnswer(db, key, vote('anonymous', 5), at(2), getQuiz)).toEqual({ status: 'recorded' });
		expect(await storeAnswer(db, key, vote('fact', 3), at(3), getQuiz)).toEqual({ status: 'superseded' });
		const stored = await db.selectFrom('answers').select(['answer', 'seq']).execute();
		expect(stored).toEqual([{ answer: JSON.stringify({ type: 'classify', category: 'anonymous' }), seq: 5 }]);
	});

	it('waits for a transaction another request holds open, rather than writing inside it', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db);
		const started = await startAttempt(db, studentCode, 'Ana', at(1), { getQuiz });
		const key = { tokenHash: hashToken(started.resumeToken), code: normalizeCode(studentCode)! };
		let stored: Promise<unknown> | undefined;
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.updateTable('attempts').set({ updated_at: 'during' }).execute();
				stored = storeAnswer(db, key, vote('fact', 0), at(2), getQuiz);
				await Promise.resolve();
				// The answer is not in yet: it waits for this transaction, which now fails.
				expect((await trx.selectFrom('answers').selectAll().execute()).length).toBe(0);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		await stored;
		expect((await countRows(db)).answers).toBe(1);
	});
});

describe('answers arriving together', () => {
	it('are each told their own outcome, and a refused one changes nothing for the others', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const code = normalizeCode(studentCode)!;
		const keys = await Promise.all(
			['Ana', 'Ben', 'Cleo'].map(async (name) => {
				const started = await startAttempt(db, studentCode, name, at(1), { getQuiz });
				return { tokenHash: hashToken(started.resumeToken), code };
			})
		);
		const results = await Promise.allSettled([
			storeAnswer(db, keys[0]!, vote('fact', 0), at(2), getQuiz),
			storeAnswer(db, keys[1]!, { ...vote('fact', 0), questionId: 'nope' }, at(2), getQuiz),
			storeAnswer(db, keys[2]!, vote('anonymous', 0), at(2), getQuiz)
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((await countRows(db)).answers).toBe(2);
	});

	it('from two tabs on one question at once: the higher seq stands and the other is told it was superseded', async () => {
		const { db, key } = await joined('test');
		const [late, early, again] = await Promise.all([
			storeAnswer(db, key, vote('non-answer', 5), at(2), getQuiz),
			storeAnswer(db, key, vote('fact', 3), at(2), getQuiz),
			storeAnswer(db, key, vote('non-answer', 5), at(2), getQuiz)
		]);
		expect([late, early, again]).toEqual([{ status: 'recorded' }, { status: 'superseded' }, { status: 'recorded' }]);
		const stored = await db.selectFrom('answers').select(['answer', 'seq']).execute();
		expect(stored).toEqual([{ answer: JSON.stringify({ type: 'classify', category: 'non-answer' }), seq: 5 }]);
	});

	it('in practice mode keep the first to arrive, and tell the second the verdict on it', async () => {
		const { db, key } = await joined('practice');
		const [first, second] = await Promise.all([
			storeAnswer(db, key, vote('anonymous', 0), at(2), getQuiz),
			storeAnswer(db, key, vote('fact', 1), at(2), getQuiz)
		]);
		expect(first).toMatchObject({ status: 'graded', graded: { correct: false, answer: { category: 'anonymous' } } });
		expect(second).toEqual(first);
	});
});

import { describe, expect, it } from 'vitest';
import { answerRequest, GONE, NO_ATTEMPT, withoutAttempt } from './answer-request.ts';
import { LEFT } from './answer-store.ts';
import { deleteAssignment } from './assignments.ts';
import { startAttempt } from './attempts.ts';
import { assign, at, getQuiz, tempDb } from '../../test-support/db.ts';
import { hashIfToken } from './tokens.ts';

const body = (value: unknown) => JSON.stringify(value);
const json = 'application/json';

describe('the answer endpoint’s rules', () => {
	it('stores a valid answer for the attempt in the cookie and says what was wrong with the rest', async () => {
		const { db } = await tempDb();
		const { assignment: { code: studentCode } } = await assign(db, { mode: 'test' });
		const { resumeToken: token } = await startAttempt(db, studentCode, 'Ana', at(1), { getQuiz });
		const code = studentCode.toLowerCase();
		const ask = (contentType: string | null, text: string, cookie: { token: string | undefined } = { token }) =>
			answerRequest({ code, tokenHash: hashIfToken(cookie.token), contentType, body: text }, db, at(2), getQuiz);
		const answer = { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 };

		expect(await ask(json, body(answer))).toMatchObject({ status: 200, body: { status: 'recorded' } });
		expect(await ask('text/plain', body(answer))).toMatchObject({ status: 415 });
		expect(await ask(json, '{oops')).toEqual({ status: 400, body: { message: 'The body is not valid JSON.' } });
		expect(await ask(json, body({ ...answer, seq: -1 }))).toEqual({ status: 400, body: { message: 'seq: seq cannot be negative' } });
		expect(await ask(json, body({ ...answer, questionId: 'nope' }))).toEqual({
			status: 400,
			body: { message: 'This quiz has no question "nope"' }
		});
		expect(await ask(json, body(answer), { token: undefined })).toEqual({ status: 401, body: { message: NO_ATTEMPT } });
		expect(await ask(json, body(answer), { token: 'A'.repeat(43) })).toEqual({ status: 401, body: { message: NO_ATTEMPT } });
	});

	it("refuses a page's answer for an attempt this browser has left, and stores nothing in the one its cookie holds now", async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'test' });
		const left = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		const now = await startAttempt(db, assignment.code, 'Ben', at(2), { getQuiz });
		const ask = (attempt: unknown) =>
			answerRequest(
				{ code: assignment.code, tokenHash: hashIfToken(now.resumeToken), contentType: json, body: body({ attempt, questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 7 }) },
				db,
				at(3),
				getQuiz
			);

		expect(await ask(left.attemptId)).toEqual({ status: 401, body: { message: LEFT().message } });
		expect(await ask('not-an-id')).toEqual({ status: 400, body: { message: 'attempt: attempt must be the id of the attempt the page was made for' } });
		expect(await db.selectFrom('answers').selectAll().execute()).toEqual([]);
		expect(await ask(now.attemptId)).toMatchObject({ status: 200, body: { status: 'recorded' } });
	});

	it('says so when the class itself is gone, not that the key is wrong', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'practice' });
		const { resumeToken } = await startAttempt(db, assignment.code, 'Ana', at(1), { getQuiz });
		await deleteAssignment(db, assignment.id);
		const answer = { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 };
		expect(await answerRequest({ code: assignment.code, tokenHash: hashIfToken(resumeToken), contentType: json, body: body(answer) }, db, at(2), getQuiz)).toEqual({
			status: 404,
			body: { message: GONE }
		});
		// The finish route gives the same reason.
		expect(await withoutAttempt(db, assignment.code)).toEqual({ status: 404, message: GONE });
	});

	it('tells a key that opens nothing in a class that is still there', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db, { mode: 'practice' });
		expect(await withoutAttempt(db, assignment.code)).toEqual({ status: 401, message: NO_ATTEMPT });
	});
});

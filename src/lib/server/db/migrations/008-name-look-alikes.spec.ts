import { describe, expect, it } from 'vitest';
import { assign, at, getQuiz, tempDb } from '../../../../test-support/db.ts';
import { startAttempt } from '../../attempts.ts';
import { nameKey } from '../../names.ts';
import { migrations } from './index.ts';

describe('the migration to names compared by their look, capitals and punctuation too', () => {
	it('computes every stored key again, so a name typed before it still counts as taken', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const { attemptId } = await startAttempt(db, assignment.code, 'Zoe.', at(1), { getQuiz });
		// As an earlier version stored it: punctuation kept in the key.
		await db.updateTable('attempts').set({ name_key: 'zoe.' }).where('id', '=', attemptId).execute();
		await migrations['008-name-look-alikes']!.up(db);
		const { name_key } = await db.selectFrom('attempts').select('name_key').where('id', '=', attemptId).executeTakeFirstOrThrow();
		expect(name_key).toBe(nameKey('Zoe'));
	});
});

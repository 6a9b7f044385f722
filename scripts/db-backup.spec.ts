import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAttempt } from '../src/lib/server/attempts.ts';
import { createDb } from '../src/lib/server/db/index.ts';
import { classReport } from '../src/lib/server/dashboard.ts';
import { assign, at, getQuiz, quiz, submit, tempSqlite } from '../src/test-support/db.ts';
import { backupSqlite } from './db-backup.ts';

describe('backing up a school’s SQLite file while its server runs', () => {
	it('copies every answer, the latest ones still in the write-ahead log included', async () => {
		const school = await tempSqlite();
		const { assignment } = await assign(school.db, { mode: 'test' });
		const ana = await startAttempt(school.db, assignment.code, 'Ana', at(1), { getQuiz });
		await submit(school.db, ana.resumeToken, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }, at(2));
		const copy = join(school.path, '..', 'backup.db');
		await backupSqlite(school.path, copy);
		const restored = await createDb(copy);
		try {
			expect(await classReport(restored, assignment.id, quiz)).toEqual(await classReport(school.db, assignment.id, quiz));
		} finally {
			await restored.destroy();
		}
		await expect(backupSqlite(school.path, copy)).rejects.toThrow(/already exists/);
	});
});

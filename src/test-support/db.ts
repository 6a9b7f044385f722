/**
 * For specs only: a fresh database file per test, removed when the test ends,
 * and the sample quiz served the way the catalogue serves quizzes.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { onTestFinished } from 'vitest';
import type { z } from 'zod';
import { sampleQuiz } from './sample-quiz.ts';
import { QuizSchema } from '../lib/quiz/schema.ts';
import { createAssignment, type GetQuiz } from '../lib/server/assignments.ts';
import { createDb, type Db } from '../lib/server/db/index.ts';
import { storeAnswer, type SubmitResult } from '../lib/server/answer-store.ts';
import { resumeAttempt } from '../lib/server/attempt-state.ts';
import { CreateAssignmentSchema, type SubmitAnswer } from '../lib/server/requests.ts';
import { hashToken } from '../lib/server/tokens.ts';

export const quiz = QuizSchema.parse(sampleQuiz);
export const SLUG = 'bridge-vote';
export const getQuiz: GetQuiz = (slug) => (slug === SLUG ? { version: 'v1', quiz } : undefined);

export interface TempDb {
	db: Db;
	path: string;
	/** Closes the database and opens the same file again, as a server restart would. */
	reopen(): Promise<Db>;
}

/** A migrated database in its own file under the system temp folder. */
export async function tempDb(): Promise<TempDb> {
	const path = join(tmpdir(), `whosays-test-${randomUUID()}`, 'whosays.db');
	const handle: TempDb = {
		db: await createDb(path),
		path,
		async reopen() {
			await handle.db.destroy();
			handle.db = await createDb(path);
			return handle.db;
		}
	};
	onTestFinished(async () => {
		await handle.db.destroy();
		rmSync(join(path, '..'), { recursive: true, force: true });
	});
	return handle;
}

/** Moments a test can name: at(0) is the start, at(90) ninety minutes later. */
export const T0 = new Date('2025-03-03T09:00:00.000Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** An assignment of the sample quiz, made through the request schema as a route would. */
export async function assign(db: Db, input: Partial<z.input<typeof CreateAssignmentSchema>> = {}, now = T0) {
	return createAssignment(db, CreateAssignmentSchema.parse({ quizSlug: SLUG, ...input }), now, { getQuiz });
}

export const TABLES = ['assignments', 'attempts', 'answers', 'teacher_sessions', 'manage_grants'] as const;

export async function countRows(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
	const count = async (table: (typeof TABLES)[number]) => {
		const { n } = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(n);
	};
	return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(t)] as const))) as Record<
		(typeof TABLES)[number],
		number
	>;
}

/** Every row of every table, as text: what someone with a copy of the database could read. */
export async function dumpRows(db: Db): Promise<string> {
	const all = await Promise.all(TABLES.map((table) => db.selectFrom(table).selectAll().execute()));
	return JSON.stringify(all);
}

/** One answer, sent as the answer route sends it: by the student's resume token and their class's code. */
export async function submit(db: Db, resumeToken: string, input: SubmitAnswer, now: Date): Promise<SubmitResult> {
	const attempt = await resumeAttempt(db, resumeToken);
	const stored = attempt && (await storeAnswer(db, { tokenHash: hashToken(resumeToken), code: attempt.assignment.code }, input, now, getQuiz));
	if (!stored) throw new Error('No attempt opens with this resume token');
	return stored.result;
}

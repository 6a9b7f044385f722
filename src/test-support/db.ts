/**
 * For specs only: a fresh database per test, dropped when the test ends, and
 * the sample quiz served the way the catalogue serves quizzes.
 *
 * The store is the one under test: a SQLite file by default, or, when
 * WHOSAYS_TEST_POSTGRES names a PostgreSQL database (scripts/postgres/test.ts
 * sets it), a schema of its own in that database. Specs about SQLite itself
 * (its pragmas, its lock) ask for `tempSqlite`.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import type { z } from 'zod';
import { sampleQuiz } from './sample-quiz.ts';
import { QuizSchema } from '../lib/quiz/schema.ts';
import { createAssignment, type GetQuiz } from '../lib/server/assignments.ts';
import { createDb, type Db } from '../lib/server/db/index.ts';
import type { AnswerReply } from '../lib/quiz/schema/answer.ts';
import { storeAnswer } from '../lib/server/answer-store.ts';
import { resumeAttempt } from '../lib/server/attempt-state.ts';
import { CreateAssignmentSchema, type SubmitAnswer } from '../lib/server/requests.ts';
import { hashToken } from '../lib/server/tokens.ts';

export const quiz = QuizSchema.parse(sampleQuiz);
export const SLUG = 'bridge-vote';
export const getQuiz: GetQuiz = (slug) => (slug === SLUG ? { version: 'v1', quiz } : undefined);

export interface TempDb {
	db: Db;
	/** The SQLite file's path, or the PostgreSQL URL (with its schema). */
	target: string;
	/** Closes the database and opens it again, as a server restart would. */
	reopen(): Promise<Db>;
}

function opened(target: string, drop: () => Promise<void>): Promise<TempDb> {
	return createDb(target).then((db) => {
		const handle: TempDb = {
			db,
			target,
			async reopen() {
				await handle.db.destroy();
				handle.db = await createDb(target);
				return handle.db;
			}
		};
		onTestFinished(async () => {
			await handle.db.destroy();
			await drop();
		});
		return handle;
	});
}

/** A migrated SQLite database in its own file under the system temp folder. */
export async function tempSqlite(): Promise<TempDb & { path: string }> {
	const path = join(tmpdir(), `whosays-test-${randomUUID()}`, 'whosays.db');
	const handle = await opened(path, async () => rmSync(join(path, '..'), { recursive: true, force: true }));
	return Object.assign(handle, { path });
}

/** The PostgreSQL database the specs run against, if any. */
export const TEST_POSTGRES = process.env.WHOSAYS_TEST_POSTGRES || undefined;

async function onPostgres(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** A migrated schema of its own in the test database, its connections confined to it by search_path. */
async function tempPostgres(url: string): Promise<TempDb> {
	const schema = `test_${randomUUID().replaceAll('-', '')}`;
	// The name is ours and made of [a-z0-9_]: nothing from outside reaches this statement.
	await onPostgres(url, `create schema ${schema}`);
	const target = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
	return opened(target, () => onPostgres(url, `drop schema ${schema} cascade`));
}

/** A migrated database of the store under test. */
export function tempDb(): Promise<TempDb> {
	return TEST_POSTGRES ? tempPostgres(TEST_POSTGRES) : tempSqlite();
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
export async function submit(db: Db, resumeToken: string, input: SubmitAnswer, now: Date): Promise<AnswerReply> {
	const attempt = await resumeAttempt(db, resumeToken);
	const stored = attempt && (await storeAnswer(db, { tokenHash: hashToken(resumeToken), code: attempt.assignment.code }, input, now, getQuiz));
	if (!stored) throw new Error('No attempt opens with this resume token');
	return stored.result;
}

/**
 * The answer path's statements, in SQL: the request a class sends most, so
 * each statement serves a whole batch of answers (batch.ts), without a
 * transaction around them, in the same text for SQLite and PostgreSQL (values
 * are parameters; the one difference, a row lock, comes from dialect.ts).
 *
 * The write is guarded: it stores an answer only while its attempt is
 * unfinished, in the same statement, so an answer never lands in an attempt
 * that finished after it was looked up. On PostgreSQL the guard also takes a
 * share lock on the attempt, so finishing (settle.ts, which locks the attempt
 * before it adds up the score) waits for an answer under way, and an answer
 * waits for a finish under way and then finds the attempt finished.
 *
 * A list of rows is a VALUES list, whose columns both databases name column1,
 * column2...; PostgreSQL types a parameter there as text unless cast.
 */
import { sql } from 'kysely';
import { forShare } from './dialect.ts';
import type { Db } from './index.ts';
import type { FeedbackMode } from '../../quiz/modes.ts';

/** An attempt as an answer needs it: its own state and its class's. */
export interface AnsweringRow {
	id: string;
	assignment_id: string;
	resume_token_hash: string;
	question_order: string;
	finished_at: string | null;
	updated_at: string;
	code: string;
	mode: FeedbackMode;
	quiz_slug: string;
	opens_at: string;
	closes_at: string | null;
	closed_at: string | null;
}

export async function attemptsByToken(db: Db, tokenHashes: readonly string[]): Promise<AnsweringRow[]> {
	const { rows } = await sql<AnsweringRow>`
		select t.id, t.assignment_id, t.resume_token_hash, t.question_order, t.finished_at, t.updated_at,
			s.code, s.mode, s.quiz_slug, s.opens_at, s.closes_at, s.closed_at
		from attempts t join assignments s on s.id = t.assignment_id
		where t.resume_token_hash in (${sql.join(tokenHashes)})`.execute(db);
	return rows;
}

export interface AnswerRow {
	attemptId: string;
	questionId: string;
	/** The Answer as JSON. */
	answer: string;
	seq: number;
	correct: boolean;
	score: number;
	chosenLabel: string | null;
	expectedLabel: string | null;
	at: string;
}

/**
 * Which answer to a question stands when another is already stored: the first
 * (practice mode), or the one with the highest seq (test mode).
 */
export type Standing = 'first' | 'highest-seq';

/** `${attemptId} ${questionId}`: an answer's row, as a Set can hold it. */
export const answerKey = (attemptId: string, questionId: string) => `${attemptId} ${questionId}`;

/**
 * Stores each answer whose attempt is unfinished and which the rule lets
 * replace the one stored; returns the keys of those it stored. One row per
 * attempt and question at most (batch.ts sees to it).
 */
export async function writeAnswers(db: Db, answers: readonly AnswerRow[], standing: Standing): Promise<Set<string>> {
	if (answers.length === 0) return new Set();
	const values = sql.join(
		answers.map(
			(a) => sql`(${a.attemptId}, ${a.questionId}, ${a.answer}, cast(${a.seq} as integer), cast(${a.correct ? 1 : 0} as integer),
				cast(${a.score} as double precision), cast(${a.chosenLabel} as text), cast(${a.expectedLabel} as text), ${a.at})`
		)
	);
	const insert = sql`
		insert into answers (attempt_id, question_id, answer, seq, correct, score, chosen_label, expected_label, answered_at)
		select t.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
		from (values ${values}) as v join attempts t on t.id = v.column1
		where t.finished_at is null ${forShare(db)}`;
	const { rows } =
		standing === 'first'
			? await sql<{ attempt_id: string; question_id: string }>`${insert}
				on conflict (attempt_id, question_id) do nothing
				returning attempt_id, question_id`.execute(db)
			: await sql<{ attempt_id: string; question_id: string }>`${insert}
				on conflict (attempt_id, question_id) do update set
					answer = excluded.answer, seq = excluded.seq, correct = excluded.correct, score = excluded.score,
					chosen_label = excluded.chosen_label, expected_label = excluded.expected_label, answered_at = excluded.answered_at
				where excluded.seq > answers.seq
				returning attempt_id, question_id`.execute(db);
	return new Set(rows.map((r) => answerKey(r.attempt_id, r.question_id)));
}

/** What stands for an answer that was not stored: whether its attempt has finished (and its class's times), and the answer already stored, if any. */
export interface StandingRow {
	attempt_id: string;
	question_id: string;
	finished_at: string | null;
	answer: string | null;
	seq: number | null;
	/** The class's times, to say why the attempt finished: the class closed, or the student finished. */
	opens_at: string;
	closes_at: string | null;
	closed_at: string | null;
}

export async function standingAnswers(db: Db, keys: readonly { attemptId: string; questionId: string }[]): Promise<StandingRow[]> {
	if (keys.length === 0) return [];
	const { rows } = await sql<StandingRow>`
		select t.id as attempt_id, v.column2 as question_id, t.finished_at, a.answer, a.seq, s.opens_at, s.closes_at, s.closed_at
		from (values ${sql.join(keys.map((k) => sql`(${k.attemptId}, ${k.questionId})`))}) as v
		join attempts t on t.id = v.column1
		join assignments s on s.id = t.assignment_id
		left join answers a on a.attempt_id = t.id and a.question_id = v.column2`.execute(db);
	return rows;
}

/** Marks attempts active now, for retention (which counts in days, so answers do this at most once an hour). */
export async function touchAttempts(db: Db, attemptIds: readonly string[], at: string): Promise<void> {
	if (attemptIds.length === 0) return;
	await sql`update attempts set updated_at = ${at} where id in (${sql.join(attemptIds)})`.execute(db);
}

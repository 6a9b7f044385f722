/**
 * Storing one answer: the request a class sends most, so it runs as
 * prepared statements (see db/compiled.ts) in a transaction shared with the
 * answers that arrive with it (group commit, below), never inside another
 * request's transaction.
 *
 * Re-sending an answer is harmless, and an answer with a lower seq never
 * replaces one with a higher seq, whatever order the requests arrive in.
 * In practice mode the first answer to a question is final: its feedback has
 * been shown, so a changed answer would only collect the credit the feedback
 * gave away; a later answer gets back the verdict on the first. In test mode
 * the latest answer (highest seq) counts until the attempt is finished.
 */
import { grade, misfit, type Graded } from '../quiz/grading.ts';
import { AnswerSchema, type Answer, type Question } from '../quiz/schema.ts';
import { assignmentStatus, type GetQuiz } from './assignments.ts';
import { param, prepare, type Prepared } from './db/compiled.ts';
import { sqliteOf, type Db } from './db/index.ts';
import type { Mode } from './db/tables.ts';
import { AssignmentError } from './errors.ts';
import type { SubmitAnswer } from './requests.ts';
import { parseOrder, settleAttempts } from './settle.ts';
import { sameHash } from './tokens.ts';

export type SubmitResult =
	/** Practice mode: the verdict, with everything the feedback shows. */
	| { status: 'graded'; graded: Graded }
	/** Test mode: stored, and nothing revealed until the attempt is finished. */
	| { status: 'recorded' }
	/** Test mode: not stored, because an answer sent later (a higher seq, from another tab say) stands. */
	| { status: 'superseded' };

/** Which attempt: by id (a service that already holds it), or by a student's resume token and class code. */
export type AttemptKey = { attemptId: string } | { tokenHash: string; code: string };

interface AttemptRow {
	id: string;
	assignment_id: string;
	resume_token_hash: string;
	question_order: string;
	finished_at: string | null;
	updated_at: string;
	code: string;
	mode: Mode;
	quiz_slug: string;
	opens_at: string;
	closes_at: string | null;
	closed_at: string | null;
}

interface Statements {
	byId: Prepared<AttemptRow>;
	byToken: Prepared<AttemptRow>;
	keepFirst: Prepared<unknown>;
	keepLatest: Prepared<unknown>;
	touch: Prepared<unknown>;
	stored: Prepared<{ answer: string; seq: number }>;
}

const prepared = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
	const known = prepared.get(db);
	if (known) return known;
	const sqlite = sqliteOf(db);
	const attempt = db
		.selectFrom('attempts')
		.innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
		.select([
			'attempts.id',
			'attempts.assignment_id',
			'attempts.resume_token_hash',
			'attempts.question_order',
			'attempts.finished_at',
			'attempts.updated_at',
			'assignments.code',
			'assignments.mode',
			'assignments.quiz_slug',
			'assignments.opens_at',
			'assignments.closes_at',
			'assignments.closed_at'
		]);
	const row = {
		attempt_id: param('attempt'),
		question_id: param('question'),
		answer: param('answer'),
		seq: param<number>('seq'),
		correct: param<0 | 1>('correct'),
		score: param<number>('score'),
		chosen_label: param('chosen'),
		expected_label: param('expected'),
		answered_at: param('at')
	};
	const made: Statements = {
		byId: prepare(sqlite, attempt.where('attempts.id', '=', param('id'))),
		byToken: prepare(sqlite, attempt.where('attempts.resume_token_hash', '=', param('hash'))),
		keepFirst: prepare(
			sqlite,
			db
				.insertInto('answers')
				.values(row)
				.onConflict((oc) => oc.columns(['attempt_id', 'question_id']).doNothing())
		),
		keepLatest: prepare(
			sqlite,
			db
				.insertInto('answers')
				.values(row)
				.onConflict((oc) =>
					oc
						.columns(['attempt_id', 'question_id'])
						.doUpdateSet((eb) => ({
							answer: eb.ref('excluded.answer'),
							seq: eb.ref('excluded.seq'),
							correct: eb.ref('excluded.correct'),
							score: eb.ref('excluded.score'),
							chosen_label: eb.ref('excluded.chosen_label'),
							expected_label: eb.ref('excluded.expected_label'),
							answered_at: eb.ref('excluded.answered_at')
						}))
						.whereRef('excluded.seq', '>', 'answers.seq')
				)
		),
		// Retention counts in days, so the last-activity time moves at most once an
		// hour (see below): most answers write the answer row alone, not the
		// attempt and its index as well.
		touch: prepare(sqlite, db.updateTable('attempts').set({ updated_at: param('at') }).where('id', '=', param('id'))),
		stored: prepare(
			sqlite,
			db
				.selectFrom('answers')
				.select(['answer', 'seq'])
				.where('attempt_id', '=', param('attempt'))
				.where('question_id', '=', param('question'))
		)
	};
	prepared.set(db, made);
	return made;
}

function labels(question: Question, answer: Answer): { chosen: string | null; expected: string | null } {
	if (question.type === 'classify' && answer.type === 'classify') return { chosen: answer.category, expected: question.answer };
	if (question.type === 'choice' && answer.type === 'choice') return { chosen: answer.option, expected: question.answer };
	return { chosen: null, expected: null };
}

// Each attempt's order is read on every answer; parsing it once per text is enough.
const orders = new Map<string, ReadonlySet<string>>();
function askedIn(order: string): ReadonlySet<string> {
	let ids = orders.get(order);
	if (!ids) {
		if (orders.size >= 5_000) orders.clear();
		ids = new Set(parseOrder(order));
		orders.set(order, ids);
	}
	return ids;
}

interface Job {
	write: () => Outcome;
	resolve: (outcome: Outcome) => void;
	reject: (error: unknown) => void;
}

const waiting = new WeakMap<Db, Job[]>();

/**
 * Group commit. Answers that arrive in the same turn of the event loop are
 * stored in one transaction, each in a savepoint of its own (a refused answer
 * undoes only itself), and each request is answered once the whole group is
 * committed. With a class answering at once, one commit (the costly part of a
 * write) serves many answers; alone, an answer waits no longer than the rest
 * of the current turn.
 */
function inNextCommit(db: Db, sqlite: ReturnType<typeof sqliteOf>, write: () => Outcome): Promise<Outcome> {
	return new Promise((resolve, reject) => {
		let jobs = waiting.get(db);
		if (!jobs) {
			jobs = [];
			waiting.set(db, jobs);
			setImmediate(() => void commit(db, sqlite));
		}
		jobs.push({ write, resolve, reject });
	});
}

type Result = { ok: true; outcome: Outcome } | { ok: false; error: unknown };
const groups = new WeakMap<ReturnType<typeof sqliteOf>, (jobs: Job[]) => Result[]>();

function groupOf(sqlite: ReturnType<typeof sqliteOf>): (jobs: Job[]) => Result[] {
	let group = groups.get(sqlite);
	if (!group) {
		// Called inside the group's transaction, better-sqlite3 makes this a savepoint.
		const alone = sqlite.transaction((write: () => Outcome) => write());
		group = sqlite.transaction((jobs: Job[]) =>
			jobs.map((job): Result => {
				try {
					return { ok: true, outcome: alone(job.write) };
				} catch (error) {
					return { ok: false, error };
				}
			})
		);
		groups.set(sqlite, group);
	}
	return group;
}

async function commit(db: Db, sqlite: ReturnType<typeof sqliteOf>): Promise<void> {
	const jobs = waiting.get(db) ?? [];
	waiting.delete(db);
	const group = groupOf(sqlite);
	try {
		// better-sqlite3 runs each statement to the end before returning, so the
		// only thing that could interleave is a Kysely transaction left open across
		// its awaits. When none is open, commit now; otherwise wait for Kysely's
		// connection, which it holds until that transaction ends.
		const results = sqlite.inTransaction ? await db.connection().execute(async () => group(jobs)) : group(jobs);
		results.forEach((r, i) => (r.ok ? jobs[i]!.resolve(r.outcome) : jobs[i]!.reject(r.error)));
	} catch (error) {
		for (const job of jobs) job.reject(error);
	}
}

type Outcome =
	| { kind: 'no-attempt' }
	| { kind: 'closed'; attemptId: string }
	| {
			kind: 'stored';
			assignmentId: string;
			practice: boolean;
			superseded: boolean;
			question: Question;
			verdict: Graded;
			stored: string | undefined;
	  };

/** An answer stored: what the student is told, and the class it belongs to (for the class's watchers). */
export interface StoredAnswer {
	result: SubmitResult;
	assignmentId: string;
}

/**
 * Grades and stores one answer for the attempt `key` names. Returns null when
 * no such attempt exists (a wrong or old resume token); refusals throw an
 * AssignmentError the route turns into its status and message.
 */
export async function storeAnswer(
	db: Db,
	key: AttemptKey,
	input: SubmitAnswer,
	now: Date,
	getQuiz: GetQuiz
): Promise<StoredAnswer | null> {
	const s = statements(db);
	const sqlite = sqliteOf(db);
	const at = now.toISOString();
	const hourAgo = new Date(now.getTime() - 60 * 60 * 1000).toISOString();

	const write = (): Outcome => {
		const row = 'attemptId' in key ? s.byId.get({ id: key.attemptId }) : s.byToken.get({ hash: key.tokenHash });
		if (!row) return { kind: 'no-attempt' };
		if ('tokenHash' in key && (!sameHash(row.resume_token_hash, key.tokenHash) || row.code !== key.code))
			return { kind: 'no-attempt' };
		if (row.finished_at !== null)
			throw new AssignmentError('attempt-finished', 'This attempt is finished; answers can no longer change');
		if (assignmentStatus({ opensAt: row.opens_at, closesAt: row.closes_at, closedAt: row.closed_at }, now) === 'closed')
			return { kind: 'closed', attemptId: row.id };

		const quiz = getQuiz(row.quiz_slug)?.quiz;
		if (!quiz) throw new AssignmentError('quiz-not-found', 'The quiz for this assignment is no longer on this server');
		const question = askedIn(row.question_order).has(input.questionId)
			? quiz.questions.find((q) => q.id === input.questionId)
			: undefined;
		if (!question) throw new AssignmentError('unknown-question', `This quiz has no question "${input.questionId}"`);
		const wrong = misfit(quiz, question, input.answer);
		if (wrong) throw new AssignmentError(wrong.kind, wrong.message);

		const verdict = grade(question, input.answer);
		const { chosen, expected } = labels(question, input.answer);
		const practice = row.mode === 'practice';
		const values = {
			attempt: row.id,
			question: question.id,
			answer: JSON.stringify(input.answer),
			seq: input.seq,
			correct: verdict.correct ? 1 : 0,
			score: verdict.score,
			chosen,
			expected,
			at
		};
		const written = (practice ? s.keepFirst : s.keepLatest).run(values).changes > 0;
		if (row.updated_at < hourAgo) s.touch.run({ at, id: row.id });
		// Only when nothing was written is there another answer to read: in practice
		// mode the first, which stands; in test mode one sent later, or this very one sent again.
		const other = written ? undefined : s.stored.get({ attempt: row.id, question: question.id });
		const superseded = !practice && other !== undefined && other.seq > input.seq;
		return { kind: 'stored', assignmentId: row.assignment_id, practice, superseded, question, verdict, stored: practice ? other?.answer : undefined };
	};

	const outcome = await inNextCommit(db, sqlite, write);

	if (outcome.kind === 'no-attempt') return null;
	if (outcome.kind === 'closed') {
		// The deadline passed: the attempt ends as it stands.
		await settleAttempts(db, { attemptId: outcome.attemptId }, at);
		throw new AssignmentError('closed', 'This assignment has closed; your answers so far are saved');
	}
	const { assignmentId } = outcome;
	if (!outcome.practice) return { assignmentId, result: { status: outcome.superseded ? 'superseded' : 'recorded' } };
	const first = outcome.stored === undefined ? undefined : AnswerSchema.safeParse(JSON.parse(outcome.stored));
	const graded = first?.success && first.data.type === outcome.question.type ? grade(outcome.question, first.data) : outcome.verdict;
	return { assignmentId, result: { status: 'graded', graded } };
}

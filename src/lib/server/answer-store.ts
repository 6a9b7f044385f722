/**
 * Storing one answer: the command behind POST /a/<code>/answer. The attempt
 * is found by the student's resume token; the answer is checked against the
 * question (misfit), graded here, never trusting the browser, and stored.
 *
 * Sending an answer again is harmless, and which answer stands does not depend
 * on the order requests arrive in:
 * - practice mode: the first answer to a question is final. Its feedback has
 *   been shown, so a changed answer would only collect the credit the feedback
 *   gave away; a later answer gets back the verdict on the first.
 * - test mode: the answer with the highest seq counts until the attempt is
 *   finished; one with a lower seq (an older tab) is answered `superseded`.
 *
 * Answers that arrive together are stored together (db/batch.ts): a batch is
 * looked up with one statement and written with one per mode, and each answer
 * is told its own outcome. What happens to one answer is decided by `plan`
 * (before the write) and `outcome` (after it), both without the database.
 */
import { grade, misfit, type Graded } from '../quiz/grading.ts';
import type { AnswerReply } from '../quiz/schema/answer.ts';
import { AnswerSchema, type Answer, type Question } from '../quiz/schema.ts';
import { assignmentStatus, type GetQuiz } from './assignments.ts';
import {
	answerKey,
	attemptsByToken,
	standingAnswers,
	touchAttempts,
	writeAnswers,
	type AnswerRow,
	type AnsweringRow,
	type StandingRow
} from './db/answer-sql.ts';
import { Batcher, type Settled } from './db/batch.ts';
import type { Db } from './db/index.ts';
import { AssignmentError } from './errors.ts';
import type { SubmitAnswer } from './requests.ts';
import { parseOrder, settleAttempts } from './settle.ts';
import { sameHash } from './tokens.ts';


/** Which attempt: the student's resume token (as its hash) and the class code in the address. */
export interface AttemptKey {
	tokenHash: string;
	code: string;
}

/** An answer stored: what the student is told, and the class it belongs to (for the class's watchers). */
export interface StoredAnswer {
	result: AnswerReply;
	assignmentId: string;
}

interface Sent {
	key: AttemptKey;
	input: SubmitAnswer;
	now: Date;
	getQuiz: GetQuiz;
}

/** What to do with one answer, decided from its attempt before anything is written. */
type Plan =
	| { kind: 'no-attempt' }
	| { kind: 'refused'; error: AssignmentError }
	/** The deadline has passed: the attempt ends as it stands, and the answer is refused. */
	| { kind: 'closed'; attemptId: string; at: string }
	| { kind: 'write'; attempt: AnsweringRow; question: Question; verdict: Graded; row: AnswerRow };

const HOUR_MS = 60 * 60 * 1000;
const FINISHED = () => new AssignmentError('attempt-finished', 'This attempt is finished (in another tab, or on another device), so its answers can no longer change.');
/** An answer or a finish from a page of an attempt this browser has since left for another (see SubmitAnswerSchema's `attempt`). */
export const LEFT = () =>
	new AssignmentError(
		'attempt-left',
		'This browser has left the attempt on this page (“Not you? Leave this attempt” was chosen, here or in another tab), so this page can no longer save answers. To go on with it, ask your teacher to let you back in.'
	);
const CLOSED = () => new AssignmentError('closed', 'This assignment has closed, so it takes no more answers.');

function labels(question: Question, answer: Answer): { chosen: string | null; expected: string | null } {
	if (question.type === 'classify' && answer.type === 'classify') return { chosen: answer.category, expected: question.answer };
	if (question.type === 'choice' && answer.type === 'choice') return { chosen: answer.option, expected: question.answer };
	return { chosen: null, expected: null };
}

/** Whether an attempt's class has closed, by its teacher or its closing time. */
const classClosed = (row: { opens_at: string; closes_at: string | null; closed_at: string | null }, now: Date) =>
	assignmentStatus({ opensAt: row.opens_at, closesAt: row.closes_at, closedAt: row.closed_at }, now) === 'closed';

/** Why a finished attempt takes no more answers: the class closed (which finishes every attempt under way), or the student finished in another tab. */
const whyFinished = (closed: boolean) => (closed ? CLOSED() : FINISHED());

function plan({ key, input, now, getQuiz }: Sent, attempt: AnsweringRow | undefined): Plan {
	if (!attempt || !sameHash(attempt.resume_token_hash, key.tokenHash) || attempt.code !== key.code) return { kind: 'no-attempt' };
	// A page of another attempt, which this browser has left for the cookie's: its answer is not this attempt's.
	if (input.attempt !== undefined && input.attempt !== attempt.id) return { kind: 'refused', error: LEFT() };
	const closed = classClosed(attempt, now);
	if (attempt.finished_at !== null) return { kind: 'refused', error: whyFinished(closed) };
	const at = now.toISOString();
	if (closed) return { kind: 'closed', attemptId: attempt.id, at };
	const quiz = getQuiz(attempt.quiz_slug)?.quiz;
	if (!quiz) return { kind: 'refused', error: new AssignmentError('quiz-not-found', 'The quiz for this assignment is no longer on this server') };
	const asked = parseOrder(attempt.question_order).includes(input.questionId);
	const question = asked ? quiz.questions.find((q) => q.id === input.questionId) : undefined;
	if (!question) return { kind: 'refused', error: new AssignmentError('unknown-question', `This quiz has no question "${input.questionId}"`) };
	const wrong = misfit(quiz, question, input.answer);
	if (wrong) return { kind: 'refused', error: new AssignmentError(wrong.kind, wrong.message) };

	const verdict = grade(question, input.answer);
	const { chosen, expected } = labels(question, input.answer);
	const row: AnswerRow = {
		attemptId: attempt.id,
		questionId: question.id,
		answer: JSON.stringify(input.answer),
		seq: input.seq,
		correct: verdict.correct,
		score: verdict.score,
		chosenLabel: chosen,
		expectedLabel: expected,
		at
	};
	return { kind: 'write', attempt, question, verdict, row };
}

/** The verdict on the answer that stands in practice mode: the first one stored, if it still fits the question. */
function verdictOnFirst(question: Question, stored: string | null, fallback: Graded): Graded {
	const first = stored === null ? undefined : AnswerSchema.safeParse(JSON.parse(stored));
	return first?.success && first.data.type === question.type ? grade(question, first.data) : fallback;
}

/**
 * What the student is told about an answer that was to be written: `written`
 * says whether it was; if not, `standing` is what the database holds instead
 * (the attempt finished meanwhile, or another answer stands: practice, the
 * first; test, one sent later, or this very one sent again).
 */
function outcome(p: Extract<Plan, { kind: 'write' }>, written: boolean, standing: StandingRow | undefined): StoredAnswer {
	const practice = p.attempt.mode === 'practice';
	const assignmentId = p.attempt.assignment_id;
	if (written) return { assignmentId, result: practice ? { status: 'graded', graded: p.verdict } : { status: 'recorded' } };
	if (!standing) throw FINISHED();
	// Finished after it was looked up, while this answer was on its way: by the class closing, or in another tab.
	if (standing.finished_at !== null) throw whyFinished(classClosed(standing, new Date(p.row.at)));
	if (practice) return { assignmentId, result: { status: 'graded', graded: verdictOnFirst(p.question, standing.answer, p.verdict) } };
	return { assignmentId, result: { status: standing.seq !== null && standing.seq > p.row.seq ? 'superseded' : 'recorded' } };
}

const settle = <T>(work: () => T): Settled<T> => {
	try {
		return { ok: true, value: work() };
	} catch (error) {
		return { ok: false, error };
	}
};

/** Stores a batch of answers, each key (attempt and question) once. */
async function storeBatch(db: Db, batch: Sent[]): Promise<Settled<StoredAnswer | null>[]> {
	const attempts = new Map(
		(await attemptsByToken(db, [...new Set(batch.map((s) => s.key.tokenHash))])).map((a) => [a.resume_token_hash, a])
	);
	const plans = batch.map((sent) => plan(sent, attempts.get(sent.key.tokenHash)));
	const writes = plans.filter((p) => p.kind === 'write');
	const written = new Set([
		...(await writeAnswers(db, writes.filter((p) => p.attempt.mode === 'practice').map((p) => p.row), 'first')),
		...(await writeAnswers(db, writes.filter((p) => p.attempt.mode === 'test').map((p) => p.row), 'highest-seq'))
	]);
	const missed = writes.filter((p) => !written.has(answerKey(p.row.attemptId, p.row.questionId))).map((p) => p.row);
	const standing = new Map((await standingAnswers(db, missed)).map((s) => [answerKey(s.attempt_id, s.question_id), s]));
	const hourAgo = (at: string) => new Date(Date.parse(at) - HOUR_MS).toISOString();
	const stale = [...new Set(writes.filter((p) => p.attempt.updated_at < hourAgo(p.row.at)).map((p) => p.attempt.id))];
	await touchAttempts(db, stale, batch.at(-1)!.now.toISOString());

	const settled: Settled<StoredAnswer | null>[] = [];
	for (const p of plans) {
		if (p.kind === 'no-attempt') settled.push({ ok: true, value: null });
		else if (p.kind === 'refused') settled.push({ ok: false, error: p.error });
		else if (p.kind === 'closed') {
			const ended = await settleAttempts(db, { attemptId: p.attemptId }, p.at).then(
				() => CLOSED(),
				(error: unknown) => error
			);
			settled.push({ ok: false, error: ended });
		} else {
			const key = answerKey(p.row.attemptId, p.row.questionId);
			settled.push(settle(() => outcome(p, written.has(key), standing.get(key))));
		}
	}
	return settled;
}

// One batcher per database handle: it holds answers only while they are on their way to it.
const batchers = new WeakMap<Db, Batcher<Sent, StoredAnswer | null>>();

function batcherFor(db: Db): Batcher<Sent, StoredAnswer | null> {
	let batcher = batchers.get(db);
	if (!batcher) {
		batcher = new Batcher((batch) => storeBatch(db, batch), {
			keyOf: (s) => `${s.key.tokenHash} ${s.input.questionId}`,
			max: 500
		});
		batchers.set(db, batcher);
	}
	return batcher;
}

/**
 * Grades and stores one answer for the attempt `key` names. Returns null when
 * no such attempt exists (a wrong or old resume token, or another class's
 * code); refusals throw an AssignmentError the route turns into its status and
 * message.
 */
export function storeAnswer(db: Db, key: AttemptKey, input: SubmitAnswer, now: Date, getQuiz: GetQuiz): Promise<StoredAnswer | null> {
	return batcherFor(db).add({ key, input, now, getQuiz });
}

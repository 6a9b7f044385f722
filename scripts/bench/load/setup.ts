/**
 * What the load scenarios share: the quiz and a valid answer to each question,
 * the app started on a database seeded here, and the count of stored rows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssignment, type GetQuiz } from '../../../src/lib/server/assignments.ts';
import { startAttempt } from '../../../src/lib/server/attempts.ts';
import { createDb, type Db } from '../../../src/lib/server/db/index.ts';
import { loadCatalogue } from '../../../src/lib/server/quiz-files.ts';
import type { FeedbackMode } from '../../../src/lib/quiz/modes.ts';
import type { Answer, Question } from '../../../src/lib/quiz/schema.ts';
import { childPids, targetOf, type Target } from '../load-client.ts';
import { startServer, type RunningServer } from '../server.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const QUIZ = 'sessions-offered-to-resign';
export const COOKIE = 'whosays_attempt';
export const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

export const env = (name: string, fallback: number) => {
	const v = Number(process.env[name]);
	return Number.isFinite(v) && process.env[name] !== '' && process.env[name] !== undefined ? v : fallback;
};

// ---------------------------------------------------------------- the quiz

/** The quizzes as the build embeds them, read from the same files. */
export function catalogue(): GetQuiz {
	const dir = path.join(ROOT, 'quizzes');
	const files = Object.fromEntries(
		readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => [`quizzes/${f}`, readFileSync(path.join(dir, f), 'utf8')])
	);
	const entries = loadCatalogue(files);
	return (slug) => entries.get(slug);
}

/** A valid answer for each question: right or wrong does not matter to the load, only that it is stored. */
function answerFor(question: Question): Answer {
	if (question.type === 'classify') return { type: 'classify', category: 'fact' };
	if (question.type === 'cue') return { type: 'cue', marked: [0] };
	if (question.type === 'order') return { type: 'order', order: question.items.map((item) => item.id) };
	return { type: 'choice', option: question.options[0]!.id };
}

export interface Item {
	questionId: string;
	/** The JSON body, made once: the client should not spend its CPU on stringify. */
	body: (seq: number) => string;
}

export function items(getQuiz: GetQuiz): Item[] {
	const entry = getQuiz(QUIZ);
	if (!entry) throw new Error(`quizzes/${QUIZ}.json is missing`);
	return entry.quiz.questions.map((q) => {
		const answer = answerFor(q);
		return { questionId: q.id, body: (seq) => JSON.stringify({ questionId: q.id, answer, seq }) };
	});
}

// ---------------------------------------------------------------- servers

export interface App {
	server: RunningServer;
	/** Stops the server and removes its folder; for runs that fail half way. */
	stop(): Promise<void>;
	pid: number | undefined;
	dbFile: string;
	dataDir: string;
	target: Target;
}

/** How to stop each server still running, so a failed or interrupted run leaves none behind. */
export const stoppers = new Set<() => Promise<void>>();

export async function stopAll(): Promise<void> {
	const all = [...stoppers];
	stoppers.clear();
	await Promise.allSettled(all.map((stop) => stop()));
}

/**
 * Device i's own source address, 127.a.b.c with c in 1..254: all of 127.0.0.0/8
 * is loopback on Linux, so thousands of students each connect from an address
 * of their own and the app's per-address rate limit sees them as it would in a
 * school. 127.0.0.x is left to the server and the shared addresses of (a).
 */
export function loopbackAddress(i: number): string {
	const c = 1 + (i % 254);
	const rest = Math.floor(i / 254);
	const a = 1 + Math.floor(rest / 256);
	if (a > 254) throw new RangeError(`no loopback address for device ${i}`);
	return `127.${a}.${rest % 256}.${c}`;
}

/**
 * A fresh data folder whose database is made (and seeded) here with the app's
 * own code, then `node build` on it. The folder is ours, so the database can
 * still be counted after the server has stopped and flushed it.
 */
export async function startApp<T>(seed: (db: Db) => Promise<T>): Promise<App & { seeded: T }> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'whosays-load-'));
	const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
	stoppers.add(removeDir);
	const dbFile = path.join(dataDir, 'bench.db');
	const db = await createDb(dbFile);
	const seeded = await seed(db);
	await db.destroy();
	const before = childPids();
	const profile = process.env.BENCH_CPU_PROF;
	// As npm start starts it: PORT and WHOSAYS_DB, nothing else (a profiler only when asked for one).
	const server = await startServer({
		dataDir,
		env: profile ? { NODE_OPTIONS: `--import ${profilerHook(path.resolve(profile))}` } : {}
	});
	stoppers.delete(removeDir);
	const pid = [...childPids()].find((p) => !before.has(p));
	const app: App & { seeded: T } = { server, pid, dbFile, dataDir, target: targetOf(server.url), seeded, stop: async () => {} };
	app.stop = async () => {
		stoppers.delete(app.stop);
		await server.stop();
		await removeDir();
	};
	stoppers.add(app.stop);
	return app;
}

/**
 * A module preloaded into the server that writes a V8 CPU profile when it
 * exits. `node --cpu-prof` would do, but Node refuses it in NODE_OPTIONS and
 * server.ts fixes the command line; a data: URL needs no file and no loader.
 */
function profilerHook(dir: string): string {
	const code = `
		import { Session } from 'node:inspector';
		import { writeFileSync } from 'node:fs';
		const session = new Session();
		session.connect();
		session.post('Profiler.enable');
		session.post('Profiler.setSamplingInterval', { interval: 100 });
		session.post('Profiler.start');
		process.on('exit', () => session.post('Profiler.stop', (error, result) => {
			if (!error) writeFileSync(${JSON.stringify(dir)} + '/server-' + process.pid + '.cpuprofile', JSON.stringify(result.profile));
		}));`;
	// NODE_OPTIONS splits on spaces; percent-encoding leaves none.
	return `data:text/javascript,${encodeURIComponent(code)}`;
}

export async function stopApp(app: App): Promise<Stored> {
	stoppers.delete(app.stop);
	await app.server.stop();
	try {
		return await countAnswers(app.dbFile);
	} finally {
		rmSync(app.dataDir, { recursive: true, force: true });
	}
}

export interface Stored {
	/** SELECT count(*) FROM answers. */
	count: number;
	/** `${assignment code}:${student index}:${questionId}` of every row, to say which answers differ if the counts do. */
	keys: Set<string>;
}

/** Every answer row in a store, by who answered what (the servers writing to it have stopped). */
export async function storedAnswers(db: Db): Promise<Stored> {
	const { n } = await db
		.selectFrom('answers')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const rows = await db
		.selectFrom('answers as an')
		.innerJoin('attempts as a', 'a.id', 'an.attempt_id')
		.innerJoin('assignments as s', 's.id', 'a.assignment_id')
		.select(['s.code as code', 'a.display_name as name', 'an.question_id as question'])
		.execute();
	// Students are named "Student <index + 1>" by this benchmark.
	const keys = new Set(rows.map((r) => `${r.code}:${Number(r.name.replace('Student ', '')) - 1}:${r.question}`));
	return { count: Number(n), keys };
}

/** Reads the database file directly, after the server has stopped and flushed it. */
export async function countAnswers(dbFile: string): Promise<Stored> {
	const db = await createDb(dbFile);
	try {
		return await storedAnswers(db);
	} finally {
		await db.destroy();
	}
}

export async function openAssignment(db: Db, getQuiz: GetQuiz, mode: FeedbackMode): Promise<{ code: string; id: string }> {
	const created = await createAssignment(
		db,
		{ quizSlug: QUIZ, mode, shuffle: false, attemptsAllowed: 1, title: `Load (${mode})` },
		new Date(),
		{ getQuiz }
	);
	// Stored in the canonical form the address carries ("K7M4PX"); "K7M-4PX" would be redirected.
	return { code: created.assignment.code, id: created.assignment.id };
}

/** Students who have joined, made with the app's own startAttempt, as a class would before answering. */
export async function seedStudents(db: Db, getQuiz: GetQuiz, mode: FeedbackMode, count: number) {
	const { code } = await openAssignment(db, getQuiz, mode);
	const students: { token: string; attemptId: string }[] = [];
	for (let i = 0; i < count; i++) {
		const s = await startAttempt(db, code, `Student ${i + 1}`, new Date(), { getQuiz });
		students.push({ token: s.resumeToken, attemptId: s.attemptId });
	}
	return { code, students };
}

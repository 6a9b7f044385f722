/// <reference path="./autocannon.d.ts" />
/**
 * npm run bench:load: students against `node build` with a real database
 * file. Prints figures and the targets beside them; nothing here passes or
 * fails, except the check that every acknowledged answer was stored.
 *
 * (a) a class of 40 behind one school address;
 * (b) 5,000 students ramped over 60 s, each from its own address;
 * (c) the app's answer endpoint against a bare node:http + SQLite handler at
 *     the same fixed concurrency, for the ceiling on this machine.
 *
 * Students in (b) answer one question every 5 s by default: a real student
 * reads each claim first (the quiz plans 30 s a question), so 5 s is six times
 * brisker than planned and still asks about 1,000 answers a second of the
 * server at the peak. BENCH_THINK_MS=0 sends every answer back to back, a
 * stress test beyond any class: one process then cannot accept new students
 * as fast as they arrive.
 *
 * Every student is a device of its own: one keep-alive connection and one
 * address (X-Forwarded-For, the server trusting it as behind a school proxy).
 * The load runs in this process beside the server on the same two cores; the
 * CPU lines say how much each took.
 *
 * Knobs (environment): BENCH_LOAD_ONLY=a,b,c picks scenarios; BENCH_STUDENTS,
 * BENCH_RAMP_MS, BENCH_THINK_MS and BENCH_LIMIT_S (no new request after it)
 * shape (b); BENCH_CONNECTIONS and BENCH_SECONDS size (c); BENCH_CPU_PROF=<dir>
 * writes a V8 CPU profile of each app server (summarise it with
 * scripts/bench/cpu-profile-top.ts).
 */
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAssignment, type GetQuiz } from '../../src/lib/server/assignments.ts';
import { startAttempt } from '../../src/lib/server/attempts.ts';
import { createDb, type Db } from '../../src/lib/server/db/index.ts';
import { loadCatalogue } from '../../src/lib/server/quiz-files.ts';
import type { Mode } from '../../src/lib/server/db/tables.ts';
import type { Answer, Question } from '../../src/lib/quiz/schema.ts';
import {
	childPids,
	cookieFrom,
	CpuMeter,
	newAgent,
	send,
	sleep,
	Tally,
	targetOf,
	type Target
} from './load-client.ts';
import { startServer, type RunningServer } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUIZ = 'sessions-offered-to-resign';
const COOKIE = 'whosays_attempt';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const env = (name: string, fallback: number) => {
	const v = Number(process.env[name]);
	return Number.isFinite(v) && process.env[name] !== '' && process.env[name] !== undefined ? v : fallback;
};

// ---------------------------------------------------------------- the quiz

/** The quizzes as the build embeds them, read from the same files. */
function catalogue(): GetQuiz {
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
	return { type: 'choice', option: question.options[0]!.id };
}

interface Item {
	questionId: string;
	/** The JSON body, made once: the client should not spend its CPU on stringify. */
	body: (seq: number) => string;
}

function items(getQuiz: GetQuiz): Item[] {
	const entry = getQuiz(QUIZ);
	if (!entry) throw new Error(`quizzes/${QUIZ}.json is missing`);
	return entry.quiz.questions.map((q) => {
		const answer = answerFor(q);
		return { questionId: q.id, body: (seq) => JSON.stringify({ questionId: q.id, answer, seq }) };
	});
}

// ---------------------------------------------------------------- servers

interface App {
	server: RunningServer;
	/** Stops the server and removes its folder; for runs that fail half way. */
	stop(): Promise<void>;
	pid: number | undefined;
	dbFile: string;
	dataDir: string;
	target: Target;
}

/**
 * A fresh data folder whose database is made (and seeded) here with the app's
 * own code, then `node build` on it. The folder is ours, so the database can
 * still be counted after the server has stopped and flushed it.
 */
/** How to stop each server still running, so a failed or interrupted run leaves none behind. */
const stoppers = new Set<() => Promise<void>>();

async function stopAll(): Promise<void> {
	const all = [...stoppers];
	stoppers.clear();
	await Promise.allSettled(all.map((stop) => stop()));
}

async function startApp<T>(seed: (db: Db) => Promise<T>): Promise<App & { seeded: T }> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'whosays-load-'));
	const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
	stoppers.add(removeDir);
	const dbFile = path.join(dataDir, 'bench.db');
	const db = await createDb(dbFile);
	const seeded = await seed(db);
	await db.destroy();
	const before = childPids();
	const profile = process.env.BENCH_CPU_PROF;
	const server = await startServer({
		dataDir,
		env: {
			// Students are told apart by X-Forwarded-For, as behind a school's proxy.
			ADDRESS_HEADER: 'x-forwarded-for',
			...(profile ? { NODE_OPTIONS: `--import ${profilerHook(path.resolve(profile))}` } : {})
		}
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

async function stopApp(app: App): Promise<Stored> {
	stoppers.delete(app.stop);
	await app.server.stop();
	try {
		return countAnswers(app.dbFile);
	} finally {
		rmSync(app.dataDir, { recursive: true, force: true });
	}
}

interface Stored {
	/** SELECT count(*) FROM answers. */
	count: number;
	/** `${assignment code}:${student index}:${questionId}` of every row, to say which answers differ if the counts do. */
	keys: Set<string>;
}

/** Reads the database file directly, after the server has stopped and flushed it. */
function countAnswers(dbFile: string): Stored {
	const sqlite = new SQLite(dbFile, { fileMustExist: true });
	try {
		const { n } = sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number };
		const rows = sqlite
			.prepare(
				`SELECT s.code, a.display_name AS name, an.question_id AS question
				 FROM answers an JOIN attempts a ON a.id = an.attempt_id JOIN assignments s ON s.id = a.assignment_id`
			)
			.all() as { code: string; name: string; question: string }[];
		// Students are named "Student <index + 1>" by this benchmark.
		const keys = new Set(rows.map((r) => `${r.code}:${Number(r.name.replace('Student ', '')) - 1}:${r.question}`));
		return { count: n, keys };
	} finally {
		sqlite.close();
	}
}

async function openAssignment(db: Db, getQuiz: GetQuiz, mode: Mode): Promise<{ code: string; id: string }> {
	const created = await createAssignment(
		db,
		{ quizSlug: QUIZ, mode, shuffle: false, attemptsAllowed: 1, title: `Load (${mode})` },
		new Date(),
		{ getQuiz }
	);
	// Stored in the canonical form the address carries ("K7M4PX"); "K7M-4PX" would be redirected.
	return { code: created.assignment.code, id: created.assignment.id };
}

// ---------------------------------------------------------------- printing

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : int(n));
const pct = (n: number | undefined) => (n === undefined ? 'n/a' : `${Math.round(n)}%`);
const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

function errorsText(t: Tally): string {
	const parts = [...t.errorStatuses()].map(([s, c]) => `HTTP ${s} ×${int(c)}`);
	parts.push(...[...t.socketErrors].map(([e, c]) => `socket ${e} ×${int(c)}`));
	parts.push(...[...t.problems].map(([e, c]) => `${e} ×${int(c)}`));
	return parts.length ? parts.join(', ') : 'none';
}

function latencyTable(rows: [string, Tally][]): void {
	console.log(`  ${'latency (ms)'.padEnd(16)}${['sent', 'p50', 'p95', 'p99', 'max'].map((h) => h.padStart(8)).join('')}   errors`);
	for (const [name, t] of rows) {
		const [p50, p95, p99, max] = t.percentiles(50, 95, 99, 100);
		console.log(
			`  ${name.padEnd(16)}${[int(t.sent), ms(p50!), ms(p95!), ms(p99!), ms(max!)].map((v) => v.padStart(8)).join('')}   ${errorsText(t)}`
		);
	}
}

function cpuLine(cpu: ReturnType<CpuMeter['read']>): string {
	return `CPU: load client ${pct(cpu.clientPct)} of a core, server ${pct(cpu.serverPct)} of a core (2 cores; 1-min load average ${cpu.load1[0].toFixed(1)} → ${cpu.load1[1].toFixed(1)})`;
}

/**
 * The check: as many rows as distinct answers acknowledged, and the same ones.
 * An answer whose response was lost (a timeout) may be stored without being
 * acknowledged; that is "stored, not acknowledged", not a loss.
 */
function rowCheck(stored: Stored, acknowledged: Set<string>, note = ''): { lost: number; extra: number } {
	let lost = 0;
	for (const k of acknowledged) if (!stored.keys.has(k)) lost++;
	const extra = stored.keys.size - (acknowledged.size - lost);
	const ok = stored.count === acknowledged.size && lost === 0;
	console.log(
		`  CHECK stored answer rows ${int(stored.count)} ${stored.count === acknowledged.size ? '=' : '≠'} distinct answers acknowledged ${int(acknowledged.size)}` +
			`${ok ? '' : ` (acknowledged, not stored ${int(lost)}; stored, not acknowledged ${int(extra)})`}: ${ok ? 'OK' : 'MISMATCH'}${note}`
	);
	return { lost, extra };
}

// ---------------------------------------------------------------- a student

/** What all the students of a scenario share: where to go, and the tallies. */
class Journey {
	readonly all = new Tally();
	readonly join = new Tally();
	readonly page = new Tally();
	readonly answer = new Tally();
	readonly finish = new Tally();
	/** `${code}:${student}:${questionId}` for every answer the server acknowledged (2xx). */
	readonly acked = new Set<string>();
	/** Answers sent and not acknowledged. */
	failedAnswers = 0;
	/** Answers never sent: the student could not join, or the run's time limit came first. */
	unsentNoJoin = 0;
	unsentLimit = 0;
	studentsStopped = 0;
	/** performance.now() after which students send nothing more. */
	limit = Infinity;

	constructor(
		readonly target: Target,
		readonly code: string,
		readonly items: Item[]
	) {}

	table(): void {
		latencyTable([
			['all requests', this.all],
			['join (POST)', this.join],
			['page (GET)', this.page],
			['answer (POST)', this.answer],
			['finish (POST)', this.finish]
		]);
		if (this.all.socketErrors.size) console.log('  (a request that failed counts in the latencies with the time it took to fail)');
		const connections = this.all.connections;
		console.log(
			`  client connections opened ${int(connections)}${this.all.retried ? `; requests sent again after a reset keep-alive connection ${int(this.all.retried)}` : ''}`
		);
	}
}

/** One student on one device: a keep-alive connection of its own, and its own address. */
class Student {
	readonly agent = newAgent();
	token: string | undefined;

	constructor(
		readonly j: Journey,
		readonly index: number,
		readonly address: string
	) {}

	/** Joins as a browser does: the form post, then the page the 303 leads to. */
	async join(): Promise<boolean> {
		const { j } = this;
		const posted = await send(this.agent, j.target, [j.all, j.join], {
			method: 'POST',
			path: `/a/${j.code}?/join`,
			headers: {
				origin: j.target.origin,
				'x-forwarded-for': this.address,
				'content-type': 'application/x-www-form-urlencoded',
				// As a browser's form post: SvelteKit answers it with a 303 rather than the JSON its own fetch gets.
				accept: HTML
			},
			body: new URLSearchParams({ displayName: `Student ${this.index + 1}` }).toString()
		});
		this.token = posted.status === 303 ? cookieFrom(posted.headers, COOKIE) : undefined;
		if (!this.token) {
			if (posted.status >= 200 && posted.status < 400) for (const t of [j.all, j.join]) t.problem(`join ${posted.status} without a cookie`);
			j.unsentNoJoin += j.items.length;
			return false;
		}
		await send(this.agent, j.target, [j.all, j.page], {
			method: 'GET',
			path: `/a/${j.code}`,
			headers: { 'x-forwarded-for': this.address, accept: HTML, cookie: `${COOKIE}=${this.token}` }
		});
		return true;
	}

	/** Every answer, one after the other, then finishing; stops early at the run's time limit. */
	async answerAll(thinkMs = 0): Promise<void> {
		const { j } = this;
		const headers = {
			origin: j.target.origin,
			'x-forwarded-for': this.address,
			'content-type': 'application/json',
			cookie: `${COOKIE}=${this.token}`
		};
		for (let seq = 0; seq < j.items.length; seq++) {
			if (thinkMs) await sleep(thinkMs);
			if (performance.now() > j.limit) {
				j.unsentLimit += j.items.length - seq;
				j.studentsStopped++;
				return;
			}
			const item = j.items[seq]!;
			const r = await send(this.agent, j.target, [j.all, j.answer], {
				method: 'POST',
				path: `/a/${j.code}/answer`,
				headers,
				body: item.body(seq)
			});
			if (r.status >= 200 && r.status < 300) j.acked.add(`${j.code}:${this.index}:${item.questionId}`);
			else j.failedAnswers++;
		}
		await send(this.agent, j.target, [j.all, j.finish], {
			method: 'POST',
			path: `/a/${j.code}/finish`,
			headers: { origin: j.target.origin, 'x-forwarded-for': this.address, cookie: `${COOKIE}=${this.token}` }
		});
	}

	leave(): void {
		this.agent.destroy();
	}
}

// ---------------------------------------------------------------- (a)

const CLASS_SIZE = 40;
/** One school's public address (TEST-NET-3, reserved for documentation). */
const SCHOOL_ADDRESS = '203.0.113.7';
/** The warm-up class's school: its own rate-limit allowance, so the measured class starts with a full one. */
const OTHER_SCHOOL_ADDRESS = '203.0.113.8';

/** A whole class: all join at once, then all answer at once. Returns when the last student has finished. */
async function runClass(j: Journey, address: string): Promise<{ joinS: number; answerS: number }> {
	const students = Array.from({ length: CLASS_SIZE }, (_, i) => new Student(j, i, address));
	const t0 = performance.now();
	const joined = await Promise.all(students.map((s) => s.join()));
	const t1 = performance.now();
	await Promise.all(students.filter((_, i) => joined[i]).map((s) => s.answerAll()));
	const t2 = performance.now();
	for (const s of students) s.leave();
	return { joinS: (t1 - t0) / 1000, answerS: (t2 - t1) / 1000 };
}

async function classOf40(getQuiz: GetQuiz, list: Item[]): Promise<void> {
	console.log(`\n(a) A class of ${CLASS_SIZE} behind one school address (X-Forwarded-For ${SCHOOL_ADDRESS}), practice mode`);
	console.log(`    all join at once and load the page; then all at once, each sends its ${list.length} answers back to back and finishes;`);
	console.log(`    measured after another class (another school, another assignment) has done the same, so the server is warm as in a school day`);
	const app = await startApp(async (db) => ({
		warmUp: await openAssignment(db, getQuiz, 'practice'),
		measured: await openAssignment(db, getQuiz, 'practice')
	}));
	const warm = new Journey(app.target, app.seeded.warmUp.code, list);
	await runClass(warm, OTHER_SCHOOL_ADDRESS);
	const j = new Journey(app.target, app.seeded.measured.code, list);
	const cpu = new CpuMeter(app.pid);
	const { joinS, answerS } = await runClass(j, SCHOOL_ADDRESS);
	const usage = cpu.read();
	const stored = await stopApp(app);

	const wall = joinS + answerS;
	console.log(
		`  requests sent ${int(j.all.sent)} in ${wall.toFixed(2)} s: ${int(j.all.responses / wall)} requests/s; ` +
			`answers acknowledged ${int(j.acked.size)}: ${int(j.acked.size / answerS)} answers/s over the answer phase (${answerS.toFixed(2)} s, joins took ${joinS.toFixed(2)} s)`
	);
	j.table();
	const [p99] = j.all.percentiles(99);
	const errors = j.all.errorCount();
	console.log(`  TARGET p99 < 100 ms and 0 errors: p99 ${ms(p99!)} ms, ${int(errors)} errors → ${met(p99! < 100 && errors === 0)}`);
	if (j.unsentNoJoin) console.log(`  students who could not join: ${int(j.unsentNoJoin / list.length)}`);
	const [coldP99] = warm.all.percentiles(99);
	const [coldAnswerP99] = warm.answer.percentiles(99);
	console.log(
		`  the first class, on the just-started server (not measured above): p99 ${ms(coldP99!)} ms, answers p99 ${ms(coldAnswerP99!)} ms, ${int(warm.all.errorCount())} errors`
	);
	rowCheck(stored, new Set([...warm.acked, ...j.acked]), ' (both classes)');
	console.log(`  ${cpuLine(usage)}`);
}

// ---------------------------------------------------------------- (b)

/** Student i's own address: 10.x.y.z, one per student. */
const studentAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function rampOf5000(getQuiz: GetQuiz, list: Item[]): Promise<void> {
	const count = env('BENCH_STUDENTS', 5000);
	const rampMs = env('BENCH_RAMP_MS', 60_000);
	const thinkMs = env('BENCH_THINK_MS', 5000);
	// Long enough for the last student to start and answer everything at this pace.
	const limitS = env('BENCH_LIMIT_S', Math.ceil(rampMs / 1000 + ((list.length + 3) * thinkMs) / 1000 + 30));
	const gap = rampMs / count;
	console.log(`\n(b) ${int(count)} students ramped over ${rampMs / 1000} s, practice mode: student i starts at i × ${gap} ms, each from its own address and connection`);
	console.log(
		`    each joins, loads the page, sends its ${list.length} answers ${thinkMs ? `with ${thinkMs} ms before each` : 'back to back (no think time: the most the ramp can ask; BENCH_THINK_MS sets a pause)'}, ` +
			`then finishes; no new request after ${limitS} s`
	);
	const perS = (count * (list.length + 3)) / (rampMs / 1000);
	if (!thinkMs) console.log(`    asked of the server while the ramp lasts: up to ${int(perS)} requests/s (${int(count)} × ${list.length + 3} requests in ${rampMs / 1000} s)`);
	const app = await startApp((db) => openAssignment(db, getQuiz, 'practice'));
	const j = new Journey(app.target, app.seeded.code, list);
	let active = 0;
	let peakActive = 0;
	let maxLateMs = 0;
	const cpu = new CpuMeter(app.pid);
	const t0 = performance.now();
	j.limit = t0 + limitS * 1000;
	const running: Promise<void>[] = [];
	for (let i = 0; i < count; i++) {
		const due = t0 + i * gap;
		const wait = due - performance.now();
		if (wait > 1) await sleep(wait);
		// How far behind schedule the client starts a student: a busy client shows here first.
		maxLateMs = Math.max(maxLateMs, performance.now() - due);
		const student = new Student(j, i, studentAddress(i));
		running.push(
			(async () => {
				active++;
				peakActive = Math.max(peakActive, active);
				try {
					if (await student.join()) await student.answerAll(thinkMs);
				} finally {
					active--;
					student.leave();
				}
			})()
		);
	}
	const t1 = performance.now();
	await Promise.all(running);
	const t2 = performance.now();
	const usage = cpu.read();
	const stored = await stopApp(app);

	const wall = (t2 - t0) / 1000;
	console.log(
		`  requests sent ${int(j.all.sent)} in ${wall.toFixed(1)} s (last student started at ${((t1 - t0) / 1000).toFixed(1)} s): ` +
			`${int(j.all.responses / wall)} requests/s; answers acknowledged ${int(j.acked.size)}: ${int(j.acked.size / wall)} answers/s`
	);
	console.log(`  students in progress at once: peak ${int(peakActive)}; client start lag max ${ms(maxLateMs)} ms`);
	j.table();
	console.log(
		`  answers: failed (sent, not acknowledged) ${int(j.failedAnswers)}; never sent because the join failed ${int(j.unsentNoJoin)}, ` +
			`because of the time limit ${int(j.unsentLimit)} (${int(j.studentsStopped)} students stopped)`
	);
	const { lost } = rowCheck(stored, j.acked);
	const [p95] = j.all.percentiles(95);
	const noJoin = j.unsentNoJoin / list.length;
	console.log(
		`  TARGET p95 < 1 s and 0 lost: p95 ${ms(p95!)} ms, ${int(lost)} lost → ${met(p95! < 1000 && lost === 0)}` +
			`; beside it: ${int(count - noJoin)} of ${int(count)} students joined, ${int(j.all.errorCount())} requests failed`
	);
	console.log(`  ${cpuLine(usage)}`);
}

// ---------------------------------------------------------------- (c)

interface Pair {
	key: string;
	path: string;
	headers: Record<string, string>;
	body: string;
}

/**
 * Every (student, question) once, question-major so that consecutive
 * requests belong to different students, as in a class answering together.
 */
function pairsFor(code: string, origin: string, port: number, students: { cookie?: string }[], list: Item[]): Pair[] {
	const pairs: Pair[] = [];
	for (let seq = 0; seq < list.length; seq++) {
		const item = list[seq]!;
		const body = item.body(seq);
		students.forEach((s, i) =>
			pairs.push({
				key: `${code}:${i}:${item.questionId}`,
				path: `/a/${code}/answer`,
				headers: {
					host: `localhost:${port}`,
					origin,
					'x-forwarded-for': studentAddress(i),
					'content-type': 'application/json',
					...(s.cookie ? { cookie: `${COOKIE}=${s.cookie}` } : {})
				},
				body
			})
		);
	}
	return pairs;
}

interface CannonRun {
	tally: Tally;
	acked: Set<string>;
	wallS: number;
	cpu: ReturnType<CpuMeter['read']>;
}

/** A pool of distinct answers, handed out in order across runs, so no request is a repeat the database can skip. */
class PairPool {
	#next = 0;
	wrapped = 0;
	constructor(readonly pairs: Pair[]) {}
	take(): Pair {
		if (this.#next >= this.pairs.length) this.wrapped++;
		return this.pairs[this.#next++ % this.pairs.length]!;
	}
}

/** `amount` answers at a fixed concurrency; the run ends when the last is answered, so none is left in flight. */
async function cannon(target: Target, pool: PairPool, connections: number, amount: number, pid: number | undefined): Promise<CannonRun> {
	const tally = new Tally();
	const acked = new Set<string>();
	const cpu = new CpuMeter(pid);
	const t0 = performance.now();
	const instance = autocannon({
		url: `http://${target.host}:${target.port}`,
		connections,
		pipelining: 1,
		amount,
		timeout: 30,
		requests: [
			{
				setupRequest: (req, context) => {
					const pair = pool.take();
					context.key = pair.key;
					tally.sent++;
					return { ...req, method: 'POST', path: pair.path, headers: { ...pair.headers }, body: pair.body };
				},
				onResponse: (status, _body, context) => {
					if (status >= 200 && status < 300) acked.add(String(context.key));
				}
			}
		]
	});
	instance.on('response', (_client: unknown, status: number, _bytes: number, responseMs: number) => tally.record(status, responseMs));
	instance.on('reqError', (e: NodeJS.ErrnoException) => tally.socketError(e.code ?? e.message));
	await instance;
	const wallS = (performance.now() - t0) / 1000;
	return { tally, acked, wallS, cpu: cpu.read() };
}

/** One handler under test, and what it did over all its measured runs. */
class Contender {
	readonly tally = new Tally();
	/** Every answer acknowledged, warm-up included: what the database must hold. */
	readonly acked = new Set<string>();
	/** Answers acknowledged in the measured runs (requests answered, for a refused contender). */
	measuredAcked = 0;
	wallS = 0;
	clientCpuS = 0;
	serverCpuS = 0;
	rate = 0;
	readonly roundRates: number[] = [];

	constructor(
		readonly name: string,
		readonly target: Target,
		readonly pid: number | undefined,
		readonly pool: PairPool,
		/** Refused on purpose: then its requests, not its answers, are what is counted. */
		readonly refused = false
	) {}

	add(run: CannonRun, measured: boolean): void {
		for (const k of run.acked) this.acked.add(k);
		this.rate = (this.refused ? run.tally.responses : run.acked.size) / run.wallS;
		if (!measured) return;
		this.tally.absorb(run.tally);
		this.measuredAcked += this.refused ? run.tally.responses : run.acked.size;
		this.wallS += run.wallS;
		this.roundRates.push(this.rate);
		this.clientCpuS += (run.cpu.clientPct / 100) * run.wallS;
		this.serverCpuS += ((run.cpu.serverPct ?? NaN) / 100) * run.wallS;
	}

	get answersPerS(): number {
		return this.measuredAcked / this.wallS;
	}

	/** Server CPU time per answer: what the handler costs, whatever share of the machine it was given. */
	get cpuUsPerAnswer(): number {
		return (this.serverCpuS / this.measuredAcked) * 1e6;
	}
}

function bareServer(dbFile: string, port: number): Promise<{ pid: number; stop: () => Promise<void> }> {
	// Its stdin is a pipe from this process: when this process ends, however it ends, the server sees the pipe close and stops.
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/bare-server.ts'), dbFile, String(port)], {
		cwd: ROOT,
		stdio: ['pipe', 'pipe', 'inherit']
	});
	let exited = false;
	const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
	const stop = async () => {
		stoppers.delete(stop);
		if (!exited) child.kill('SIGTERM');
		await exit;
	};
	stoppers.add(stop);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the bare server did not start within 15 s')), 15_000);
		void exit.then(() => reject(new Error(`the bare server exited with code ${child.exitCode}`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			if (!chunk.toString().includes('Listening')) return;
			clearTimeout(timer);
			resolve({ pid: child.pid!, stop });
		});
	});
}

/** Students who have joined, made with the app's own startAttempt, as a class would before answering. */
async function seedStudents(db: Db, getQuiz: GetQuiz, mode: Mode, count: number) {
	const { code } = await openAssignment(db, getQuiz, mode);
	const students: { token: string; attemptId: string }[] = [];
	for (let i = 0; i < count; i++) {
		const s = await startAttempt(db, code, `Student ${i + 1}`, new Date(), { getQuiz });
		students.push({ token: s.resumeToken, attemptId: s.attemptId });
	}
	return { code, students };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function ceiling(getQuiz: GetQuiz, list: Item[]): Promise<void> {
	const connections = env('BENCH_CONNECTIONS', CLASS_SIZE);
	const seconds = env('BENCH_SECONDS', 12);
	const rounds = 3;
	console.log(`\n(c) The ceiling: the app's answer endpoint against a bare node:http handler doing the same SQLite write`);
	console.log(
		`    the same load for each: autocannon, ${connections} keep-alive connections answering back to back (the class of (a)), ` +
			`every request a new (student, question) row with the same headers and body, each student its own address;`
	);
	console.log(
		`    after a warm-up of ${int(connections * 50)} answers each, ${rounds} rounds taking turns (bare, app practice, app test), ` +
			`each run about ${(seconds / rounds).toFixed(0)} s, so a busy spell on the machine falls on all of them alike`
	);

	// Both servers get a database made by the app's migrations, with attempts made by the app's code.
	const bareDir = mkdtempSync(path.join(tmpdir(), 'whosays-bare-'));
	const removeBareDir = async () => rmSync(bareDir, { recursive: true, force: true });
	stoppers.add(removeBareDir);
	const bareFile = path.join(bareDir, 'bare.db');
	const db = await createDb(bareFile);
	const bareSeed = await seedStudents(db, getQuiz, 'test', 8_000);
	await db.destroy();
	const barePort = await freePortNumber();
	const bare = await bareServer(bareFile, barePort);
	const bareTarget = targetOf(`http://localhost:${barePort}`);

	const app = await startApp(async (db) => ({
		practice: await seedStudents(db, getQuiz, 'practice', 6_000),
		test: await seedStudents(db, getQuiz, 'test', 6_000)
	}));

	const contenders = [
		new Contender(
			'bare node:http + SQLite',
			bareTarget,
			bare.pid,
			// The bare handler takes the attempt id from the cookie, where the app has a resume token.
			new PairPool(pairsFor(bareSeed.code, bareTarget.origin, barePort, bareSeed.students.map((s) => ({ cookie: s.attemptId })), list))
		),
		...(['practice', 'test'] as const).map((mode) => {
			const { code, students } = app.seeded[mode];
			const pairs = pairsFor(code, app.target.origin, app.target.port, students.map((s) => ({ cookie: s.token })), list);
			return new Contender(`app, ${mode} mode`, app.target, app.pid, new PairPool(pairs));
		})
	];
	// Not a contender: the same requests without a cookie, which the app refuses (401) before any SQL,
	// so what it costs is the framework's share of an answer.
	const floor = new Contender(
		'app, refused before SQL',
		app.target,
		app.pid,
		new PairPool(pairsFor(app.seeded.practice.code, app.target.origin, app.target.port, app.seeded.practice.students.map(() => ({})), list)),
		true
	);
	contenders.push(floor);

	const bareLoad = loadavg()[0]!;
	for (const c of contenders) c.add(await cannon(c.target, c.pool, connections, connections * 50, c.pid), false);
	for (let r = 0; r < rounds; r++) {
		for (const c of contenders) {
			const amount = Math.max(connections * 20, Math.round((c.rate * seconds) / rounds));
			c.add(await cannon(c.target, c.pool, connections, amount, c.pid), true);
		}
	}
	await bare.stop();
	const bareStored = countAnswers(bareFile);
	stoppers.delete(removeBareDir);
	await removeBareDir();
	const appStored = await stopApp(app);

	const head = ['requests', 'answers', 'answers/s', 'p50', 'p95', 'p99', 'server µs', 'client CPU', 'server CPU'];
	console.log(`  ${'handler (measured runs)'.padEnd(24)}${head.map((h) => h.padStart(11)).join('')}   errors`);
	for (const c of contenders) {
		const [p50, p95, p99] = c.tally.percentiles(50, 95, 99);
		const cells = [
			int(c.tally.sent),
			c.refused ? '-' : int(c.measuredAcked),
			`${int(c.answersPerS)}${c.refused ? ' req' : ''}`,
			ms(p50!),
			ms(p95!),
			ms(p99!),
			int(c.cpuUsPerAnswer),
			pct((c.clientCpuS / c.wallS) * 100),
			pct((c.serverCpuS / c.wallS) * 100)
		];
		const note = c.refused ? ' (expected: no cookie)' : c.pool.wrapped ? ` (pool ran out: ${int(c.pool.wrapped)} repeats)` : '';
		console.log(`  ${c.name.padEnd(24)}${cells.map((v) => v.padStart(11)).join('')}   ${errorsText(c.tally)}${note}`);
	}
	console.log(
		`  (server µs: server CPU time per answer; CPU columns: % of one core over the measured runs; ` +
			`"refused before SQL": the same answers sent without a cookie, which the app refuses (401) before any SQL, so its figures are per request — the framework's share)`
	);
	const [ceil, ...apps] = contenders.filter((c) => !c.refused) as [Contender, ...Contender[]];
	for (const c of apps) {
		const ratio = c.answersPerS / ceil.answersPerS;
		const perRound = c.roundRates.map((rate, i) => rate / ceil.roundRates[i]!);
		const cpuRatio = ceil.cpuUsPerAnswer / c.cpuUsPerAnswer;
		console.log(
			`  TARGET ${c.name} at least half the bare handler's answers/s: ratio ${ratio.toFixed(2)} ` +
				`(rounds ${perRound.map((x) => x.toFixed(2)).join(', ')}, median ${median(perRound).toFixed(2)}; ` +
				`by server CPU per answer ${cpuRatio.toFixed(2)}) → ${met(ratio >= 0.5)}`
		);
	}
	const first = contenders[0]!;
	console.log(`  1-min load average over (c): ${bareLoad.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (2 cores; ${first.name} got ${pct((first.serverCpuS / first.wallS) * 100)} of a core)`);
	rowCheck(bareStored, ceil.acked, ' (bare handler, warm-up included)');
	rowCheck(appStored, new Set(apps.flatMap((c) => [...c.acked])), ' (app, both modes, warm-ups included)');
}

async function freePortNumber(): Promise<number> {
	const { createServer } = await import('node:net');
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.on('error', reject);
		srv.listen(0, () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

// ---------------------------------------------------------------- entry

export async function benchLoad(): Promise<void> {
	const only = (process.env.BENCH_LOAD_ONLY ?? 'a,b,c').split(',').map((s) => s.trim());
	const getQuiz = catalogue();
	const list = items(getQuiz);
	console.log(`Load on node build (${process.version}), quiz ${QUIZ} (${list.length} questions)`);
	// Ctrl-C or a kill stops the servers first; their ports and folders are not left behind.
	const interrupted = (signal: NodeJS.Signals) => void stopAll().finally(() => process.kill(process.pid, signal));
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		if (only.includes('a')) await classOf40(getQuiz, list);
		if (only.includes('b')) await rampOf5000(getQuiz, list);
		if (only.includes('c')) await ceiling(getQuiz, list);
	} finally {
		await stopAll();
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	await benchLoad();
}

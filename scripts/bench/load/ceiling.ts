/// <reference path="../autocannon.d.ts" />
/** (c) The ceiling: the app's answer endpoint against a bare node:http + SQLite handler at the same fixed concurrency. */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import { createDb } from '../../../src/lib/server/db/index.ts';
import { CpuMeter, Tally, targetOf, type Target } from '../load-client.ts';
import { CLASS_SIZE } from './class.ts';
import { studentAddress } from './ramp.ts';
import { errorsText, int, met, ms, pct, rowCheck } from './report.ts';
import { COOKIE, countAnswers, env, ROOT, seedStudents, startApp, stopApp, stoppers, type Item } from './setup.ts';
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function ceiling(getQuiz: GetQuiz, list: Item[]): Promise<void> {
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

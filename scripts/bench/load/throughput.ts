/**
 * (c) Answers per second per core through the normal route: valid answers
 * POSTed to /a/<code>/answer at a fixed concurrency on the app started as
 * npm start starts it, and the server process's CPU seconds over the same
 * runs. Answers per core = answers acknowledged / server CPU seconds: what an
 * answer costs the app, whatever share of the busy machine it was given.
 * Beside it, the same figure for the bare SvelteKit app's JSON endpoint in the
 * same run: what the framework alone costs on this machine today, since one
 * day's figures here differ from another's by a third.
 */
import type { Agent } from 'node:http';
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import type { FeedbackMode } from '../../../src/lib/quiz/modes.ts';
import { CpuMeter, newAgent, send, Tally, targetOf, type CpuUsage, type Target } from '../load-client.ts';
import { startBareKit } from '../bare-kit.ts';
import { CLASS_SIZE } from './class.ts';
import { cpuLine, errorsText, int, met, ms, pct, rateLimitLine, rowCheck, waitShare } from './report.ts';
import { COOKIE, env, loopbackAddress, seedStudents, startApp, stopApp, type Item } from './setup.ts';

const TARGET_PER_CORE = 2_000;
const MODES = ['practice', 'test'] as const;

/** One mode's students, joined before the server starts, handed to connections in order so no answer is a repeat. */
export class Pool {
	next = 0;
	ranOut = false;
	/** `${code}:${student}:${questionId}` of every answer acknowledged, warm-up included: what the database must hold. */
	readonly acked = new Set<string>();
	readonly measured = new Tally();
	answers = 0;
	wallS = 0;
	serverS = 0;
	clientS = 0;
	waitS = 0;
	readonly rounds: { perS: number; perCore: number }[] = [];

	constructor(
		readonly mode: FeedbackMode,
		readonly code: string,
		readonly tokens: string[],
		/** Where this pool's loopback addresses start, so no two students of the run share one. */
		readonly firstAddress: number
	) {}

	add(run: Run): void {
		this.measured.absorb(run.tally);
		this.answers += run.acked;
		this.wallS += run.cpu.wallS;
		this.serverS += run.cpu.serverS ?? NaN;
		this.clientS += run.cpu.clientS;
		this.waitS += run.cpu.serverWaitS ?? NaN;
		this.rounds.push({ perS: run.acked / run.cpu.wallS, perCore: run.acked / (run.cpu.serverS ?? NaN) });
	}
}

/**
 * One connection of the fixed concurrency: a student's device sending its
 * answers back to back, then the next student's, each from its own address.
 */
export class Lane {
	#agent: Agent | undefined;
	#student = -1;
	#seq = 0;
	#headers: Record<string, string> = {};

	constructor(
		readonly pool: Pool,
		readonly target: Target,
		readonly list: Item[],
		readonly bodies: string[]
	) {}

	/** Sends the next answer; false when the pool has no student left. */
	async step(tally: Tally): Promise<boolean> {
		const { pool, list } = this;
		if (!this.#agent || this.#seq === list.length) {
			this.close();
			if (pool.next >= pool.tokens.length) {
				pool.ranOut = true;
				return false;
			}
			this.#student = pool.next++;
			this.#seq = 0;
			this.#agent = newAgent(loopbackAddress(pool.firstAddress + this.#student));
			this.#headers = {
				origin: this.target.origin,
				'content-type': 'application/json',
				cookie: `${COOKIE}=${pool.tokens[this.#student]}`
			};
		}
		const seq = this.#seq++;
		const r = await send(this.#agent!, this.target, [tally], {
			method: 'POST',
			path: `/a/${pool.code}/answer`,
			headers: this.#headers,
			body: this.bodies[seq]!
		});
		if (r.status >= 200 && r.status < 300) pool.acked.add(`${pool.code}:${this.#student}:${list[seq]!.questionId}`);
		return true;
	}

	close(): void {
		this.#agent?.destroy();
		this.#agent = undefined;
	}
}

interface Run {
	tally: Tally;
	acked: number;
	cpu: CpuUsage;
}

/** Every lane answers until `seconds` have passed; the run ends when the last answer under way is answered. */
async function run(lanes: Lane[], pid: number | undefined, seconds: number): Promise<Run> {
	const tally = new Tally();
	const pool = lanes[0]!.pool;
	const before = pool.acked.size;
	const cpu = new CpuMeter(pid);
	const deadline = performance.now() + seconds * 1000;
	await Promise.all(
		lanes.map(async (lane) => {
			while (performance.now() < deadline && (await lane.step(tally)));
		})
	);
	return { tally, acked: pool.acked.size - before, cpu: cpu.read() };
}

/**
 * The framework's floor for an answer, in the same run: the bare SvelteKit
 * app's JSON endpoint (it reads and parses the body and replies with a small
 * verdict, storing nothing), at the same concurrency, each connection sending
 * as many answers as a student and then giving way to a new one from a new
 * address. Answers per CPU second of its process, after a warm-up.
 */
async function bareAnswersPerCore(connections: number, warmS: number, seconds: number, bodies: string[]): Promise<{ perCore: number; tally: Tally }> {
	const bare = await startBareKit();
	try {
		const target = targetOf(bare.url);
		let device = 0;
		const lane = async (tally: Tally, until: number) => {
			while (performance.now() < until) {
				const agent = newAgent(loopbackAddress(100_000 + device++));
				for (const body of bodies) {
					if (performance.now() >= until) break;
					await send(agent, target, [tally], { method: 'POST', path: '/answer', headers: { origin: target.origin, 'content-type': 'application/json' }, body });
				}
				agent.destroy();
			}
		};
		const lanes = (tally: Tally, s: number) => {
			const until = performance.now() + s * 1000;
			return Promise.all(Array.from({ length: connections }, () => lane(tally, until)));
		};
		await lanes(new Tally(), warmS);
		const tally = new Tally();
		const cpu = new CpuMeter(bare.pid);
		await lanes(tally, seconds);
		const { serverS } = cpu.read();
		const ok = tally.statuses.get(200) ?? 0;
		if (ok !== tally.completed) throw new Error(`The bare SvelteKit answer endpoint answered ${JSON.stringify([...tally.statuses])}`);
		return { perCore: ok / (serverS ?? NaN), tally };
	} finally {
		await bare.stop();
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Returns the answers acknowledged and not stored. */
export async function answersPerCore(getQuiz: GetQuiz, list: Item[]): Promise<number> {
	const connections = env('BENCH_CONNECTIONS', CLASS_SIZE);
	const seconds = env('BENCH_SECONDS', 15);
	const warmS = env('BENCH_WARM_S', 3);
	const poolSize = env('BENCH_POOL', 5_000);
	const rounds = 3;
	console.log(`\n(c) Answers per second per core through the normal route: POST /a/<code>/answer on the app as npm start starts it`);
	console.log(
		`    ${connections} keep-alive connections answering back to back, each a student on a loopback address of its own ` +
			`(its ${list.length} answers, then the next student on a new connection);`
	);
	console.log(
		`    ${int(poolSize)} students a mode joined beforehand with the app's own code; after a ${warmS} s warm-up a mode, ` +
			`${rounds} rounds taking turns (${MODES.join(', ')}), ${(seconds / rounds).toFixed(0)} s each, so a busy spell on the machine falls on both alike`
	);
	const app = await startApp(async (db) => {
		const seeded = [];
		for (const mode of MODES) seeded.push({ mode, ...(await seedStudents(db, getQuiz, mode, poolSize)) });
		return seeded;
	});
	if (app.pid === undefined) throw new Error("the server's process is not among this process's children in /proc, so its CPU time cannot be read");
	const bodies = list.map((item, seq) => item.body(seq));
	const pools = app.seeded.map((s, i) => new Pool(s.mode, s.code, s.students.map((st) => st.token), i * poolSize));
	const lanes = pools.map((pool) => Array.from({ length: connections }, () => new Lane(pool, app.target, list, bodies)));
	const whole = new CpuMeter(app.pid);
	try {
		for (const l of lanes) await run(l, app.pid, warmS);
		for (let r = 0; r < rounds; r++) for (const [i, l] of lanes.entries()) pools[i]!.add(await run(l, app.pid, seconds / rounds));
	} finally {
		for (const lane of lanes.flat()) lane.close();
	}
	const usage = whole.read();
	const stored = await stopApp(app);

	const head = ['answers', 'answers/s', 'server CPU s', 'answers/s/core', 'p50', 'p95', 'p99', 'client CPU', 'server CPU'];
	console.log(`  ${'mode (measured rounds)'.padEnd(24)}${head.map((h) => h.padStart(15)).join('')}   errors`);
	for (const p of pools) {
		const [p50, p95, p99] = p.measured.percentiles(50, 95, 99);
		const cells = [
			int(p.answers),
			int(p.answers / p.wallS),
			p.serverS.toFixed(2),
			int(p.answers / p.serverS),
			ms(p50!),
			ms(p95!),
			ms(p99!),
			pct((p.clientS / p.wallS) * 100),
			pct((p.serverS / p.wallS) * 100)
		];
		console.log(`  ${p.mode.padEnd(24)}${cells.map((v) => v.padStart(15)).join('')}   ${errorsText(p.measured)}`);
	}
	console.log(`  the server's event loop waited for a core ${pools.map((p) => `${waitShare(p.waitS, p.wallS)} of the ${p.mode} rounds`).join(', ')}`);
	console.log(
		`  (answers/s/core: answers acknowledged / CPU seconds the server process used, from /proc/<pid>/stat; CPU columns: % of one core)`
	);
	for (const p of pools) {
		const perCore = p.answers / p.serverS;
		console.log(
			`  TARGET ${p.mode} mode at least ${int(TARGET_PER_CORE)} answers/s per core: ${int(perCore)} ` +
				`(rounds ${p.rounds.map((x) => int(x.perCore)).join(', ')}, median ${int(median(p.rounds.map((x) => x.perCore)))}) → ${met(perCore >= TARGET_PER_CORE)}`
		);
		rateLimitLine(p.measured, `(${p.mode} mode)`);
		if (p.ranOut) console.log(`  the ${p.mode} students ran out before the time did: raise BENCH_POOL (${int(poolSize)})`);
	}
	const floor = await bareAnswersPerCore(connections, warmS, seconds / rounds, bodies);
	const [bareP50] = floor.tally.percentiles(50);
	console.log(
		`  beside it, the framework's floor in this run: the bare SvelteKit app's JSON endpoint (parses the answer, replies, stores nothing), ` +
			`${connections} connections as above for ${(seconds / rounds).toFixed(0)} s: ${int(floor.perCore)} answers/s per core (p50 ${ms(bareP50!)} ms); ` +
			`an answer through this app costs ${pools.map((p) => `${(floor.perCore / (p.answers / p.serverS)).toFixed(2)}x its CPU in ${p.mode} mode`).join(', ')}`
	);
	const { lost } = rowCheck(stored, new Set(pools.flatMap((p) => [...p.acked])), ' (both modes, warm-ups included)');
	console.log(`  ${cpuLine(usage)}`);
	return lost;
}

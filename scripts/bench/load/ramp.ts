/** (b) Thousands of students ramped in one after another, each on a device and address of its own. */
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import { acceptQueue, CpuMeter, sleep, type CpuUsage } from '../load-client.ts';
import { Journey, Student } from './journey.ts';
import { cpuLine, int, met, ms, rateLimitLine, rowCheck } from './report.ts';
import { env, loopbackAddress, openAssignment, startApp, stopApp, type Item, type Stored } from './setup.ts';

export interface RampShape {
	count: number;
	rampMs: number;
	thinkMs: number;
	/** Seconds after the start when no student sends anything new. */
	limitS: number;
}

export function rampShape(list: Item[]): RampShape {
	const count = env('BENCH_STUDENTS', 5000);
	const rampMs = env('BENCH_RAMP_MS', 60_000);
	const thinkMs = env('BENCH_THINK_MS', 5000);
	// Long enough for the last student to start and answer everything at this pace.
	const limitS = env('BENCH_LIMIT_S', Math.ceil(rampMs / 1000 + ((list.length + 3) * thinkMs) / 1000 + 30));
	return { count, rampMs, thinkMs, limitS };
}

export function describeRamp(shape: RampShape, list: Item[], where: string): void {
	const { count, rampMs, thinkMs, limitS } = shape;
	console.log(`    student i starts at i × ${+(rampMs / count).toFixed(2)} ms, ${where}, each from its own address and connection;`);
	console.log(
		`    each joins, loads the page, sends its ${list.length} answers ${thinkMs ? `with ${thinkMs} ms before each` : 'back to back (no think time: the most the ramp can ask; BENCH_THINK_MS sets a pause)'}, ` +
			`then finishes; an answer without a reply, a 5xx or a 429 is sent again with its seq, as the page's outbox does; no new request after ${limitS} s`
	);
	if (!thinkMs)
		console.log(`    asked of the server while the ramp lasts: up to ${int((count * (list.length + 3)) / (rampMs / 1000))} requests/s (${int(count)} × ${list.length + 3} requests in ${rampMs / 1000} s)`);
}

/** Something done to the servers while the students work (a process killed, the database restarted). */
export interface Fault {
	/** Milliseconds after the first student starts. */
	atMs: number;
	what: string;
	run: () => Promise<void>;
}

export interface RampRun {
	wallS: number;
	lastStartS: number;
	peakActive: number;
	maxLateMs: number;
	/** The most connections seen waiting to be accepted at the students' address (sampled every 200 ms; undefined without /proc). */
	peakAcceptQueue: number | undefined;
	/** When each fault began and ended, in seconds after the start. */
	faults: { what: string; fromS: number; toS: number }[];
}

/** Ramps `shape.count` students in through `j`, running each fault at its time; returns when the last student is done. */
export async function ramp(j: Journey, shape: RampShape, faults: Fault[] = []): Promise<RampRun> {
	const { count, rampMs, thinkMs, limitS } = shape;
	const gap = rampMs / count;
	let active = 0;
	let peakActive = 0;
	let maxLateMs = 0;
	const t0 = performance.now();
	j.limit = t0 + limitS * 1000;
	const done: RampRun['faults'] = [];
	const faulting = faults.map(async (fault) => {
		await sleep(fault.atMs);
		j.fault.from = performance.now();
		await fault.run();
		j.fault.to = performance.now();
		done.push({ what: fault.what, fromS: (j.fault.from - t0) / 1000, toS: (j.fault.to - t0) / 1000 });
	});
	let peakAcceptQueue: number | undefined;
	const sampler = setInterval(() => {
		const waiting = acceptQueue(j.target.port);
		if (waiting !== undefined) peakAcceptQueue = Math.max(peakAcceptQueue ?? 0, waiting);
	}, 200);
	const running: Promise<void>[] = [];
	for (let i = 0; i < count; i++) {
		const due = t0 + i * gap;
		const wait = due - performance.now();
		if (wait > 1) await sleep(wait);
		// How far behind schedule the client starts a student: a busy client shows here first.
		maxLateMs = Math.max(maxLateMs, performance.now() - due);
		const student = new Student(j, i, loopbackAddress(i));
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
	await Promise.all([...running, ...faulting]).finally(() => clearInterval(sampler));
	const wallS = (performance.now() - t0) / 1000;
	return { wallS, lastStartS: (t1 - t0) / 1000, peakActive, maxLateMs, peakAcceptQueue, faults: done };
}

/** Prints a ramp's figures and the check of stored rows; returns the answers acknowledged and not stored. */
export function reportRamp(j: Journey, shape: RampShape, run: RampRun, stored: Stored, usage: CpuUsage | undefined): number {
	const { count } = shape;
	console.log(
		`  requests sent ${int(j.all.sent)} in ${run.wallS.toFixed(1)} s (last student started at ${run.lastStartS.toFixed(1)} s): ` +
			`${int(j.all.responses / run.wallS)} requests/s; answers acknowledged ${int(j.acked.size)}: ${int(j.acked.size / run.wallS)} answers/s`
	);
	console.log(`  students in progress at once: peak ${int(run.peakActive)}; client start lag max ${ms(run.maxLateMs)} ms`);
	// A join is a student's first request on a new connection: it waits here before any of the server's code runs (server.js, 5).
	if (run.peakAcceptQueue !== undefined)
		console.log(`  connections waiting to be accepted at the students' address: peak ${int(run.peakAcceptQueue)} (sampled every 200 ms)`);
	for (const f of run.faults) console.log(`  FAULT ${f.what}: from ${f.fromS.toFixed(1)} s to ${f.toS.toFixed(1)} s`);
	j.table();
	console.log(
		`  answers: requests sent again ${int(j.resent)}; refused for good ${int(j.failedAnswers)}; unacknowledged at the time limit ${int(j.unacknowledged)}; ` +
			`never sent because the join failed ${int(j.unsentNoJoin)}, because of the time limit ${int(j.unsentLimit)} (${int(j.studentsStopped)} students stopped)`
	);
	const { lost } = rowCheck(stored, j.acked);
	const [p95] = j.all.percentiles(95);
	const noJoin = j.unsentNoJoin / j.items.length;
	console.log(
		`  TARGET p95 < 1 s and 0 lost: p95 ${p95!.toFixed(1)} ms, ${int(lost)} lost → ${met(p95! < 1000 && lost === 0)}` +
			`; beside it: ${int(count - noJoin)} of ${int(count)} students joined, ${int(j.all.errorCount())} requests failed`
	);
	rateLimitLine(j.all);
	if (usage) console.log(`  ${cpuLine(usage)}`);
	return lost;
}

/** Returns the answers acknowledged and not stored. */
export async function rampOf5000(getQuiz: GetQuiz, list: Item[]): Promise<number> {
	const shape = rampShape(list);
	console.log(`\n(b) ${int(shape.count)} students ramped over ${shape.rampMs / 1000} s, practice mode, on SQLite`);
	describeRamp(shape, list, 'against node build on one SQLite file');
	const app = await startApp((db) => openAssignment(db, getQuiz, 'practice'));
	const j = new Journey(app.target, app.seeded.code, list);
	const cpu = new CpuMeter(app.pid);
	const run = await ramp(j, shape);
	const usage = cpu.read();
	const stored = await stopApp(app);
	return reportRamp(j, shape, run, stored, usage);
}

/** (b) Thousands of students ramped in one after another, each on a device and address of its own. */
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import { CpuMeter, sleep } from '../load-client.ts';
import { Journey, Student } from './journey.ts';
import { cpuLine, int, met, ms, rateLimitLine, rowCheck } from './report.ts';
import { env, loopbackAddress, openAssignment, startApp, stopApp, type Item } from './setup.ts';


/** Returns the answers acknowledged and not stored. */
export async function rampOf5000(getQuiz: GetQuiz, list: Item[]): Promise<number> {
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
	rateLimitLine(j.all);
	console.log(`  ${cpuLine(usage)}`);
	return lost;
}

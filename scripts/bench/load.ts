/**
 * npm run bench:load: students against `node build` with a real database
 * file. Prints figures and the targets beside them and exits 0 whether a
 * target is met or not; the one failure is an answer the server acknowledged
 * and did not store, which is printed loudly and exits 1.
 *
 * (a) a class of 40 behind one school address, and beside it the joins of
 *     the bare SvelteKit app in one process and in two (load/class.ts);
 * (b) 5,000 students ramped over 60 s, each from its own address (load/ramp.ts);
 * (c) answers per second per core through the normal route: valid answers at
 *     a fixed concurrency, divided by the CPU seconds the server process used,
 *     and beside it the bare SvelteKit app's JSON endpoint at the same
 *     concurrency (load/throughput.ts);
 * (d) what one open dashboard costs the server per minute while a class of 40
 *     answers: polling every 4 s (as before it was live) against the live
 *     stream, each against a run with no dashboard (load/dashboard.ts).
 *
 * With --pg (and --procs N, 3 by default), on a throwaway PostgreSQL cluster
 * with N app processes behind nginx (scripts/postgres/):
 * (e) the ramp of (b) with one app process killed in the middle and started again;
 * (f) the ramp of (b) with PostgreSQL restarted in the middle as after a crash
 *     (load/faults.ts): in both, every acknowledged answer must be stored;
 * (g) answers per second on SQLite, on PostgreSQL with one app process and
 *     with N, in one run (load/stores.ts).
 * `npm run bench:load -- --pg --procs 3`. PostgreSQL and nginx must be
 * installed (scripts/ensure-postgres.sh).
 *
 * Students in (b) answer one question every 5 s by default: a real student
 * reads each claim first (the quiz plans 30 s a question), so 5 s is six times
 * brisker than planned and still asks about 1,000 answers a second of the
 * server at the peak. BENCH_THINK_MS=0 sends every answer back to back, a
 * stress test beyond any class: one process then cannot accept new students
 * as fast as they arrive.
 *
 * Every student is a device of its own: one keep-alive connection, bound to
 * a loopback source address of its own (127.a.b.c), or in (a) to the one
 * address the whole class shares. The server runs as npm start runs it, with
 * PORT and WHOSAYS_DB alone, and tells students apart by those addresses.
 * The load runs in this process beside the server on the same two cores; the
 * CPU lines say how much each took.
 *
 * Knobs (environment): BENCH_LOAD_ONLY=a,b,c,d (e,f,g with --pg) picks scenarios; BENCH_STUDENTS,
 * BENCH_RAMP_MS, BENCH_THINK_MS and BENCH_LIMIT_S (no new request after it)
 * shape (b); BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_WARM_S and BENCH_POOL
 * (students a mode) shape (c); BENCH_DASHBOARD_S, BENCH_DASHBOARD_ROUNDS,
 * BENCH_DASHBOARD_THINK_MS and BENCH_DASHBOARD_MODES (none,polling,live) shape
 * (d); BENCH_CPU_PROF=<dir>
 * writes a V8 CPU profile of each app server (summarise it with
 * scripts/bench/cpu-profile-top.ts); the profiler costs the server CPU, so
 * the answers per core of (c) are lower in such a run.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { classOf40 } from './load/class.ts';
import { dashboardCost } from './load/dashboard.ts';
import { rampOf5000 } from './load/ramp.ts';
import { rampWithFaults } from './load/faults.ts';
import { storesSideBySide } from './load/stores.ts';
import { answersPerCore } from './load/throughput.ts';
import { catalogue, items, QUIZ, stopAll } from './load/setup.ts';
import { otherLoad } from './load-client.ts';

/** Other programs' use of the machine, as a share of one core, above which a run says its figures are not comparable. */
const BUSY_PCT = 10;

interface Options {
	postgres: boolean;
	processes: number;
}

function options(argv: string[]): Options {
	const procs = argv.indexOf('--procs');
	const processes = procs >= 0 ? Number(argv[procs + 1]) : 3;
	if (!Number.isInteger(processes) || processes < 1) throw new Error('--procs takes a number of app processes, like --procs 3');
	return { postgres: argv.includes('--pg'), processes };
}

export async function benchLoad(argv: string[] = []): Promise<void> {
	const { postgres, processes } = options(argv);
	const only = (process.env.BENCH_LOAD_ONLY ?? (postgres ? 'e,f,g' : 'a,b,c,d')).split(',').map((s) => s.trim());
	const getQuiz = catalogue();
	const list = items(getQuiz);
	console.log(`Load on node build (${process.version}), quiz ${QUIZ} (${list.length} questions)`);
	const others = await otherLoad();
	if (others && others.pct >= BUSY_PCT)
		console.log(
			`WARNING: other programs used ${Math.round(others.pct)}% of a core in the second before the run, so the figures below understate the app (compare them only with a quiet run): ` +
				others.busiest.map((p) => `${p.command} (${Math.round(p.pct)}%)`).join('; ')
		);
	// Ctrl-C or a kill stops the servers first; their ports and folders are not left behind.
	const interrupted = (signal: NodeJS.Signals) => void stopAll().finally(() => process.kill(process.pid, signal));
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	let lost = 0;
	try {
		if (only.includes('a')) lost += await classOf40(getQuiz, list);
		if (only.includes('b')) lost += await rampOf5000(getQuiz, list);
		if (only.includes('c')) lost += await answersPerCore(getQuiz, list);
		if (only.includes('d')) lost += await dashboardCost(getQuiz, list);
		if (postgres && (only.includes('e') || only.includes('f'))) lost += await rampWithFaults(getQuiz, list, processes, only);
		if (postgres && only.includes('g')) lost += await storesSideBySide(getQuiz, list, processes);
	} finally {
		await stopAll();
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
	}
	if (lost) {
		// A student was told an answer was saved and it was not: the one thing this benchmark fails on.
		console.error(`\nLOST ANSWERS: the server acknowledged ${lost.toLocaleString('en-US')} answers that are not in the database (see the CHECK lines above)`);
		process.exitCode = 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	await benchLoad(process.argv.slice(2));
}

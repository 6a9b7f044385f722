/**
 * (d) What one open dashboard costs the server while a class of 40 answers.
 *
 * Two parts. First the class: 40 students behind one address join, then each
 * answers a question every BENCH_DASHBOARD_THINK_MS for BENCH_DASHBOARD_S:
 * once with no dashboard open; once with a dashboard polling its figures
 * every 4 s, as the page did before it was live (and still does while its
 * live stream is down: the JSON the page fetches then); once with
 * the live stream open (server-sent events). These runs count what the
 * dashboard asks of the server: requests, bytes as they arrive (compressed,
 * as a browser receives them) and updates (polls answered, figures received).
 *
 * Then what each of those costs, on the same warm server with nothing else
 * going on, for classes of 40 that have answered every question: the
 * server's CPU time (from /proc) over BENCH_DASHBOARD_UNITS polls back to
 * back; and over as many rounds of updates of ten such classes, each watched
 * live and answering once a round, less the same rounds unwatched (see
 * unitCosts). A dashboard's cost a minute is its rate in the class run times
 * its cost each. The class runs' own CPU is printed too, but a class costs the server
 * several times what a dashboard does, so the difference between two such
 * runs on a shared machine is mostly noise.
 */
import { request, type Agent } from 'node:http';
import { createGunzip } from 'node:zlib';
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import { storeAnswer } from '../../../src/lib/server/answer-store.ts';
import { grantManage } from '../../../src/lib/server/manage-sessions.ts';
import type { SubmitAnswer } from '../../../src/lib/server/requests.ts';
import { hashToken } from '../../../src/lib/server/tokens.ts';
import { CpuMeter, newAgent, send, sleep, Tally, type CpuUsage, type Target } from '../load-client.ts';
import { CLASS_SIZE } from './class.ts';
import { Journey, Student } from './journey.ts';
import { cpuLine, int, rateLimitLine, rowCheck } from './report.ts';
import { COOKIE, env, openAssignment, seedStudents, startApp, stopApp, type Item } from './setup.ts';

type Mode = 'none' | 'polling' | 'live';
const MODES: readonly Mode[] = ['none', 'polling', 'live'];
const MODE_NAMES: Record<Mode, string> = { none: 'no dashboard', polling: 'polling every 4 s', live: 'live stream (SSE)' };
const POLL_MS = 4000;
const TEACHER_ADDRESS = '127.0.0.9';
const TEACHER_COOKIE = 'whosays_teacher';
/** Answers this far apart each reach an open stream as an update of its own (live.ts reads at most once a second). */
const UPDATE_GAP_MS = 1100;
/** Classes of 40 that have answered every question, whose updates are timed together. */
const FULL_CLASSES = 10;
/** The question the timing answers change, a classify one of the quiz. */
const UNIT_QUESTION = 'abc-offer';

interface Watch {
	requests: number;
	/** Bytes of the responses as they came off the wire: headers and (compressed) bodies. */
	bytes: number;
	/** Fresh figures received: polls answered, or figures events. */
	updates: number;
	errors: number;
}

interface Run {
	mode: Mode;
	cpuS: number;
	wallS: number;
	watch: Watch;
}

const perMinute = (n: number, wallS: number) => (n / wallS) * 60;
const newWatch = (): Watch => ({ requests: 0, bytes: 0, updates: 0, errors: 0 });
/** What the page fetches while its live stream is down (live-board.svelte.ts): the figures as JSON. */
const dataPath = (id: string) => `/manage/${id}/figures`;

/**
 * One GET whose bytes are counted as they arrive. Resolves with the status
 * once the body has ended, or, for a stream (`onChunk`), once it has begun;
 * `abort` then closes it as a browser closing the tab would.
 */
function get(agent: Agent, target: Target, path: string, headers: Record<string, string>, watch: Watch, onChunk?: (text: string) => void) {
	return new Promise<{ status: number; abort: () => void }>((resolve) => {
		let aborted = false;
		const abort = () => {
			aborted = true;
			r.destroy();
		};
		watch.requests++;
		const r = request({ agent, host: target.host, port: target.port, path, headers: { host: `localhost:${target.port}`, ...headers } }, (res) => {
			// The status line and headers as sent, near enough: each name and value with its ": " or CRLF.
			watch.bytes += 19 + res.rawHeaders.reduce((n, h) => n + h.length + 2, 0);
			res.on('data', (chunk: Buffer) => (watch.bytes += chunk.length));
			if (onChunk) {
				// Counted as they came off the wire above; read as the browser reads them.
				const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
				body.on('data', (chunk: Buffer) => onChunk(chunk.toString()));
				body.on('error', () => undefined);
			}
			res.on('end', () => resolve({ status: res.statusCode ?? 0, abort }));
			res.on('error', () => undefined);
			if (onChunk) resolve({ status: res.statusCode ?? 0, abort });
		});
		r.on('error', () => {
			if (aborted) return;
			watch.errors++;
			resolve({ status: 0, abort: () => undefined });
		});
		r.end();
	});
}

/** A teacher's open dashboard in one of the modes, until `stop` is called. */
function openDashboard(mode: Mode, target: Target, assignmentId: string, cookie: string) {
	const watch = newWatch();
	const agent = newAgent(TEACHER_ADDRESS);
	const headers = { cookie: `${TEACHER_COOKIE}=${cookie}`, 'accept-encoding': 'gzip, deflate, br, zstd' };
	let stopped = false;
	let stop = async () => {};
	if (mode === 'polling') {
		const polling = (async () => {
			while (!stopped) {
				const { status } = await get(agent, target, dataPath(assignmentId), { ...headers, accept: '*/*' }, watch);
				if (status === 200) watch.updates++;
				else if (status !== 0) watch.errors++;
				const until = performance.now() + POLL_MS;
				while (!stopped && performance.now() < until) await sleep(Math.min(250, until - performance.now()));
			}
		})();
		stop = async () => {
			stopped = true;
			await polling;
		};
	} else if (mode === 'live') {
		let pending = '';
		const opened = get(agent, target, `/manage/${assignmentId}/live`, { ...headers, accept: 'text/event-stream' }, watch, (text) => {
			pending += text;
			const events = pending.split('\n\n');
			pending = events.pop()!;
			watch.updates += events.filter((e) => e.startsWith('event: figures')).length;
		});
		stop = async () => {
			const { status, abort } = await opened;
			if (status !== 200 && status !== 0) watch.errors++;
			abort();
		};
	}
	return {
		watch,
		stop: async () => {
			await stop();
			agent.destroy();
		}
	};
}

/** The class: all join at once, then each answers a question every thinkMs, staggered, until the run's time is up. */
async function pacedClass(j: Journey, address: string, thinkMs: number, seconds: number): Promise<void> {
	const students = Array.from({ length: CLASS_SIZE }, (_, i) => new Student(j, i, address));
	j.limit = performance.now() + seconds * 1000;
	const joined = await Promise.all(students.map((s) => s.join()));
	await Promise.all(
		students.map(async (s, i) => {
			if (!joined[i]) return;
			await sleep((i * thinkMs) / CLASS_SIZE);
			await s.answerAll(thinkMs);
		})
	);
	for (const s of students) s.leave();
}

/** Server CPU seconds spent while `work` runs. */
async function serverCpu(pid: number, work: () => Promise<void>): Promise<number> {
	const meter = new CpuMeter(pid);
	await work();
	return meter.read().serverS ?? NaN;
}

interface FullClass {
	id: string;
	code: string;
	/** One of its students, who answers again while the updates are timed. */
	token: string;
}

/**
 * The CPU one poll and one live update cost, on a server otherwise idle, for
 * classes of 40 that have answered everything. A live update is timed over
 * several classes at once, each watched by a dashboard of its own and each
 * answering once a round, so the updates outweigh the noise of the machine:
 * the same rounds run without the dashboards and with them, and the
 * difference is divided by the updates the dashboards received.
 */
async function unitCosts(target: Target, pid: number, classes: FullClass[], cookie: string, units: number, live: boolean) {
	const watch = newWatch();
	const agent = newAgent(TEACHER_ADDRESS);
	const headers = { cookie: `${TEACHER_COOKIE}=${cookie}`, 'accept-encoding': 'gzip, deflate, br, zstd', accept: '*/*' };
	const polled = classes[0]!.id;
	await get(agent, target, dataPath(polled), headers, watch);
	const pollS = await serverCpu(pid, async () => {
		for (let i = 0; i < units; i++) await get(agent, target, dataPath(polled), headers, watch);
	});
	agent.destroy();
	const pollMs = (pollS / units) * 1000;
	if (!live) return { pollMs, updateMs: NaN, updates: 0, errors: watch.errors };

	const student = newAgent('127.0.2.7');
	const tally = new Tally();
	let seq = 1000;
	const rounds = async () => {
		for (let r = 0; r < units; r++) {
			for (const c of classes) {
				await send(student, target, [tally], {
					method: 'POST',
					path: `/a/${c.code}/answer`,
					headers: { origin: target.origin, 'content-type': 'application/json', cookie: `${COOKIE}=${c.token}` },
					body: JSON.stringify({ questionId: UNIT_QUESTION, answer: { type: 'classify', category: r % 2 ? 'fact' : 'anonymous' }, seq: seq++ })
				});
			}
			await sleep(UPDATE_GAP_MS);
		}
	};
	const without = await serverCpu(pid, rounds);
	const boards = classes.map((c) => openDashboard('live', target, c.id, cookie));
	await sleep(UPDATE_GAP_MS);
	const received = () => boards.reduce((n, b) => n + b.watch.updates, 0);
	const before = received();
	const withBoards = await serverCpu(pid, rounds);
	await sleep(UPDATE_GAP_MS);
	const updates = received() - before;
	for (const b of boards) await b.stop();
	student.destroy();
	return {
		pollMs,
		updateMs: ((withBoards - without) / Math.max(1, updates)) * 1000,
		updates,
		errors: watch.errors + tally.errorCount() + boards.reduce((n, b) => n + b.watch.errors, 0)
	};
}

/** Returns the answers acknowledged and not stored. */
export async function dashboardCost(getQuiz: GetQuiz, list: Item[]): Promise<number> {
	const seconds = env('BENCH_DASHBOARD_S', 45);
	const thinkMs = env('BENCH_DASHBOARD_THINK_MS', 5000);
	const units = env('BENCH_DASHBOARD_UNITS', 30);
	const modes = (process.env.BENCH_DASHBOARD_MODES ?? MODES.join(',')).split(',').map((m) => m.trim()) as Mode[];
	console.log(`\n(d) What one open dashboard costs the server while a class of ${CLASS_SIZE} answers, practice mode`);
	console.log(
		`    the class (one address) joins, then each student answers a question every ${thinkMs / 1000} s, staggered ` +
			`(${int((CLASS_SIZE * 1000) / thinkMs)} answers/s in all), for ${seconds} s: ${modes.map((m) => MODE_NAMES[m]).join(', then ')};`
	);
	console.log(
		`    then, the server otherwise idle, the CPU of ${units} polls and of ${units} rounds of live updates of classes of ${CLASS_SIZE} that answered all ${list.length} questions`
	);
	const app = await startApp(async (db) => {
		const runs: { mode: Mode; id: string; code: string }[] = [];
		for (const mode of modes) runs.push({ mode, ...(await openAssignment(db, getQuiz, 'practice')) });
		const warmUp = await openAssignment(db, getQuiz, 'practice');
		// Classes that have answered everything: the largest report a class of 40 makes. Test mode, so an answer
		// given again is stored again, as a student changing an answer is.
		const full: FullClass[] = [];
		for (let c = 0; c < FULL_CLASSES; c++) {
			const seeded = await seedStudents(db, getQuiz, 'test', CLASS_SIZE);
			for (const s of seeded.students) {
				// The command the answer endpoint runs, as a student's answers would reach it.
				const key = { tokenHash: hashToken(s.token), code: seeded.code };
				for (const [seq, item] of list.entries()) await storeAnswer(db, key, JSON.parse(item.body(seq)) as SubmitAnswer, new Date(), getQuiz);
			}
			const { id } = await db.selectFrom('assignments').select('id').where('code', '=', seeded.code).executeTakeFirstOrThrow();
			full.push({ id, code: seeded.code, token: seeded.students[0]!.token });
		}
		// One teacher session granted every class, as a browser that created them all holds.
		let cookie: string | undefined;
		for (const id of [warmUp.id, ...full.map((c) => c.id), ...runs.map((r) => r.id)]) cookie = (await grantManage(db, cookie, id, new Date())).value;
		return { runs, warmUp, full, cookie: cookie! };
	});
	const pid = app.pid;
	if (pid === undefined) throw new Error("the server's process is not among this process's children in /proc, so its CPU time cannot be read");
	const { cookie } = app.seeded;
	const journeys: Journey[] = [];
	const results: Run[] = [];
	let lost = 0;
	let usage: CpuUsage | undefined;
	let unit = { pollMs: NaN, updateMs: NaN, updates: 0, errors: 0 };
	const whole = new CpuMeter(pid);
	try {
		// Warm: a short class with both kinds of dashboard open, so neither mode meets a cold server.
		const warm = new Journey(app.target, app.seeded.warmUp.code, list);
		journeys.push(warm);
		const warmBoards = (['polling', 'live'] as const).map((m) => openDashboard(m, app.target, app.seeded.warmUp.id, cookie));
		await pacedClass(warm, '127.0.1.7', 500, 5);
		for (const d of warmBoards) await d.stop();

		for (const [n, run] of app.seeded.runs.entries()) {
			const j = new Journey(app.target, run.code, list);
			journeys.push(j);
			const cpu = new CpuMeter(pid);
			const board = openDashboard(run.mode, app.target, run.id, cookie);
			// Each run's class behind an address of its own, so no run spends another's allowance of joins.
			await pacedClass(j, `127.0.${10 + n}.7`, thinkMs, seconds);
			await board.stop();
			const u = cpu.read();
			results.push({ mode: run.mode, cpuS: u.serverS ?? NaN, wallS: u.wallS, watch: board.watch });
		}
		unit = await unitCosts(app.target, pid, app.seeded.full, cookie, units, modes.includes('live'));
	} finally {
		usage = whole.read();
		const stored = await stopApp(app);
		// The seeded class and its replayed answers are not the runs' own: only the runs' answers are checked.
		const acked = new Set(journeys.flatMap((j) => [...j.acked]));
		const runCodes = new Set([app.seeded.warmUp.code, ...app.seeded.runs.map((r) => r.code)]);
		const keys = new Set([...stored.keys].filter((k) => runCodes.has(k.split(':')[0]!)));
		lost = rowCheck({ count: keys.size, keys }, acked, ' (the class runs)').lost;
	}

	const head = ['requests/min', 'kB/min', 'updates/min', 'CPU each ms', 'CPU s/min', '% of a core', 'errors', 'class CPU s/min'];
	console.log(`  ${'one dashboard'.padEnd(20)}${head.map((h) => h.padStart(15)).join('')}`);
	const costs = new Map<Mode, { perMin: number; run: Run }>();
	for (const run of results) {
		const updates = perMinute(run.watch.updates, run.wallS);
		const each = run.mode === 'polling' ? unit.pollMs : run.mode === 'live' ? unit.updateMs : 0;
		const perMin = (updates * each) / 1000;
		costs.set(run.mode, { perMin, run });
		const cells =
			run.mode === 'none'
				? ['-', '-', '-', '-', '-', '-', '-']
				: [
						perMinute(run.watch.requests, run.wallS).toFixed(1),
						(perMinute(run.watch.bytes, run.wallS) / 1000).toFixed(1),
						updates.toFixed(1),
						each.toFixed(1),
						perMin.toFixed(2),
						`${((perMin / 60) * 100).toFixed(2)}%`,
						String(run.watch.errors)
					];
		console.log(`  ${MODE_NAMES[run.mode].padEnd(20)}${[...cells, perMinute(run.cpuS, run.wallS).toFixed(2)].map((c) => c.padStart(15)).join('')}`);
	}
	console.log(
		`  (CPU each: a poll ${unit.pollMs.toFixed(1)} ms, over ${units} polls; a live update ${unit.updateMs.toFixed(1)} ms, over ${unit.updates} updates ` +
			`of ${FULL_CLASSES} classes answering, less the same answers unwatched${unit.errors ? `; ${unit.errors} requests failed` : ''}; class CPU: the whole run's, class included)`
	);
	for (const j of journeys) rateLimitLine(j.all, '(a class)');
	const said = (mode: Mode, when: string) => {
		const c = costs.get(mode);
		if (!c) return;
		const w = c.run.watch;
		console.log(
			`  ${when}: one open dashboard (${MODE_NAMES[mode]}) costs the server ${c.perMin.toFixed(2)} CPU seconds a minute ` +
				`(${((c.perMin / 60) * 100).toFixed(2)}% of a core), ${perMinute(w.requests, c.run.wallS).toFixed(1)} requests and ` +
				`${(perMinute(w.bytes, c.run.wallS) / 1000).toFixed(1)} kB a minute`
		);
	};
	// Before the dashboard was live it polled; polling is now its fallback, and no longer draws the QR code or sweeps every class.
	said('polling', 'BEFORE');
	said('live', 'AFTER ');
	if (costs.has('polling') && costs.has('live'))
		console.log(
			`  with the class idle (before it starts, after it ends): polling still costs ${((60_000 / POLL_MS) * unit.pollMs / 1000).toFixed(2)} CPU seconds ` +
				`and ${60_000 / POLL_MS} requests a minute; the live stream reads nothing and sends a comment every 25 s`
		);
	if (usage) console.log(`  ${cpuLine(usage)}`);
	return lost;
}

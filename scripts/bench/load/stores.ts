/**
 * (g) Answers per second on each store, measured in one run: the app as npm
 * start runs it on SQLite (one process), one app process on PostgreSQL, and N
 * app processes on PostgreSQL behind nginx. The same fixed concurrency of
 * students answering back to back (test mode), taking turns in short rounds
 * so a busy spell on the machine falls on all alike.
 *
 * Everything shares this machine's cores: the load client, the app processes,
 * PostgreSQL and nginx. N processes cannot give N times the answers here; the
 * CPU columns say where the time went, and answers per app core says what one
 * more machine's worth of app processes would add.
 */
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import type { Db } from '../../../src/lib/server/db/index.ts';
import { Tally, type Target } from '../load-client.ts';
import { benchCluster, GroupCpu, startPgApp } from './postgres.ts';
import { errorsText, int, ms, pct, rowCheck } from './report.ts';
import { env, seedStudents, startApp, stopApp, type Item, type Stored } from './setup.ts';
import { Lane, Pool } from './throughput.ts';

interface Variant {
	name: string;
	target: Target;
	pool: Pool;
	lanes: Lane[];
	cpu: Record<string, () => number[]>;
	stop(): Promise<Stored>;
	measured: Tally;
	answers: number;
	wallS: number;
	seconds: Record<string, number>;
}

const seed = (getQuiz: GetQuiz, count: number) => (db: Db) => seedStudents(db, getQuiz, 'test', count);

async function roundOf(v: Variant, seconds: number, measure: boolean): Promise<void> {
	const tally = new Tally();
	const before = v.pool.acked.size;
	const cpu = new GroupCpu(v.cpu);
	const deadline = performance.now() + seconds * 1000;
	await Promise.all(v.lanes.map(async (lane) => {
		while (performance.now() < deadline && (await lane.step(tally)));
	}));
	const used = cpu.read();
	if (!measure) return;
	v.measured.absorb(tally);
	v.answers += v.pool.acked.size - before;
	v.wallS += used.wallS;
	for (const [group, s] of Object.entries(used.seconds)) v.seconds[group] = (v.seconds[group] ?? 0) + s;
}

/** Returns the answers acknowledged and not stored. */
export async function storesSideBySide(getQuiz: GetQuiz, list: Item[], processes: number): Promise<number> {
	const connections = env('BENCH_CONNECTIONS', 40);
	const seconds = env('BENCH_SECONDS', 15);
	const warmS = env('BENCH_WARM_S', 3);
	const students = env('BENCH_POOL', 2_000);
	const rounds = 3;
	console.log(`\n(g) Answers per second on each store, in one run: SQLite (npm start), PostgreSQL with 1 app process, PostgreSQL with ${processes} behind nginx`);
	console.log(
		`    ${connections} keep-alive connections answering back to back in test mode (each a student of its own, ${int(students)} joined beforehand a store); ` +
			`after a ${warmS} s warm-up each, ${rounds} rounds taking turns, ${(seconds / rounds).toFixed(0)} s each`
	);
	const cluster = await benchCluster();
	const variants: Variant[] = [];
	const bodies = list.map((item, seq) => item.body(seq));
	const add = (name: string, target: Target, seeded: Awaited<ReturnType<typeof seedStudents>>, first: number, cpu: Variant['cpu'], stop: () => Promise<Stored>) => {
		const pool = new Pool('test', seeded.code, seeded.students.map((s) => s.token), first);
		variants.push({
			name,
			target,
			pool,
			lanes: Array.from({ length: connections }, () => new Lane(pool, target, list, bodies)),
			cpu,
			stop,
			measured: new Tally(),
			answers: 0,
			wallS: 0,
			seconds: {}
		});
	};
	let lost = 0;
	try {
		const sqlite = await startApp(seed(getQuiz, students));
		add('SQLite, 1 process', sqlite.target, sqlite.seeded, 0, { app: () => (sqlite.pid ? [sqlite.pid] : []) }, () => stopApp(sqlite));
		for (const [i, n] of [1, processes].entries()) {
			const pg = await startPgApp(cluster, n, seed(getQuiz, students));
			add(
				`PostgreSQL, ${n} process${n === 1 ? '' : 'es'}`,
				pg.target,
				pg.seeded,
				(i + 1) * students,
				{
					app: () => pg.fleet.apps.map((a) => a.pid()).filter((p): p is number => p !== undefined),
					postgres: () => cluster.pids(),
					nginx: () => pg.fleet.balancerPids()
				},
				() => pg.stop()
			);
		}
		for (const v of variants) await roundOf(v, warmS, false);
		for (let r = 0; r < rounds; r++) for (const v of variants) await roundOf(v, seconds / rounds, true);
		for (const v of variants) for (const lane of v.lanes) lane.close();

		const head = ['answers', 'answers/s', 'p50', 'p95', 'p99', 'app CPU', 'PostgreSQL', 'nginx', 'answers/s/app core'];
		const width = (h: string) => Math.max(12, h.length + 2);
		console.log(`  ${'store'.padEnd(26)}${head.map((h) => h.padStart(width(h))).join('')}   errors`);
		for (const v of variants) {
			const [p50, p95, p99] = v.measured.percentiles(50, 95, 99);
			const share = (group: string) => (v.seconds[group] === undefined ? '-' : pct((v.seconds[group]! / v.wallS) * 100));
			const cells = [int(v.answers), int(v.answers / v.wallS), ms(p50!), ms(p95!), ms(p99!), share('app'), share('postgres'), share('nginx'), int(v.answers / v.seconds.app!)];
			console.log(`  ${v.name.padEnd(26)}${cells.map((c, i) => c.padStart(width(head[i]!))).join('')}   ${errorsText(v.measured)}`);
		}
		console.log('  (CPU columns: % of one core over the measured rounds; answers/s/app core: answers / CPU seconds of the app processes)');
		for (const v of variants) {
			if (v.pool.ranOut) console.log(`  ${v.name}: the students ran out before the time did; raise BENCH_POOL (${int(students)})`);
			lost += rowCheck(await v.stop(), v.pool.acked, ` (${v.name})`).lost;
		}
	} finally {
		await cluster.stop();
	}
	return lost;
}

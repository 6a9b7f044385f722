/**
 * (e) and (f): the ramp of (b) on PostgreSQL, with N app processes behind
 * nginx, while something fails: (e) one app process is killed (SIGKILL, as a
 * crash or a pulled plug) and started again; (f) PostgreSQL itself is
 * restarted as after a crash (pg_ctl -m immediate, recovering from its log).
 * Students behave like the page's outbox and send again what was not
 * acknowledged, with the same seq. What must hold: every answer the server
 * acknowledged is in the database.
 */
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import type { Cluster } from '../../postgres/cluster.ts';
import { sleep } from '../load-client.ts';
import { Journey } from './journey.ts';
import { benchCluster, startPgApp, type PgApp } from './postgres.ts';
import { describeRamp, ramp, rampShape, reportRamp, type Fault } from './ramp.ts';
import { int } from './report.ts';
import { openAssignment, type Item } from './setup.ts';

/** How long a killed app process stays down before it is started again. */
const DOWN_MS = 5_000;

/**
 * When the fault comes, as a share of the ramp: three quarters in, most
 * students are at work (the class's middle), and more keep arriving.
 */
const FAULT_AT = 0.75;

async function rampWithFault(
	getQuiz: GetQuiz,
	list: Item[],
	cluster: Cluster,
	processes: number,
	heading: string,
	fault: (app: PgApp<{ code: string; id: string }>) => Omit<Fault, 'atMs'>
): Promise<number> {
	const shape = rampShape(list);
	console.log(heading);
	describeRamp(shape, list, `against ${processes} app processes on PostgreSQL ${cluster.version} behind nginx`);
	const app = await startPgApp(cluster, processes, (db) => openAssignment(db, getQuiz, 'practice'));
	const j = new Journey(app.target, app.seeded.code, list);
	const run = await ramp(j, shape, [{ atMs: shape.rampMs * FAULT_AT, ...fault(app) }]);
	const stored = await app.stop();
	const lost = reportRamp(j, shape, run, stored, undefined);
	console.log(`  acknowledged answers lost: ${int(lost)}${lost ? ' (FAILED)' : ''}`);
	return lost;
}

/** Returns the answers acknowledged and not stored, over both runs. */
export async function rampWithFaults(getQuiz: GetQuiz, list: Item[], processes: number, only: string[]): Promise<number> {
	const cluster = await benchCluster();
	const { count, rampMs } = rampShape(list);
	const at = `${((rampMs * FAULT_AT) / 1000).toFixed(0)} s in`;
	let lost = 0;
	try {
		if (only.includes('e'))
			lost += await rampWithFault(
				getQuiz,
				list,
				cluster,
				processes,
				`\n(e) ${int(count)} students ramped in on PostgreSQL; one of ${processes} app processes killed ${at} and started again ${DOWN_MS / 1000} s later`,
				(app) => ({
					what: `app process 1 of ${processes} killed (SIGKILL), started again after ${DOWN_MS / 1000} s`,
					run: async () => {
						await app.fleet.apps[0]!.kill();
						await sleep(DOWN_MS);
						await app.fleet.apps[0]!.start();
					}
				})
			);
		if (only.includes('f'))
			lost += await rampWithFault(
				getQuiz,
				list,
				cluster,
				processes,
				`\n(f) ${int(count)} students ramped in on PostgreSQL with ${processes} app processes; PostgreSQL restarted ${at} as after a crash (pg_ctl -m immediate)`,
				() => ({
					what: 'PostgreSQL stopped at once (immediate) and started again, recovering from its log',
					run: () => cluster.restart('immediate')
				})
			);
	} finally {
		await cluster.stop();
	}
	return lost;
}

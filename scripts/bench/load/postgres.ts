/**
 * What the PostgreSQL scenarios share: a durable throwaway cluster (fsync on,
 * so a crash restart tests what a real server keeps), app fleets behind nginx
 * on databases seeded here with the app's own code, the count of stored rows
 * and CPU figures summed over groups of processes.
 */
import { createDb, type Db } from '../../../src/lib/server/db/index.ts';
import { startCluster, type Cluster } from '../../postgres/cluster.ts';
import { startFleet, type Fleet } from '../../postgres/fleet.ts';
import { processCpuSeconds, targetOf, type Target } from '../load-client.ts';
import { stoppers, storedAnswers, type Stored } from './setup.ts';

export async function benchCluster(): Promise<Cluster> {
	const cluster = await startCluster({ durable: true, maxConnections: 300 });
	stoppers.add(() => cluster.stop());
	return cluster;
}

export interface PgApp<T> {
	fleet: Fleet;
	target: Target;
	url: string;
	seeded: T;
	/** Stops the fleet and counts the answers stored. */
	stop(): Promise<Stored>;
}

let databases = 0;

/** A fresh database on the cluster, seeded by `seed`, then `processes` app processes behind nginx on it. */
export async function startPgApp<T>(cluster: Cluster, processes: number, seed: (db: Db) => Promise<T>): Promise<PgApp<T>> {
	const url = await cluster.createDatabase(`bench_${process.pid}_${++databases}`);
	const db = await createDb(url);
	let seeded: T;
	try {
		seeded = await seed(db);
	} finally {
		await db.destroy();
	}
	const fleet = await startFleet({ databaseUrl: url, processes });
	const stopFleet = () => fleet.stop();
	stoppers.add(stopFleet);
	return {
		fleet,
		target: targetOf(fleet.url),
		url,
		seeded,
		async stop() {
			stoppers.delete(stopFleet);
			await fleet.stop();
			const counting = await createDb(url);
			try {
				return await storedAnswers(counting);
			} finally {
				await counting.destroy();
			}
		}
	};
}

/**
 * CPU seconds of groups of processes (the app processes, PostgreSQL, nginx)
 * over a stretch of time. A process that appears meanwhile counts from zero;
 * one that is gone by the end is left out, so runs that kill one are not
 * measured this way.
 */
export class GroupCpu {
	readonly #groups: Record<string, () => number[]>;
	readonly #start = new Map<number, number>();
	readonly #wall0 = performance.now();

	constructor(groups: Record<string, () => number[]>) {
		this.#groups = groups;
		for (const pids of Object.values(groups)) for (const pid of pids()) this.#start.set(pid, processCpuSeconds(pid) ?? 0);
	}

	read(): { wallS: number; seconds: Record<string, number> } {
		const seconds: Record<string, number> = {};
		for (const [name, pids] of Object.entries(this.#groups)) {
			seconds[name] = 0;
			for (const pid of pids()) {
				const now = processCpuSeconds(pid);
				if (now !== undefined) seconds[name] += now - (this.#start.get(pid) ?? 0);
			}
		}
		return { wallS: (performance.now() - this.#wall0) / 1000, seconds };
	}
}

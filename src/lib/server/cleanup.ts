/**
 * The hourly clean-up: the retention purge (assignments.ts), attempts left
 * open past their deadline finished (attempts.ts), and rate limits nobody is
 * held to any more forgotten (db/limit-store.ts).
 *
 * Once an hour across all app processes, whichever are up: each process asks
 * every few minutes, and the one that finds the last run an hour old claims
 * this one, by a single statement on a row of `sweeps` that only one process
 * can win. An advisory lock would stop two runs at the same moment but not two
 * runs in one hour from processes started at different times; the row does
 * both, and works the same on one SQLite file. The sweeps are idempotent: a
 * process that dies half way leaves the rest to the next hour's.
 */
import { purgeExpired } from './assignments.ts';
import { finishOverdue } from './attempts.ts';
import type { Db } from './db/index.ts';
import { pruneLimits } from './db/limit-store.ts';
import { SHARED_BUCKET_IDLE_MS } from './limits.ts';

export const CLEANUP_EVERY_MS = 60 * 60 * 1000;
/** How often each process asks whether the hour is up: the longest the clean-up runs late when the process that last ran it has gone. */
const ASK_EVERY_MS = 5 * 60 * 1000;
const SWEEP = 'hourly-cleanup';

/** Claims the run of `name` due at `now`, if its last run is at least `everyMs` old; true for the one process that gets it. */
export async function claimSweep(db: Db, name: string, now: Date, everyMs: number): Promise<boolean> {
	const at = now.toISOString();
	const claimed = await db
		.insertInto('sweeps')
		.values({ name, ran_at: at })
		.onConflict((oc) =>
			oc
				.column('name')
				.doUpdateSet((eb) => ({ ran_at: eb.ref('excluded.ran_at') }))
				.where('sweeps.ran_at', '<=', new Date(now.getTime() - everyMs).toISOString())
		)
		.returning('name')
		.executeTakeFirst();
	return claimed !== undefined;
}

export async function cleanUp(db: Db, now: Date): Promise<void> {
	await purgeExpired(db, now);
	await finishOverdue(db, now);
	await pruneLimits(db, now, SHARED_BUCKET_IDLE_MS);
}

/** Runs the clean-up if this process claims this hour's run; true if it did. */
export async function cleanUpIfDue(db: Db, now: Date): Promise<boolean> {
	if (!(await claimSweep(db, SWEEP, now, CLEANUP_EVERY_MS))) return false;
	await cleanUp(db, now);
	return true;
}

/** Asks now and then every few minutes; returns how to stop. */
export async function startCleanup(db: Db, onError: (error: unknown) => void): Promise<() => void> {
	await cleanUpIfDue(db, new Date());
	const timer = setInterval(() => void cleanUpIfDue(db, new Date()).catch(onError), ASK_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * npm run probe: replays attacks a class could make (a student hunting for
 * the key, a script guessing codes, a flood, a look-alike name, a forged form,
 * a backup holding the database) against the built server, started as
 * `npm start` starts it, and prints one line per attack:
 *
 *   REFUSED / HANDLED  the attack failed, or was handled as intended
 *   OPEN               the attack worked: a regression
 *
 * with the figures it measured. Exits 1 if any line is OPEN.
 * The probes are in scripts/probe/, by theme.
 */
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from './bench/server.ts';
import { classOf40, flood, lookAlikeNames, twoTabs } from './probe/class.ts';
import { originOf, type Ctx, type Outcome, type Probe } from './probe/context.ts';
import { answerKey, secondTab } from './probe/key.ts';
import { heldLock, logSecrets, malformedCookies, secondServer, securityHeaders, contentType } from './probe/server.ts';
import { badDates, cookiePile, crossSite, csvNames, manageLink } from './probe/teacher.ts';

const PROBES: Probe[] = [
	answerKey,
	secondTab,
	manageLink,
	classOf40,
	flood,
	lookAlikeNames,
	csvNames,
	logSecrets,
	heldLock,
	secondServer,
	cookiePile,
	badDates,
	twoTabs,
	malformedCookies,
	securityHeaders,
	contentType,
	crossSite
];

/** Everything to end if the run fails or is interrupted: servers, a child process, a lock. */
const stoppers = new Set<() => Promise<void> | void>();

async function stopAll(): Promise<void> {
	const all = [...stoppers].reverse();
	stoppers.clear();
	for (const stop of all) {
		try {
			await stop();
		} catch {
			// Stop the rest all the same.
		}
	}
}

async function started(options: ServerOptions = {}): Promise<RunningServer> {
	const server = await startServer(options);
	stoppers.add(server.stop);
	return server;
}

async function stopped(server: RunningServer): Promise<void> {
	stoppers.delete(server.stop);
	await server.stop();
}

async function main(): Promise<number> {
	const interrupted = (signal: NodeJS.Signals) => {
		process.stderr.write(`\n${signal}: stopping the servers…\n`);
		void stopAll().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	const app = await started({ capture: true });
	const ctx: Ctx = {
		app,
		origin: originOf(app),
		dbFile: path.join(app.dataDir, 'bench.db'),
		startServer: started,
		stopServer: stopped,
		onStop(stop) {
			stoppers.add(stop);
			return () => stoppers.delete(stop);
		},
		secrets: new Set()
	};
	const outcomes: Outcome[] = [];
	try {
		for (const [i, probe] of PROBES.entries()) {
			process.stderr.write(`${String(i + 1).padStart(2)}. ${probe.name}…\n`);
			const began = performance.now();
			let outcome: Outcome;
			try {
				outcome = await probe.run(ctx);
			} catch (error) {
				// A probe that cannot finish has not shown the attack fails.
				outcome = { verdict: 'OPEN', figures: `the probe could not finish: ${error instanceof Error ? error.message : String(error)}` };
			}
			process.stderr.write(`    ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
			outcomes.push(outcome);
		}
	} finally {
		await stopped(app);
		await stopAll();
	}
	// Judged now that the shared server has stopped and all it printed has arrived.
	const output = app.output();
	const final = outcomes.map((o) => (o.settle ? { ...o.settle(output), footnote: o.footnote } : o));

	const width = Math.max(...PROBES.map((p) => p.name.length));
	console.log('');
	for (const [i, o] of final.entries()) {
		console.log(`${o.verdict.padEnd(7)}  ${String(i + 1).padStart(2)}. ${PROBES[i]!.name.padEnd(width)}  ${o.figures}`);
	}
	console.log('');
	for (const o of final) if (o.footnote) console.log(o.footnote);
	const tally = (v: Outcome['verdict']) => final.filter((o) => o.verdict === v).length;
	console.log(`${final.length} probes: ${tally('REFUSED')} refused, ${tally('HANDLED')} handled, ${tally('OPEN')} open`);
	process.off('SIGINT', interrupted);
	process.off('SIGTERM', interrupted);
	return tally('OPEN') > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	async (error: unknown) => {
		console.error(error);
		await stopAll();
		process.exit(1);
	}
);

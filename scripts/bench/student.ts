/**
 * The student pages, measured as a browser meets them, from one run of the
 * built app started as `npm start` starts it (its start command, PORT and a
 * scratch database only):
 *
 * 1. the bytes a first visit transfers (pages.ts, wire.ts), by kind, against
 *    the budgets, with a check for zod and for how the scripts are served;
 * 2. the time until question 1's choices are clickable at 4x CPU throttling,
 *    beside a bare SvelteKit page built in the same run (interactive.ts,
 *    bare-kit.ts);
 * 3. the JS heap after a whole quiz, and Lighthouse's mobile scores.
 *
 * It prints figures and passes or fails nothing.
 */
import { chromium } from '@playwright/test';
import { startBareKit } from './bare-kit.ts';
import { heapAfterRun } from './heap.ts';
import { medianOf, timeToChoices, type Interactive } from './interactive.ts';
import { lighthouseScores } from './lighthouse.ts';
import { visitPages, type Visit } from './pages.ts';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from './server.ts';
import { hasZod, scriptProblems, totals } from './wire.ts';
import { startCommand } from '../start-command.ts';

const SLUG = 'sessions-offered-to-resign';
const KIB = 1024;
const BUDGET = { js: 45 * KIB, total: 70 * KIB };
/** Runs of each page for the timing; at least 5. */
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7) || 7);
const RATIO_TARGET = 1.3;

const kib = (n: number) => `${(n / KIB).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const pad = (s: string, n: number) => s.padStart(n);

function bytesTable(rows: { visit: Visit; budgets: boolean }[]) {
	const width = Math.max(...rows.map((r) => r.visit.label.length)) + 2;
	console.log("Bytes as transferred (Chromium's encodedDataLength: compressed bodies plus headers), first visit, empty cache unless said");
	console.log('Budgets for a quiz page: JavaScript at most 45 KiB, everything on a first visit at most 70 KiB');
	console.log(`  ${'page'.padEnd(width)}${['JS', 'CSS', 'HTML', 'other', 'total'].map((h) => pad(h, 11)).join('')}   against the budgets`);
	for (const { visit, budgets } of rows) {
		const t = totals(visit.received);
		const check = budgets
			? `JS ${t.js <= BUDGET.js ? 'within' : 'OVER'}, total ${t.total <= BUDGET.total ? 'within' : 'OVER'}`
			: '';
		const cells = [t.js, t.css, t.html, t.other, t.total].map((n) => pad(kib(n), 11)).join('');
		console.log(`  ${visit.label.padEnd(width)}${cells}   ${check}`);
	}
}

/** Each page's scripts with how they were served, whether any carries zod, and a line for any not compressed or not immutable. */
function scriptsReport(visits: Visit[]) {
	console.log('Scripts of the student pages (bytes transferred, Content-Encoding, Cache-Control)');
	for (const v of visits) {
		const scripts = v.received.filter((r) => r.kind === 'js');
		console.log(`  ${v.label}: ${scripts.length ? '' : 'no scripts; '}zod ${hasZod(v.received) ? 'YES (should not be)' : 'no'}`);
		for (const r of scripts) {
			const served = r.fromCache ? 'from the cache' : `${r.encoding ?? 'NOT compressed'}`;
			console.log(`    ${new URL(r.url).pathname}  ${kib(r.bytes)}, ${served}, ${r.cacheControl ?? 'no Cache-Control'}`);
		}
	}
	const problems = [...new Set(scriptProblems(visits.flatMap((v) => v.received)))];
	if (problems.length === 0) console.log('  every script request came compressed and with an immutable Cache-Control');
	else for (const p of problems) console.log(`  NOT compressed or not immutable: ${p}`);
}

function timingReport(t: Interactive, oursLabel: string) {
	const ours = {
		choices: medianOf(t.ours, (r) => r.choices),
		enhanced: medianOf(t.ours, (r) => r.enhanced),
		htmlEnd: medianOf(t.ours, (r) => r.htmlEnd),
		scriptsEnd: medianOf(t.ours, (r) => r.scriptsEnd)
	};
	const bare = {
		choices: medianOf(t.bare, (r) => r.choices),
		htmlEnd: medianOf(t.bare, (r) => r.htmlEnd),
		scriptsEnd: medianOf(t.bare, (r) => r.scriptsEnd),
		domReady: medianOf(t.bare, (r) => r.domReady)
	};
	const ratio = ours.choices / bare.choices;
	console.log(`Time from navigation until question 1's choices can be used, 4x CPU throttling, fresh context each run, median of ${t.runs}`);
	console.log(`  ours ${oursLabel} (question 1 under the intro, in a form that works before the script):`);
	console.log(`    choices usable: ${ms(ours.choices)} (HTML in ${ms(ours.htmlEnd)}, scripts in ${ms(ours.scriptsEnd)}); the player takes over at ${ms(ours.enhanced)}`);
	console.log(`  bare SvelteKit page: ${ms(bare.choices)} (HTML in ${ms(bare.htmlEnd)}, scripts in ${ms(bare.scriptsEnd)}, DOMContentLoaded ${ms(bare.domReady)})`);
	console.log(`  ratio ours (first choice usable) / bare: ${ratio.toFixed(2)}x (target at most ${RATIO_TARGET}x: ${ratio <= RATIO_TARGET ? 'met' : 'NOT met'})`);
	console.log(`  ours with the player running / bare, for reference: ${(ours.enhanced / bare.choices).toFixed(2)}x`);
	console.log(`  every run, ms: ours choices ${t.ours.map((r) => r.choices.toFixed(0)).join(' ')}; player ${t.ours.map((r) => r.enhanced.toFixed(0)).join(' ')}; bare ${t.bare.map((r) => r.choices.toFixed(0)).join(' ')}`);
}

/**
 * Stops everything started, each even if another fails to stop. A failure to
 * stop is thrown, unless the bench is already failing: then it is printed, and
 * the first error is the one that surfaces.
 */
async function stopAll(stops: (() => Promise<void>)[], failing: boolean) {
	const failed = (await Promise.allSettled(stops.map((stop) => stop()))).filter((r) => r.status === 'rejected');
	if (!failed.length) return;
	const error = new AggregateError(failed.map((r) => r.reason), 'could not stop everything the bench started');
	if (!failing) throw error;
	console.error(error);
}

export async function benchStudent(): Promise<void> {
	// What is running, to stop at the end, also on failure.
	const stops: (() => Promise<void>)[] = [];
	let failing = false;
	try {
		const server = await startServer();
		stops.push(() => server.stop());
		const bare = await startBareKit();
		stops.push(() => bare.stop());
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		stops.push(() => browser.close());
		const quizUrl = `${server.url}/quiz/${SLUG}`;
		console.log(`App: ${startCommand()} as npm start runs it; bare page: a generated SvelteKit app, node build`);

		const pages = await visitPages(browser, server.url, SLUG, bare.url);
		const [joinForm, joining, player] = pages.assignment;
		bytesTable([
			{ visit: pages.quiz, budgets: true },
			{ visit: joinForm!, budgets: true },
			{ visit: player!, budgets: true },
			{ visit: joining!, budgets: false },
			{ visit: pages.home, budgets: false },
			{ visit: pages.bare, budgets: false }
		]);
		console.log(`  home page JavaScript, for reference: ${kib(totals(pages.home.received).js)}; zod ${hasZod(pages.home.received) ? 'YES' : 'no'}`);
		scriptsReport([pages.quiz, joinForm!, player!, joining!]);

		console.log('');
		timingReport(await timeToChoices(browser, quizUrl, bare.url, RUNS), `/quiz/${SLUG}`);

		console.log('');
		const heap = await heapAfterRun(browser, quizUrl, SLUG);
		console.log(`JS heap after finishing the quiz (after GC): ${(heap / 1024 / 1024).toFixed(2)} MiB`);
		// Closed before Lighthouse starts its own Chromium; closing again at the end does nothing.
		await browser.close();

		const lh = await lighthouseScores(quizUrl);
		console.log(`Lighthouse (mobile) /quiz/${SLUG}: performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}`);
	} catch (e) {
		failing = true;
		throw e;
	} finally {
		await stopAll(stops, failing);
	}
}

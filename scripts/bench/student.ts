/**
 * The student pages, measured as a browser meets them, from one run of the
 * built app started as `npm start` starts it (node server.js, PORT and a
 * scratch database only):
 *
 * 1. the bytes a first visit transfers (pages.ts, wire.ts), by kind, against
 *    the budgets, with a check for zod and for how the scripts are served;
 * 2. the time until question 1's choices are clickable at 4x CPU throttling;
 * 3. the JS heap after a whole quiz, and Lighthouse's mobile scores.
 *
 * It prints figures and passes or fails nothing.
 */
import { chromium, type Browser } from '@playwright/test';
import { heapAfterRun } from './heap.ts';
import { lighthouseScores } from './lighthouse.ts';
import { visitPages, type Visit } from './pages.ts';
import { CHROMIUM, CHROMIUM_ARGS, median, startServer } from './server.ts';
import { hasZod, scriptProblems, totals } from './wire.ts';

const SLUG = 'sessions-offered-to-resign';
const KIB = 1024;
const BUDGET = { js: 45 * KIB, total: 70 * KIB };

const kib = (n: number) => `${(n / KIB).toFixed(1)} KiB`;
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

async function timeToFirstChoice(browser: Browser, url: string, runs: number) {
	const ready: number[] = [];
	const choice: number[] = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await page.goto(url, { waitUntil: 'commit' });
		const start = page.getByRole('button', { name: 'Start the quiz' });
		await start.and(page.locator(':not([aria-disabled="true"])')).waitFor();
		ready.push(await page.evaluate(() => performance.now()));
		await start.click();
		await page.getByRole('radio').first().waitFor({ state: 'visible' });
		choice.push(await page.evaluate(() => performance.now()));
		await context.close();
	}
	return { ready: median(ready), choice: median(choice) };
}

/** Stops everything started, each even if another fails to stop. */
async function stopAll(stops: (() => Promise<void>)[]) {
	const results = await Promise.allSettled(stops.map((stop) => stop()));
	const failed = results.filter((r) => r.status === 'rejected');
	if (failed.length) throw new AggregateError(failed.map((r) => r.reason), 'could not stop everything the bench started');
}

export async function benchStudent(): Promise<void> {
	// What is running, to stop at the end, also on failure.
	const stops: (() => Promise<void>)[] = [];
	try {
		const server = await startServer();
		stops.push(() => server.stop());
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		stops.push(() => browser.close());
		const quizUrl = `${server.url}/quiz/${SLUG}`;
		console.log('App: node server.js as npm start runs it');

		const pages = await visitPages(browser, server.url, SLUG);
		const [joinForm, pressingStart, player] = pages.assignment;
		bytesTable([
			{ visit: pages.quiz, budgets: true },
			{ visit: joinForm!, budgets: true },
			{ visit: player!, budgets: true },
			{ visit: pressingStart!, budgets: false },
			{ visit: pages.home, budgets: false }
		]);
		console.log(`  home page JavaScript, for reference: ${kib(totals(pages.home.received).js)}; zod ${hasZod(pages.home.received) ? 'YES' : 'no'}`);
		scriptsReport([pages.quiz, joinForm!, player!, pressingStart!]);

		console.log('');
		const t = await timeToFirstChoice(browser, quizUrl, 5);
		console.log(`4x CPU throttling, median of 5, from navigation:`);
		console.log(`  Start button works ${t.ready.toFixed(0)} ms`);
		console.log(`  first choice clickable (after pressing Start) ${t.choice.toFixed(0)} ms`);

		console.log('');
		const heap = await heapAfterRun(browser, quizUrl, SLUG);
		console.log(`JS heap after finishing the quiz (after GC): ${(heap / 1024 / 1024).toFixed(2)} MiB`);
		// Closed before Lighthouse starts its own Chromium; closing again at the end does nothing.
		await browser.close();

		const lh = await lighthouseScores(quizUrl);
		console.log(`Lighthouse (mobile) /quiz/${SLUG}: performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}`);
	} finally {
		await stopAll(stops);
	}
}

/**
 * The student's quiz page, measured: what it ships, how soon a slow device
 * can answer, the memory a whole run leaves, and Lighthouse's scores.
 */
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { heapAfterRun } from './heap.ts';
import { lighthouseScores } from './lighthouse.ts';
import { CHROMIUM, CHROMIUM_ARGS, median, startServer } from './server.ts';

const SLUG = 'sessions-offered-to-resign';
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function shipped(page: Page, url: string) {
	const files = new Set<string>();
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (/^\/_(app|islands)\//.test(u.pathname) && /\.(js|css)$/.test(u.pathname)) files.add(u.pathname);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	const sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, zod: false };
	for (const file of files) {
		const body = readFileSync(path.join('build/client', file));
		const kind = file.endsWith('.css') ? sizes.css : sizes.js;
		kind.raw += body.length;
		kind.gzip += gzipSync(body, { level: 9 }).length;
		if (file.endsWith('.js') && /ZodError|\$ZodType/.test(body.toString())) sizes.zod = true;
	}
	return sizes;
}

async function timeToFirstChoice(url: string, runs: number) {
	const ready: number[] = [];
	const choice: number[] = [];
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
	await browser.close();
	return { ready: median(ready), choice: median(choice) };
}

export async function benchStudent(): Promise<void> {
	const server = await startServer();
	try {
		const url = `${server.url}/quiz/${SLUG}`;
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const page = await browser.newPage();
		const quizRoute = await shipped(page, url);
		const home = await shipped(await browser.newPage(), `${server.url}/`);
		await browser.close();
		console.log(`Quiz route /quiz/${SLUG}`);
		console.log(`  JavaScript shipped   ${kib(quizRoute.js.raw)} raw, ${kib(quizRoute.js.gzip)} gzip (budget 45 KiB gzip)`);
		console.log(`  CSS shipped          ${kib(quizRoute.css.raw)} raw, ${kib(quizRoute.css.gzip)} gzip`);
		console.log(`  zod in its JS        ${quizRoute.zod ? 'YES (should not be)' : 'no'}`);
		console.log(`  home page JS         ${kib(home.js.gzip)} gzip; zod ${home.zod ? 'YES' : 'no'}`);

		const t = await timeToFirstChoice(url, 5);
		console.log(`  4x CPU throttling, median of 5, from navigation:`);
		console.log(`    Start button works ${t.ready.toFixed(0)} ms`);
		console.log(`    first choice clickable (after pressing Start) ${t.choice.toFixed(0)} ms`);

		const heapBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const heap = await heapAfterRun(heapBrowser, url, SLUG).finally(() => heapBrowser.close());
		console.log(`  JS heap after finishing the quiz (after GC) ${(heap / 1024 / 1024).toFixed(2)} MiB`);

		const lh = await lighthouseScores(url);
		console.log(`  Lighthouse (mobile)  performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}`);
	} finally {
		await server.stop();
	}
}

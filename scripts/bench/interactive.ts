/**
 * How soon a slow device can answer: the time from navigation until question
 * 1's choices can be used, at 4x CPU throttling, each run in a fresh browser
 * context (empty cache), ours and the bare SvelteKit page taking turns so
 * both meet the same noise on a shared machine.
 *
 * Times are read in the page (performance.now(), whose zero is the
 * navigation's start) by a MutationObserver, at the first DOM state that
 * meets the condition, so the harness's polling adds nothing to them.
 *
 * Ours: question 1 is open under the quiz's intro, in a plain form the server
 * can run, so its choices can be used as soon as they are on screen, before
 * the page's script has run. The run times that, then the moment the island
 * takes the page over (its forms get novalidate), then checks a choice and
 * presses Check and waits for the verdict, to show the choice was usable.
 *
 * The bare page: its component sets data-hydrated in onMount; the time is
 * taken when that is set and its radio buttons are there. Then the run
 * checks a choice and presses Check, and waits for the verdict to show.
 */
import type { Browser, Page } from '@playwright/test';
import { BARE_CHOICES } from './bare-kit.ts';
import { median } from './server.ts';

export interface OursRun extends Milestones {
	/** Question 1's choices are on screen and enabled, in a form that can be sent: a choice can be made and checked. */
	choices: number;
	/** The island has taken over the page: the same choices now work in place. */
	enhanced: number;
}

export interface BareRun extends Milestones {
	/** Hydrated, with its choices in place. */
	choices: number;
}

interface Probe {
	/** Elements that must all be present, visible and enabled. */
	selector: string;
	/** How many, at least. */
	count: number;
	/** Text a heading (h1 or h2) on the page must start with, if given. */
	heading?: string;
}

/**
 * In the page, from its first script on, before the document has any content:
 * a MutationObserver notes performance.now() at the first DOM state where each
 * named probe holds, so a time never waits for the harness to ask (at 4x
 * throttling a busy main thread answers a call from outside late).
 * `__benchWhen(name)` then gives that time, now or once it comes. Plain
 * JavaScript in a string, so the page runs it as written (tsx would add
 * helpers the page does not have to a function passed in).
 */
const probeScript = (probes: Record<string, Probe>) => `
const probes = ${JSON.stringify(probes)};
const seen = {};
const waiting = {};
const holds = (probe) => {
	if (probe.heading !== undefined) {
		const headings = [...document.querySelectorAll('h1, h2')];
		if (!headings.some((h) => (h.textContent ?? '').trim().startsWith(probe.heading))) return false;
	}
	const all = [...document.querySelectorAll(probe.selector)];
	return all.length >= probe.count && all.every((el) => !el.disabled && el.checkVisibility());
};
const look = () => {
	for (const [name, probe] of Object.entries(probes)) {
		if (name in seen || !holds(probe)) continue;
		seen[name] = { at: performance.now() };
		for (const resolve of waiting[name] ?? []) resolve(seen[name]);
	}
	if (Object.keys(seen).length === Object.keys(probes).length) observer.disconnect();
};
const observer = new MutationObserver(look);
observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
window.__benchWhen = (name) => new Promise((resolve) => (name in seen ? resolve(seen[name]) : (waiting[name] ??= []).push(resolve)));
`;

interface Seen {
	/** performance.now() in the page when the probe first held. */
	at: number;
}

interface ProbeWindow {
	__benchWhen(name: string): Promise<Seen>;
}

const when = (page: Page, name: string) => page.evaluate((n) => (window as unknown as ProbeWindow).__benchWhen(n), name);

/** In the page: when the HTML had arrived, the last script had arrived, and DOMContentLoaded was done. */
const MILESTONES = `(() => {
	const nav = performance.getEntriesByType('navigation')[0];
	const scripts = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js'));
	return {
		htmlEnd: nav ? nav.responseEnd : NaN,
		scriptsEnd: scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : NaN,
		domReady: nav ? nav.domContentLoadedEventEnd : NaN
	};
})()`;

interface Milestones {
	htmlEnd: number;
	scriptsEnd: number;
	domReady: number;
}

const milestones = (page: Page) => page.evaluate<Milestones>(MILESTONES);

/** The promise's value, or the error `late()` makes if it takes longer than `ms`. */
async function within<T>(ms: number, promise: Promise<T>, late: () => Error): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(late()), ms);
	});
	try {
		return await Promise.race([promise, deadline]);
	} finally {
		clearTimeout(timer);
	}
}

async function throttled(browser: Browser, probes: Record<string, Probe>) {
	const context = await browser.newContext();
	await context.addInitScript({ content: probeScript(probes) });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	// Documents requested: a click before the app takes it would submit the form and load a second one.
	// (History changes that a router makes are not counted: they request nothing.)
	let navigations = 0;
	page.on('request', (request) => {
		if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations++;
	});
	return { context, page, navigations: () => navigations };
}

const OURS: Record<string, Probe> = {
	choices: { selector: '#quiz-island form[action="?/play"] input[type="radio"][name="choice"]', count: 2, heading: 'Question 1 of' },
	takenOver: { selector: '#quiz-island form[novalidate] input[type="radio"][name="choice"]', count: 2 }
};
const BARE: Record<string, Probe> = {
	choices: { selector: 'main[data-hydrated="true"] input[type="radio"][name="answer"]', count: BARE_CHOICES.length }
};

/** Question 1's choices usable on the first page, then the island taking over, then a choice checked to its verdict. */
async function oursOnce(browser: Browser, url: string): Promise<OursRun> {
	const { context, page, navigations } = await throttled(browser, OURS);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const choices = await within(60_000, when(page, 'choices'), () => new Error("question 1's choices did not show within 60 s"));
		const first = await milestones(page);
		const enhanced = await within(60_000, when(page, 'takenOver'), () => new Error('the player did not take over within 60 s'));
		// The choice works: checked and sent, the verdict comes back in place.
		await page.locator('#quiz-island input[name="choice"]').first().check();
		await page.getByRole('button', { name: /^(Check|Save answer)$/ }).click();
		await page.getByRole('heading', { name: /^(Correct|Not quite|Partly right)/ }).waitFor();
		if (navigations() !== 1) throw new Error('checking question 1 on the enhanced page loaded a new page');
		return { choices: choices.at, enhanced: enhanced.at, ...first };
	} finally {
		await context.close();
	}
}

async function bareOnce(browser: Browser, url: string): Promise<BareRun> {
	const { context, page, navigations } = await throttled(browser, BARE);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const seen = await within(60_000, when(page, 'choices'), () => new Error('the bare page did not hydrate within 60 s'));
		const run = { choices: seen.at, ...(await milestones(page)) };
		await page.getByRole('radio', { name: BARE_CHOICES[0] }).check();
		await page.getByRole('button', { name: /^(Check|Save answer)$/ }).click();
		await page.getByRole('status').filter({ hasText: `You chose: ${BARE_CHOICES[0]}.` }).waitFor();
		if (navigations() !== 1) throw new Error('the bare page navigated while being measured');
		return run;
	} finally {
		await context.close();
	}
}

export interface Interactive {
	runs: number;
	ours: OursRun[];
	bare: BareRun[];
}

export async function timeToChoices(browser: Browser, oursUrl: string, bareUrl: string, runs: number): Promise<Interactive> {
	const result: Interactive = { runs, ours: [], bare: [] };
	for (let i = 0; i < runs; i++) {
		// Alternate which goes first, so neither always follows the other.
		if (i % 2) result.bare.push(await bareOnce(browser, bareUrl));
		result.ours.push(await oursOnce(browser, oursUrl));
		if (!(i % 2)) result.bare.push(await bareOnce(browser, bareUrl));
	}
	return result;
}

/** The median of one field over runs. */
export const medianOf = <T>(runs: readonly T[], pick: (run: T) => number) => median(runs.map(pick));

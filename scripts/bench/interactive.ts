/**
 * How soon a slow device can answer: the time from navigation until question
 * 1's choices can be clicked, at 4x CPU throttling, each run in a fresh
 * browser context (empty cache), ours and the bare SvelteKit page taking
 * turns so both meet the same noise on a shared machine.
 *
 * Times are read in the page (performance.now(), whose zero is the
 * navigation's start) by a MutationObserver, at the first DOM state that
 * meets the condition, so the harness's polling adds nothing to them.
 *
 * Ours: "Start the quiz" is rendered by the server with aria-disabled="true"
 * and a native submit; before the island hydrates, pressing it would submit
 * the form and reload the page. The player sets aria-disabled to false in its
 * onMount, after hydration has attached the form's submit handler and the
 * quiz session has started, so that is when the button works. It is pressed
 * then (raw mouse events at the button's place, as a user's click, without
 * Playwright's wait for the button to hold still), and the time is taken when
 * question 1's radio buttons are in the page, enabled and visible. Then the
 * run checks the click was the app's: no second navigation happened, and
 * checking a choice is taken by the hydrated form.
 *
 * The bare page: its component sets data-hydrated in onMount; the time is
 * taken when that is set and its radio buttons are there. Then the run
 * checks a choice and presses Check, and waits for the verdict to show.
 */
import type { Browser, Page } from '@playwright/test';
import { BARE_CHOICES } from './bare-kit.ts';
import { median } from './server.ts';

export interface OursRun extends Milestones {
	/** "Start the quiz" works (the player has mounted). */
	works: number;
	/** The click reached the page. */
	pressed: number;
	/** Question 1's choices are clickable. */
	choices: number;
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
	/** Text the element #question-heading must start with, if given. */
	heading?: string;
}

/**
 * In the page, from its first script on: `__benchWhen(probe)` resolves at the
 * first DOM state where the probe holds, with performance.now() and the
 * centre of the first element found (where a finger would press it), and
 * every click that reaches the document is timed in `__benchClicks`. Plain
 * JavaScript in a string, so the page runs it as written (tsx would add
 * helpers the page does not have to a function passed in).
 */
const PROBES = `
window.__benchClicks = [];
document.addEventListener('click', () => window.__benchClicks.push(performance.now()), { capture: true });
window.__benchWhen = (probe) => new Promise((resolve) => {
	const found = () => {
		if (probe.heading !== undefined) {
			const text = document.getElementById('question-heading')?.textContent ?? '';
			if (!text.trim().startsWith(probe.heading)) return null;
		}
		const all = [...document.querySelectorAll(probe.selector)];
		return all.length >= probe.count && all.every((el) => !el.disabled && el.checkVisibility()) ? all[0] : null;
	};
	const done = (el) => {
		const at = performance.now();
		const box = el.getBoundingClientRect();
		resolve({ at, x: box.x + box.width / 2, y: box.y + box.height / 2, inView: box.bottom <= innerHeight && box.right <= innerWidth });
	};
	const now = found();
	if (now) return done(now);
	const observer = new MutationObserver(() => {
		const el = found();
		if (!el) return;
		observer.disconnect();
		done(el);
	});
	observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
});
`;

interface Seen {
	at: number;
	x: number;
	y: number;
	inView: boolean;
}

interface ProbeWindow {
	__benchWhen(probe: Probe): Promise<Seen>;
	__benchClicks: number[];
}

const when = (page: Page, probe: Probe) => page.evaluate((p) => (window as unknown as ProbeWindow).__benchWhen(p), probe);
const firstClick = (page: Page) => page.evaluate(() => (window as unknown as ProbeWindow).__benchClicks[0] ?? NaN);

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

async function throttled(browser: Browser) {
	const context = await browser.newContext();
	await context.addInitScript({ content: PROBES });
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

async function oursOnce(browser: Browser, url: string): Promise<OursRun> {
	const { context, page, navigations } = await throttled(browser);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const works = await within(
			60_000,
			when(page, { selector: 'form[aria-labelledby="intro-heading"] button[type="submit"][aria-disabled="false"]', count: 1 }),
			() => new Error('"Start the quiz" did not start to work within 60 s')
		);
		const shown = when(page, {
			selector: 'form[aria-labelledby="question-heading"] input[type="radio"][name="answer"]',
			count: 2,
			heading: 'Question 1 of'
		});
		// Pressed at once, where the button was when it began to work, as a user's click
		// (raw mouse events, no waiting for the button to settle first).
		const start = page.getByRole('button', { name: 'Start the quiz' });
		if (works.inView) await page.mouse.click(works.x, works.y);
		else await start.click();
		// Should the click miss, question 1 never comes: fail rather than wait for ever. (No
		// Playwright locator here: its injected script would take the page's main thread.)
		const reloaded = () => new Error(`pressing "Start the quiz" at ${works.at.toFixed(0)} ms loaded a new page: the click was not the app's`);
		const choices = await within(30_000, shown, () => (navigations() > 1 ? reloaded() : new Error('question 1 did not show within 30 s of pressing "Start the quiz"')));
		const run = { works: works.at, pressed: await firstClick(page), choices: choices.at, ...(await milestones(page)) };
		// The app took the click: the same document, and its form takes a choice.
		if (navigations() !== 1) throw reloaded();
		const first = page.getByRole('form', { name: /^Question 1 of/ }).getByRole('radio').first();
		await first.check();
		return run;
	} finally {
		await context.close();
	}
}

async function bareOnce(browser: Browser, url: string): Promise<BareRun> {
	const { context, page, navigations } = await throttled(browser);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const seen = await within(
			60_000,
			when(page, { selector: 'main[data-hydrated="true"] input[type="radio"][name="answer"]', count: BARE_CHOICES.length }),
			() => new Error('the bare page did not hydrate within 60 s')
		);
		const run = { choices: seen.at, ...(await milestones(page)) };
		await page.getByRole('radio', { name: BARE_CHOICES[0] }).check();
		await page.getByRole('button', { name: 'Check' }).click();
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

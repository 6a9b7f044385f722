/**
 * How soon a slow device can answer: the time from navigation until question
 * 1's choices can be used, at 4x CPU throttling, each run in a fresh browser
 * context (empty cache), ours and the bare SvelteKit page taking turns so
 * both meet the same noise on a shared machine.
 *
 * Times are read in the page (performance.now(), whose zero is the
 * navigation's start) by a MutationObserver, at the first DOM state that
 * meets the condition, so the harness's polling adds nothing to them. Across
 * a form's navigation, a time in the second document is counted from the
 * first document's start (performance.timeOrigin).
 *
 * Ours, two ways, since every step is a plain form the server can run:
 * - by the form: "Start the quiz" works as soon as it is on screen; it is
 *   pressed then (raw mouse events at its place, as a user's click), the form
 *   goes to the server, and the time is taken when question 1's radio buttons
 *   are on the next page, where a choice can be sent by its form before the
 *   script has run;
 * - enhanced: the run waits for the island to take over the page (its forms
 *   get novalidate), presses Start then, and times question 1's choices
 *   appearing in place.
 *
 * The bare page: its component sets data-hydrated in onMount; the time is
 * taken when that is set and its radio buttons are there. Then the run
 * checks a choice and presses Check, and waits for the verdict to show.
 */
import type { Browser, Page } from '@playwright/test';
import { BARE_CHOICES } from './bare-kit.ts';
import { median } from './server.ts';

export interface OursRun extends Milestones {
	/** "Start the quiz" is on screen, and works (as a form). */
	works: number;
	/** Question 1's choices are on the page the form led to: a choice can be sent. */
	byForm: number;
	/** The island has taken over the first page. */
	enhanced: number;
	/** After pressing Start on the enhanced page, question 1's choices are there in place. */
	enhancedChoices: number;
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
	/** Text the element #quiz-step must start with, if given. */
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
			const text = document.getElementById('quiz-step')?.textContent ?? '';
			if (!text.trim().startsWith(probe.heading)) return null;
		}
		const all = [...document.querySelectorAll(probe.selector)];
		return all.length >= probe.count && all.every((el) => !el.disabled && el.checkVisibility()) ? all[0] : null;
	};
	const done = (el) => {
		const at = performance.now();
		const box = el.getBoundingClientRect();
		resolve({ at, origin: performance.timeOrigin, x: box.x + box.width / 2, y: box.y + box.height / 2, inView: box.bottom <= innerHeight && box.right <= innerWidth });
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
	/** The document's start, ms since the epoch. */
	origin: number;
	x: number;
	y: number;
	inView: boolean;
}

interface ProbeWindow {
	__benchWhen(probe: Probe): Promise<Seen>;
	__benchClicks: number[];
}

const when = (page: Page, probe: Probe) => page.evaluate((p) => (window as unknown as ProbeWindow).__benchWhen(p), probe);

/** `when`, in whichever document the page holds once a navigation under way has settled. */
async function whenAfterNavigation(page: Page, probe: Probe): Promise<Seen> {
	for (;;) {
		try {
			return await when(page, probe);
		} catch (error) {
			// The document went away while the probe ran: ask the next one.
			if (!/context was destroyed|navigation/i.test(String(error))) throw error;
		}
	}
}

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

const QUESTION_ONE: Probe = { selector: 'form[aria-labelledby="quiz-step"] input[type="radio"][name="choice"]', count: 2, heading: 'Question 1 of' };
const START: Probe = { selector: '#quiz-island button[type="submit"][value="quiz.start"]', count: 1 };

/** Presses a button where it was seen, as a user's click (raw mouse events, no waiting for it to settle). */
async function press(page: Page, seen: Seen) {
	if (seen.inView) await page.mouse.click(seen.x, seen.y);
	else await page.getByRole('button', { name: 'Start the quiz' }).click();
}

/** By the form: Start pressed as soon as it shows, before the script; question 1 on the page the server sends back. */
async function byFormOnce(browser: Browser, url: string, tries = 3): Promise<Pick<OursRun, 'works' | 'byForm'> & Milestones> {
	const { context, page, navigations } = await throttled(browser);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const start = await within(60_000, when(page, START), () => new Error('"Start the quiz" did not show within 60 s'));
		const first = await milestones(page);
		const before = navigations();
		await press(page, start);
		const choices = await within(60_000, whenAfterNavigation(page, QUESTION_ONE), () => new Error('question 1 did not come within 60 s of pressing Start'));
		// A click that a busy main thread only dispatches after the player has taken over is the player's:
		// question 1 then comes in place, with no second page to time. That run is drawn again.
		if (navigations() === before) {
			if (tries > 1) return await byFormOnce(browser, url, tries - 1);
			throw new Error('three runs in a row, the player took the click before the form could go');
		}
		// The choice can be sent: check one on the page the form led to.
		await page.getByRole('form', { name: /^Question 1 of/ }).getByRole('radio').first().check();
		return { works: start.at, byForm: choices.origin + choices.at - start.origin, ...first };
	} finally {
		await context.close();
	}
}

/** Enhanced: the island takes over first, then Start brings question 1 in place. */
async function enhancedOnce(browser: Browser, url: string) {
	const { context, page, navigations } = await throttled(browser);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const ready = await within(60_000, when(page, { selector: '#quiz-island form[novalidate] button[value="quiz.start"]', count: 1 }), () => new Error('the player did not take over within 60 s'));
		const shown = when(page, QUESTION_ONE);
		await press(page, ready);
		const choices = await within(30_000, shown, () => new Error('question 1 did not show within 30 s of pressing Start'));
		if (navigations() !== 1) throw new Error('pressing Start on the enhanced page loaded a new page');
		return { enhanced: ready.at, enhancedChoices: choices.at };
	} finally {
		await context.close();
	}
}

async function oursOnce(browser: Browser, url: string): Promise<OursRun> {
	return { ...(await byFormOnce(browser, url)), ...(await enhancedOnce(browser, url)) };
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

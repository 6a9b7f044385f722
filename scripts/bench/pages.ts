/**
 * The student pages as a browser first receives them, each in a fresh
 * browser context (an empty cache): open practice, an assignment's join form
 * and its quiz player, the home page for reference, and the bare SvelteKit
 * page the timing compares with.
 *
 * The assignment is made through the real UI, as a teacher makes one, and
 * joined as a student joins. Each page is waited for by what the user sees
 * (a heading, a button), then allowed to settle (load event, no request in
 * flight) before its traffic is read.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { WireLog, type Received } from './wire.ts';

export interface Visit {
	label: string;
	received: Received[];
}

async function fresh(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
	const context = await browser.newContext(storageState ? { storageState } : {});
	const page = await context.newPage();
	const log = await WireLog.attach(page);
	return { context, page, log };
}

/** One page, first visit: navigate, wait until `seen` shows it, let it settle. */
async function visit(browser: Browser, label: string, url: string, seen: (page: Page) => Promise<void>): Promise<Visit> {
	const { context, page, log } = await fresh(browser);
	try {
		await page.goto(url, { waitUntil: 'commit' });
		await seen(page);
		await log.settle(page);
		return { label, received: log.take() };
	} finally {
		await context.close();
	}
}

/** A teacher at /teach assigns the quiz, passes the manage link's page, and the dashboard's "Student link" is what the class gets. */
async function createAssignment(browser: Browser, origin: string, slug: string): Promise<string> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${origin}/teach`);
		await page.getByLabel('Quiz', { exact: true }).selectOption(slug);
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await page.getByRole('link', { name: 'Go to the dashboard' }).click();
		const link = page.getByLabel('Student link', { exact: true });
		await link.waitFor();
		return await link.inputValue();
	} finally {
		await context.close();
	}
}

/**
 * A student opens the link in a fresh browser, sees the join form, types a
 * name and presses Start. Three figures: the join form on a first visit;
 * what pressing Start brings (the form post, its redirect and the quiz
 * player, with the join form's files already in the cache); and the quiz
 * player on a first visit with an empty cache, as when the student comes
 * back on another day or the cache was cleared (a fresh context holding only
 * the attempt's cookie).
 */
async function assignmentVisits(browser: Browser, studentUrl: string): Promise<Visit[]> {
	const path = new URL(studentUrl).pathname;
	const student = await fresh(browser);
	let joined: Awaited<ReturnType<BrowserContext['storageState']>>;
	const visits: Visit[] = [];
	try {
		const { page, log } = student;
		await page.goto(studentUrl, { waitUntil: 'commit' });
		const name = page.getByLabel('Your first name or a nickname');
		await name.waitFor();
		await log.settle(page);
		visits.push({ label: `${path} before joining (join form)`, received: log.take() });

		await name.fill('Ada');
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await page.getByRole('button', { name: /^(Check|Save answer)$/ }).waitFor();
		await log.settle(page);
		visits.push({ label: `${path} joining: Start on the join form (cache warm from it)`, received: log.take() });
		joined = await student.context.storageState();
	} finally {
		await student.context.close();
	}

	const back = await fresh(browser, joined);
	try {
		await back.page.goto(studentUrl, { waitUntil: 'commit' });
		await back.page.getByRole('button', { name: /^(Check|Save answer)$/ }).waitFor();
		await back.log.settle(back.page);
		visits.push({ label: `${path} after joining (quiz player)`, received: back.log.take() });
	} finally {
		await back.context.close();
	}
	return visits;
}

export interface PageVisits {
	quiz: Visit;
	assignment: Visit[];
	home: Visit;
	bare: Visit;
}

export async function visitPages(browser: Browser, origin: string, slug: string, bareUrl: string): Promise<PageVisits> {
	const quiz = await visit(browser, `/quiz/${slug}`, `${origin}/quiz/${slug}`, (page) =>
		page.getByRole('button', { name: /^(Check|Save answer)$/ }).waitFor()
	);
	const studentUrl = await createAssignment(browser, origin, slug);
	const assignment = await assignmentVisits(browser, studentUrl);
	const home = await visit(browser, '/ (home, for reference)', `${origin}/`, (page) => page.getByRole('heading', { level: 1 }).waitFor());
	const bare = await visit(browser, 'bare SvelteKit page (for reference)', bareUrl, (page) =>
		page.getByRole('button', { name: /^(Check|Save answer)$/ }).waitFor()
	);
	return { quiz, assignment, home, bare };
}

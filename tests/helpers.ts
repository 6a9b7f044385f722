/** Shared steps for browser journeys: the answer key comes from the quiz file itself. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { QuizSchema, type Question, type Quiz } from '../src/lib/quiz/schema.ts';
import { cueTokens } from '../src/lib/quiz/grading.ts';
import { tokenize } from '../src/lib/quiz/text.ts';

export const SEED = 'sessions-offered-to-resign';

/** The shorter shipped quiz, for journeys that play a whole assignment. */
export const EASTFIELD = 'eastfield-library-closure';

/** A quiz as the server offers it: the journeys use the shipped quizzes, as a class would. */
export function loadQuiz(slug: string): Quiz {
	return QuizSchema.parse(JSON.parse(readFileSync(`quizzes/${slug}.json`, 'utf8')));
}

export function label(quiz: Quiz, id: string): string {
	return quiz.categories.find((c) => c.id === id)!.label;
}

/** The checkbox of the n-th word of a claim (which of the same words it is counts). */
function wordBox(page: Page, quote: string, token: number) {
	const tokens = tokenize(quote);
	const text = tokens[token]!.text;
	const nth = tokens.slice(0, token).filter((t) => t.text === text).length;
	return page.getByRole('group', { name: /Words of the claim/ }).getByRole('checkbox', { name: text, exact: true }).nth(nth);
}

export async function markCues(page: Page, question: Question) {
	if (question.type === 'order' || !question.quote || !question.cues) return;
	for (const t of cueTokens(question.quote, question.cues)) await wordBox(page, question.quote, t).check();
}

type OrderQuestion = Extract<Question, { type: 'order' }>;

/**
 * Puts an order question's claims in the given order with the "Move up"
 * buttons, starting from the order on screen (the list "Claims in order",
 * one list item per claim).
 */
export async function arrange(page: Page, question: OrderQuestion, ids: readonly string[]) {
	const list = page.getByRole('list', { name: 'Claims in order' });
	await expect(list.getByRole('listitem')).toHaveCount(question.items.length);
	const shown = await list.getByRole('listitem').allTextContents();
	const order = shown.map((text) => question.items.find((item) => text.includes(item.quote))!.id);
	for (const [target, id] of ids.entries()) {
		const quote = question.items.find((item) => item.id === id)!.quote;
		for (let at = order.indexOf(id); at > target; at--) {
			await list.getByRole('listitem').filter({ hasText: quote }).getByRole('button', { name: /^Move up/ }).click();
			[order[at - 1], order[at]] = [order[at]!, order[at - 1]!];
		}
	}
	await expect(list.getByRole('listitem')).toHaveText(ids.map((id) => new RegExp(escapeRegExp(question.items.find((i) => i.id === id)!.quote))));
}

/** Answers the question on screen: rightly, or with the first wrong choice. */
export async function answer(page: Page, quiz: Quiz, question: Question, right = true) {
	if (question.type === 'classify') {
		const id = right ? question.answer : quiz.categories.find((c) => c.id !== question.answer)!.id;
		await page.getByRole('radio', { name: new RegExp(`^\\d?\\s*${escapeRegExp(label(quiz, id))}`) }).check();
		// A wrong answer marks no cue words either, so it earns nothing.
		if (question.cite && right) await markCues(page, question);
	} else if (question.type === 'choice') {
		const option = right ? question.options.find((o) => o.id === question.answer)! : question.options.find((o) => o.id !== question.answer)!;
		await page.getByRole('radio', { name: option.text }).check();
	} else if (question.type === 'order') {
		// The file lists the claims in the right order; backwards, no pair is right.
		const ids = question.items.map((item) => item.id);
		await arrange(page, question, right ? ids : ids.toReversed());
	} else if (right) {
		await markCues(page, question);
	} else {
		const cues = cueTokens(question.quote, question.cues);
		const other = tokenize(question.quote).findIndex((_, i) => !cues.includes(i));
		await wordBox(page, question.quote, other).check();
	}
	// Test mode saves the answer for the end: its button says so.
	await page.getByRole('button', { name: /^(Check|Save answer)$/ }).click();
}

export async function start(page: Page, slug: string, mode: 'Practice' | 'Test' = 'Practice') {
	await page.goto(`/quiz/${slug}`);
	// Question 1 is open under the intro: its answer starts the quiz in the mode picked there.
	await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
	await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
}

export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** `where` names the page in the failure, when a journey checks several. */
export async function expectNoHorizontalScroll(page: Page, where?: string) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, where).toBeLessThanOrEqual(0);
}

/**
 * The highlighted passages (<mark>) inside a region. Chromium exposes them with
 * the ARIA role "mark" and Playwright finds them by it; its types do not list
 * that role yet, hence the cast.
 */
export function marks(within: Locator): Locator {
	return within.getByRole('mark' as Parameters<Locator['getByRole']>[0]);
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

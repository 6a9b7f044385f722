/**
 * The memory a whole quiz leaves behind: the page's JS heap after finishing
 * every question of the quiz in test mode, after a garbage collection.
 */
import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { QuizSchema } from '../../src/lib/quiz/schema.ts';

export async function heapAfterRun(browser: Browser, url: string, slug: string): Promise<number> {
	const quiz = QuizSchema.parse(JSON.parse(readFileSync(`quizzes/${slug}.json`, 'utf8')));
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(url);
		// The player's forms turn novalidate once it has taken over the page (see interactive.ts).
		await page.locator('#quiz-island form[novalidate]').waitFor();
		// Question 1 is under the intro: the mode picked there goes with its answer.
		await page.getByRole('radio', { name: /^Test/ }).check();
		for (const q of quiz.questions) {
			// Test mode, first choice or first word, claims in the order shown: the heap is what matters, not the score.
			if (q.type === 'cue') await page.getByRole('group', { name: /Words of the claim/ }).getByRole('checkbox').first().check();
			else if (q.type !== 'order') await page.locator('input[name="choice"]').first().check();
			await page.getByRole('button', { name: /^(Check|Save answer)$/ }).click();
		}
		await page.getByRole('heading', { name: 'Your results', exact: true }).waitFor();
		const cdp = await context.newCDPSession(page);
		await cdp.send('HeapProfiler.collectGarbage');
		const { usedSize } = await cdp.send('Runtime.getHeapUsage');
		return usedSize;
	} finally {
		await context.close();
	}
}

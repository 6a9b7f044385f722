/** Steps of the teacher and student journeys through an assignment. */
import { expect, type Page } from '@playwright/test';
import { answer, CANARY, loadQuiz } from './helpers.ts';

export const canary = loadQuiz(CANARY);

export interface Created {
	studentUrl: string;
	manageUrl: string;
	dashboardUrl: string;
}

export async function createAssignment(
	page: Page,
	options: { quiz?: string; title: string; mode: 'Practice' | 'Test'; attempts?: number }
): Promise<Created> {
	await page.goto('/teach');
	await page.getByLabel('Quiz', { exact: true }).selectOption(options.quiz ?? CANARY);
	await page.getByLabel(/Title students see/).fill(options.title);
	await page.getByRole('radio', { name: new RegExp(`^${options.mode}`) }).check();
	if (options.attempts !== undefined) await page.getByLabel('Attempts each student may start').fill(String(options.attempts));
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByRole('heading', { level: 1, name: options.title })).toBeVisible();
	const studentUrl = await page.getByLabel('Student link', { exact: true }).inputValue();
	const manageUrl = await page.getByLabel('Manage link', { exact: true }).inputValue();
	return { studentUrl, manageUrl, dashboardUrl: page.url() };
}

export async function join(page: Page, studentUrl: string, name: string) {
	await page.goto(studentUrl);
	await page.getByLabel('Your first name or a nickname').fill(name);
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
}

/** Answers the canary question on screen, rightly or not. */
export async function answerCanary(page: Page, index: number, right: boolean) {
	const id = await page.evaluate(() => document.querySelector('#question-heading')?.textContent ?? '');
	expect(id).toMatch(/Question \d+ of/);
	await answer(page, canary, canary.questions[index]!, right);
}

/** Steps of the teacher and student journeys through an assignment, on the shorter shipped quiz. */
import { expect, type Page } from '@playwright/test';
import type { Question, Quiz } from '../src/lib/quiz/schema.ts';
import { answer, EASTFIELD, loadQuiz } from './helpers.ts';

export const classQuiz = loadQuiz(EASTFIELD);

export interface Created {
	studentUrl: string;
	manageUrl: string;
	dashboardUrl: string;
}

export async function createAssignment(
	page: Page,
	options: { quiz?: string; title: string; mode: 'Practice' | 'Test'; attempts?: number; shuffle?: boolean }
): Promise<Created> {
	await page.goto('/teach');
	await page.getByLabel('Quiz', { exact: true }).selectOption(options.quiz ?? EASTFIELD);
	await page.getByLabel(/Title students see/).fill(options.title);
	await page.getByRole('radio', { name: new RegExp(`^${options.mode}`) }).check();
	if (options.attempts !== undefined) await page.getByLabel('Attempts each student may start').fill(String(options.attempts));
	if (options.shuffle) await page.getByRole('radio', { name: 'Shuffled for each student' }).check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	// The manage link first, on a page of its own; then the dashboard.
	await expect(page.getByRole('heading', { level: 1, name: 'Save your manage link' })).toBeVisible();
	const manageUrl = await page.getByLabel('Manage link', { exact: true }).inputValue();
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: options.title })).toBeVisible();
	const studentUrl = await page.getByLabel('Student link', { exact: true }).inputValue();
	return { studentUrl, manageUrl, dashboardUrl: page.url() };
}

/** Closes the class from its dashboard, confirming first, as a teacher must. */
export async function closeClass(page: Page) {
	await page.getByRole('checkbox', { name: 'Yes, close it for good' }).check();
	await page.getByRole('button', { name: 'Close the assignment' }).click();
	// Not the word "Closed" anywhere: a class's own title may hold it, before the close is through.
	await expect(page.getByText('Closed: no more answers come in.')).toBeVisible();
}

export async function join(page: Page, studentUrl: string, name: string) {
	await page.goto(studentUrl);
	await page.getByLabel('Your first name or a nickname').fill(name);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
}

/**
 * Answers questions from..to of an assignment, right or wrong as `plan` says.
 * In practice mode each answer's feedback is awaited and passed with Next.
 */
export async function answerAll(page: Page, plan: boolean[], options: { from?: number; to?: number; practice?: boolean; quiz?: Quiz } = {}) {
	const quiz = options.quiz ?? classQuiz;
	const total = quiz.questions.length;
	for (let i = options.from ?? 0; i < (options.to ?? total); i++) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of ${total}` })).toBeVisible();
		await answer(page, quiz, quiz.questions[i]!, plan[i]!);
		if (options.practice) {
			await expect(page.getByRole('heading', { name: /^(Correct|Not quite|Partly right)/ })).toBeVisible();
			await page.getByRole('button', { name: i === total - 1 ? 'See your results' : 'Next question' }).click();
		}
	}
}

/** The texts only the answer key holds: a question's explanation and every why-not. */
export function secretsOf(question: Question): string[] {
	const whyNots =
		question.type === 'classify'
			? Object.values(question.whyNot)
			: question.type === 'choice'
				? question.options.flatMap((o) => (o.whyNot ? [o.whyNot] : []))
				: question.type === 'order'
					? question.items.map((item) => item.explanation)
					: (question.decoys ?? []).map((d) => d.whyNot);
	return [question.explanation, ...whyNots];
}

const unescaped = (text: string) =>
	text
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&')
		.replaceAll('\\"', '"');

/**
 * Every response body a page receives, with HTML and JSON escapes undone, so
 * a text can be looked for whatever shape it travelled in. `leaked` waits for
 * every body under way before it looks.
 */
export function recordBodies(page: Page) {
	const reading: Promise<string>[] = [];
	page.on('response', (response) => {
		reading.push(response.text().then(unescaped, () => ''));
	});
	return {
		/** Which of these texts appear in any body received so far. */
		async leaked(texts: string[]): Promise<string[]> {
			const bodies = await Promise.all(reading);
			return texts.filter((t) => bodies.some((b) => b.includes(t)));
		}
	};
}

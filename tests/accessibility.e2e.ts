import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answer, expectNoAxeViolations, expectNoHorizontalScroll, label, loadQuiz, SEED, start } from './helpers.ts';

const quiz = loadQuiz(SEED);
const first = quiz.questions[0]!;

/** Walks a practice run through every state, calling `check` at each one. */
async function everyState(page: Page, check: (state: string) => Promise<void>) {
	await page.goto('/');
	await check('home');
	await start(page, SEED);
	await check('intro, with question 1');
	await answer(page, quiz, first, true);
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await check('feedback, right');
	await page.getByRole('button', { name: 'Next question' }).click();
	await expect(page.getByRole('heading', { name: /^Question 2 of/ })).toBeFocused();
	await check('question');
	await answer(page, quiz, quiz.questions[1]!, false);
	await expect(page.getByRole('heading', { name: /Not quite|Partly right/ })).toBeVisible();
	await check('feedback, wrong');
	await page.getByRole('button', { name: 'Next question' }).click();
	for (const q of quiz.questions.slice(2)) {
		if (q.type === 'order') await check('order question');
		await answer(page, quiz, q, true);
		if (q.type === 'order') {
			await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
			await check('order feedback');
		}
		await page.getByRole('button', { name: /Next question|See your results/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await check('summary');
	await page.getByRole('button', { name: 'Review every answer' }).click();
	await expect(page.getByRole('heading', { name: /^Review: question 1/ })).toBeVisible();
	await check('review');
}

test('every state passes axe (WCAG 2.2 AA) in the light and dark schemes, and fits 320 px without sideways scrolling', async ({ page }) => {
	test.setTimeout(180_000);
	const seen: string[] = [];
	const size = page.viewportSize()!;
	await everyState(page, async (state) => {
		seen.push(state);
		await expectNoAxeViolations(page);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoAxeViolations(page);
		await page.emulateMedia({ colorScheme: 'light' });
		await page.setViewportSize({ width: 320, height: 640 });
		await expectNoHorizontalScroll(page);
		await page.setViewportSize(size);
	});
	expect(seen).toEqual(['home', 'intro, with question 1', 'feedback, right', 'question', 'feedback, wrong', 'order question', 'order feedback', 'summary', 'review']);
});

test('every state has one h1, the quiz’s title on every step of the quiz, as a screen reader lists the headings', async ({ page }) => {
	test.setTimeout(120_000);
	await everyState(page, async (state) => {
		const h1 = page.getByRole('heading', { level: 1 });
		await expect(h1, state).toHaveCount(1);
		if (state !== 'home') await expect(h1, state).toHaveAccessibleName(quiz.title);
		const { violations } = await new AxeBuilder({ page }).withRules(['page-has-heading-one']).analyze();
		expect(violations.map((v) => v.id), state).toEqual([]);
	});
});

test('targets are at least 24 by 24 px', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await start(page, SEED);
	const main = page.getByRole('main');
	const controls = [
		...(await main.getByRole('button').all()),
		...(await main.getByRole('radio').all()),
		...(await main.getByRole('checkbox').all()),
		...(await main.getByRole('link').all())
	];
	const sizes = await Promise.all(
		controls.map((c) =>
			c.evaluate((el) => {
				// A radio's or a word's target is its whole label: a click anywhere on it chooses.
				const r = (el.closest('label') ?? el).getBoundingClientRect();
				return { name: el.textContent?.trim() || el.getAttribute('value') || el.tagName, w: r.width, h: r.height };
			})
		)
	);
	expect(sizes.length).toBeGreaterThan(3);
	expect(sizes.filter((s) => s.w < 24 || s.h < 24)).toEqual([]);
});

test('a keyboard-only run: keys choose, Enter checks, focus follows each step', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto(`/quiz/${SEED}`);
	// Tab from the top of the page to the mode on the intro, using the keyboard alone; question 1 is under it.
	const practice = page.getByRole('radio', { name: /^Practice/ });
	for (let i = 0; i < 30 && !(await practice.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(practice).toBeFocused();
	for (const [i, q] of quiz.questions.entries()) {
		const heading = page.getByRole('heading', { name: `Question ${i + 1} of ${quiz.questions.length}` });
		// Focus follows each step after the first, which the page opens on.
		if (i === 0) await expect(heading).toBeVisible();
		else await expect(heading).toBeFocused();
		// The number keys work once the page's script runs, which the tip says.
		await expect(page.getByText(/^Tip: press/)).toBeVisible();
		if (q.type === 'classify' || q.type === 'choice') {
			// The number of the right choice as this browser shows them (each browser has its own order of options).
			const right = q.type === 'classify' ? label(quiz, q.answer) : q.options.find((o) => o.id === q.answer)!.text;
			// (Question 1 shares its page with the intro's mode, which the keys leave alone.)
			const choices = page.locator('input[name="choice"]');
			const shown = await choices.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent ?? ''));
			await page.keyboard.press(String(shown.findIndex((text) => text.includes(right)) + 1));
			await expect(choices.and(page.getByRole('radio', { checked: true }))).toBeFocused();
		}
		if ((q.type === 'classify' && q.cite) || q.type === 'cue') {
			// Tab through the words, pressing Space on each cue word.
			const group = page.getByRole('group', { name: /Words of the claim/ });
			const words = group.getByRole('checkbox');
			const { cueTokens } = await import('../src/lib/quiz/grading.ts');
			const cues = new Set(cueTokens(q.quote!, q.cues!));
			await page.keyboard.press('Tab');
			const count = await words.count();
			for (let w = 0; w < count; w++) {
				await expect(words.nth(w)).toBeFocused();
				if (cues.has(w)) await page.keyboard.press('Space');
				await page.keyboard.press('Tab');
			}
			await expect(page.getByRole('button', { name: 'Check' })).toBeFocused();
		}
		if (q.type === 'order') {
			// Tab to a claim's "Move up" and press Enter; focus stays with the claim as it rises.
			const list = page.getByRole('list', { name: 'Claims in order' });
			for (const [target, item] of q.items.entries()) {
				const up = list.getByRole('listitem').filter({ hasText: item.quote }).getByRole('button', { name: /^Move up/ });
				const shown = await list.getByRole('listitem').allTextContents();
				let at = shown.findIndex((text) => text.includes(item.quote));
				if (at <= target) continue;
				for (let t = 0; t < 40 && !(await up.evaluate((el) => el === document.activeElement)); t++) await page.keyboard.press('Tab');
				for (; at > target; at--) {
					await expect(up).toBeFocused();
					await page.keyboard.press('Enter');
					await expect(list.getByRole('listitem').nth(at - 1)).toContainText(item.quote);
				}
			}
			const check = page.getByRole('button', { name: 'Check' });
			for (let t = 0; t < 40 && !(await check.evaluate((el) => el === document.activeElement)); t++) await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { name: 'Correct' })).toBeFocused();
		await page.keyboard.press('Tab');
		const next = page.getByRole('button', { name: /Next question|See your results/ });
		for (let t = 0; t < 20 && !(await next.evaluate((el) => el === document.activeElement)); t++) await page.keyboard.press('Tab');
		await expect(next).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeFocused();
	await expect(page.getByText(`${quiz.questions.length} of ${quiz.questions.length} questions fully right.`)).toBeVisible();
});

test('feedback is announced through a live region', async ({ page }) => {
	await start(page, SEED);
	await answer(page, quiz, first, false);
	await expect(page.getByRole('status', { name: 'Quiz announcements' })).toHaveText(/^Not quite\. The right answer: /);
});

test('moving a claim of an order question says where the claim now stands', async ({ page, context }) => {
	await start(page, SEED);
	await answer(page, quiz, first, true);
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	// Straight to the order question: the place the browser keeps, moved on to it.
	const at = quiz.questions.findIndex((q) => q.type === 'order');
	const kept = (await context.cookies()).find((c) => c.name === 'whosays_place')!;
	const place = { ...JSON.parse(decodeURIComponent(kept.value)), s: 'answering', n: 1, i: at, d: null };
	await context.addCookies([{ ...kept, value: encodeURIComponent(JSON.stringify(place)) }]);
	await page.reload();
	await expect(page.getByRole('heading', { name: `Question ${at + 1} of ${quiz.questions.length}` })).toBeVisible();
	await expect(page.getByText(/^Tip: press/)).toBeVisible();

	const list = page.getByRole('list', { name: 'Claims in order' });
	const claims = await list.getByRole('listitem').count();
	const down = list.getByRole('listitem').first().getByRole('button', { name: /^Move down/ });
	const name = (await down.textContent())!.replace(/^Move down:\s*/, '');
	await down.click();
	await expect(page.getByRole('status').filter({ hasText: 'moved to place' })).toHaveText(`“${name}” moved to place 2 of ${claims}.`);
});

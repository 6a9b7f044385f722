/**
 * The quiz before and without the page's script: every step is a plain form
 * the server runs through the same machine. On school Wi-Fi the page arrives
 * long before its script, and some devices block scripts altogether.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { isolate } from '../src/lib/quiz/text.ts';
import { answerAll, classQuiz, closeClass, createAssignment } from './assignments.ts';
import { answer, EASTFIELD, escapeRegExp, expectNoAxeViolations, marks } from './helpers.ts';
import { ClassMember } from './teacher.ts';

const total = classQuiz.questions.length;
const rightUnless = (...wrong: number[]) => classQuiz.questions.map((_, i) => !wrong.includes(i));

async function noScript(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	return context.newPage();
}

/**
 * axe runs as a script, which a page without scripts cannot run: the same page,
 * with the same cookies, is opened where only the page's own scripts are
 * blocked, so it shows exactly the no-script state, and scanned there.
 */
async function expectNoAxeViolationsWithoutScripts(page: Page) {
	const context = await page.context().browser()!.newContext();
	await context.addCookies(await page.context().cookies());
	const copy = await context.newPage();
	await copy.route('**/*.js', (route) => route.abort());
	await copy.goto(page.url());
	await expectNoAxeViolations(copy);
	await context.close();
}

test('open practice, practice mode, without scripts: feedback with the cue lit up, the summary and a review', async ({ browser }) => {
	test.setTimeout(150_000);
	const page = await noScript(browser);
	await page.goto(`/quiz/${EASTFIELD}`);
	await expectNoAxeViolationsWithoutScripts(page);
	await page.getByRole('radio', { name: /^Practice/ }).check();
	const plan = rightUnless(0);
	for (const [i, q] of classQuiz.questions.entries()) {
		const heading = page.getByRole('heading', { name: `Question ${i + 1} of ${total}` });
		// Question 1 is open under the intro; each page a step leads to focuses its heading.
		if (i === 0) await expect(heading).toBeVisible();
		else await expect(heading).toBeFocused();
		if (i === 0) await expectNoAxeViolationsWithoutScripts(page);
		await answer(page, classQuiz, q, plan[i]);
		await expect(page.getByRole('heading', { name: plan[i] ? 'Correct' : /Not quite|Partly right/ })).toBeFocused();
		await expect(page.getByText(q.explanation, { exact: true })).toBeVisible();
		if (i === 0 && q.type === 'classify') {
			// The cue is lit up in the article itself, rendered by the server.
			await expect(marks(page.getByRole('region', { name: 'The article' })).filter({ hasText: new RegExp(`^${escapeRegExp(q.cues[0]!)}$`) })).toHaveCount(1);
			await expectNoAxeViolationsWithoutScripts(page);
		}
		await page.getByRole('button', { name: i === total - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeFocused();
	await expect(page.getByText(`${total - 1} of ${total} questions fully right.`)).toBeVisible();
	await expectNoAxeViolationsWithoutScripts(page);
	await page.getByRole('button', { name: 'Review every answer' }).click();
	await expect(page.getByRole('heading', { name: `Review: question 1 of ${total}` })).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Review: question 2 of ${total}` })).toBeVisible();
	await expectNoAxeViolationsWithoutScripts(page);
	await page.getByRole('button', { name: 'Back to results' }).click();
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await page.context().close();
});

test('open practice, test mode, without scripts: no feedback until the end, then every verdict', async ({ browser }) => {
	test.setTimeout(150_000);
	const page = await noScript(browser);
	await page.goto(`/quiz/${EASTFIELD}`);
	await page.getByRole('radio', { name: /^Test/ }).check();
	const plan = rightUnless(1, 2);
	for (const [i, q] of classQuiz.questions.entries()) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of ${total}` })).toBeVisible();
		// An answer given moves on to the next question, which is not told that something is missing.
		await expect(page.getByRole('status').filter({ hasText: /^(Choose one of the .* first|Mark at least one word first)\.$/ })).toHaveCount(0);
		if (q.type === 'order') {
			// A claim moved comes back with focus on the button pressed, to move it on from there; at the end, on its other one.
			const claim = page.getByRole('list', { name: 'Claims in order' }).getByRole('listitem').first();
			const quote = (await claim.locator('blockquote').textContent())!;
			const moved = page.getByRole('listitem').filter({ hasText: quote });
			await claim.getByRole('button', { name: /^Move down/ }).click();
			for (let at = 1; at < q.items.length - 1; at++) {
				await expect(moved.getByRole('button', { name: /^Move down/ })).toBeFocused();
				await page.keyboard.press('Enter');
			}
			await expect(moved.getByRole('button', { name: /^Move up/ })).toBeFocused();
			await expect(page.getByRole('listitem').last()).toContainText(quote);
		}
		await answer(page, classQuiz, q, plan[i]);
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await expect(page.getByText(`${total - 2} of ${total} questions fully right.`)).toBeVisible();
	await page.context().close();
});

test('pressing Check with nothing chosen, without scripts, says what is missing and loses nothing', async ({ browser }) => {
	const page = await noScript(browser);
	await page.goto(`/quiz/${EASTFIELD}`);
	const cue = classQuiz.questions.findIndex((q) => q.type === 'cue');
	for (const q of classQuiz.questions.slice(0, cue)) {
		await answer(page, classQuiz, q, true);
		await page.getByRole('button', { name: 'Next question' }).click();
	}
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Mark at least one word first.' })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Question ${cue + 1} of ${total}` })).toBeVisible();
	await page.context().close();
});

for (const mode of ['Practice', 'Test'] as const) {
	test(`an assignment in ${mode.toLowerCase()} mode, played without scripts, reaches the teacher's dashboard`, async ({ page, browser }) => {
		test.setTimeout(150_000);
		const created = await createAssignment(page, { title: `No script, ${mode}`, mode });
		const student = await noScript(browser);
		await student.goto(created.studentUrl);
		await student.getByLabel('Your first name or a nickname').fill('Lina');
		await student.getByRole('button', { name: 'Start' }).click();
		const plan = rightUnless(3);
		await answerAll(student, plan, { practice: mode === 'Practice' });
		await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
		await expect(student.getByText(`${total - 1} of ${total} questions fully right.`)).toBeVisible();
		await expectNoAxeViolationsWithoutScripts(student);
		// A reload keeps the results; the class link opens a fresh join form for the next student.
		await student.reload();
		await expect(student.getByText(`${total - 1} of ${total} questions fully right.`)).toBeVisible();
		const next = await student.context().newPage();
		await next.goto(created.studentUrl);
		await expect(next.getByLabel('Your first name or a nickname')).toBeVisible();
		await student.getByRole('button', { name: 'Review every answer' }).click();
		await expect(student.getByRole('heading', { name: `Review: question 1 of ${total}` })).toBeVisible();
		await student.reload();
		await expect(student.getByRole('heading', { name: `Review: question 1 of ${total}` })).toBeVisible();
		// Nothing of the attempt stays on the class link, and nothing at the results outlives the browser.
		const kept = (await student.context().cookies()).filter((c) => c.name === 'whosays_attempt' || c.name === 'whosays_place');
		const results = `${new URL(created.studentUrl).pathname}/done`;
		expect(kept.map((c) => [c.name, c.path, c.expires]).sort()).toEqual([
			['whosays_attempt', results, -1],
			['whosays_place', results, -1]
		]);
		await page.reload();
		const percent = Math.round(((total - 1) / total) * 100);
		await expect(page.getByRole('region', { name: 'Students' }).getByRole('row', { name: new RegExp(`^Lina Finished ${total} of ${total} ${percent}%`) })).toBeVisible();
		await student.context().close();
	});
}

test("the teacher's pages without scripts: links to copy by hand, no button that cannot work, the discussion stepped by links, forms as plain posts", async ({ page, browser, playwright }) => {
	const created = await createAssignment(page, { title: 'No script, teacher', mode: 'Practice' });
	const student = await ClassMember.join(playwright.request, created.studentUrl, 'Ines');
	await student.answerAll([false]);
	const teacher = await noScript(browser);
	await teacher.goto(created.manageUrl);
	await expect(teacher.getByRole('heading', { level: 1, name: 'No script, teacher' })).toBeVisible();
	await expect(teacher.getByLabel('Student link', { exact: true })).toHaveValue(created.studentUrl);
	// Copy and Print work only through the script: where it cannot run, they are not offered.
	await expect(teacher.getByRole('button', { name: 'Copy' })).toHaveCount(0);
	await expect(teacher.getByRole('button', { name: 'Print the class report' })).toHaveCount(0);
	await expect(teacher.getByRole('link', { name: 'Download results (CSV)' })).toBeVisible();
	await expectNoAxeViolationsWithoutScripts(teacher);

	await teacher.getByRole('link', { name: 'Discuss question 1', exact: true }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: 'Question 1', exact: true })).toBeVisible();
	await expect(teacher.getByRole('list', { name: "The class's answers" })).toHaveCount(0);
	await teacher.getByRole('link', { name: "Show the class's answers" }).click();
	await expect(teacher.getByRole('list', { name: "The class's answers" }).getByRole('listitem').filter({ hasText: '1 of 1' })).toHaveCount(1);
	await teacher.getByRole('link', { name: 'Show the explanation' }).click();
	const first = classQuiz.questions[0]!;
	await expect(teacher.getByText(first.explanation, { exact: true })).toBeVisible();
	await expectNoAxeViolationsWithoutScripts(teacher);

	// The dashboard's forms work as plain posts: a student renamed, then the assignment closed.
	await teacher.goto(created.dashboardUrl);
	await teacher.getByRole('row', { name: /^Ines / }).locator('summary').click();
	// A refused name comes back in the field, marked and tied to the message.
	await teacher.getByLabel('New name for Ines').fill('Ines, B');
	await teacher.getByRole('button', { name: 'Rename Ines' }).click();
	await expect(teacher.getByLabel('New name for Ines')).toHaveValue('Ines, B');
	await expect(teacher.getByLabel('New name for Ines')).toHaveAccessibleDescription("Use only letters, digits, spaces and the signs . - ' in a student's name");
	await teacher.getByLabel('New name for Ines').fill('Ines B');
	await teacher.getByRole('button', { name: 'Rename Ines' }).click();
	await expect(teacher.getByText(`Renamed to ${isolate('Ines B')}.`)).toBeVisible();
	await closeClass(teacher);
	// Without the script's time zone, a new class's times are read in the server's, and the form says which.
	await teacher.goto(new URL('/teach', created.dashboardUrl).href);
	await expect(teacher.getByText(/^Times are read in this server’s time zone \(.+\)\.$/)).toBeVisible();
	await teacher.context().close();
	await student.leave();
});

test('with the script held back, Start and a label picked before it arrives count, and the run ends as a normal one', async ({ page }) => {
	test.setTimeout(150_000);
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/assets/island-*.js', async (route) => {
		await held;
		await route.continue();
	});
	// Module scripts delay the load event, so wait only for the page itself.
	await page.goto(`/quiz/${EASTFIELD}`, { waitUntil: 'commit' });
	await page.getByRole('radio', { name: /^Test/ }).check();
	const first = classQuiz.questions[0]!;
	await expect(page.getByRole('heading', { name: `Question 1 of ${total}` })).toBeVisible();
	if (first.type !== 'classify') throw new Error('the quiz is expected to open with a classify question');
	const label = classQuiz.categories.find((c) => c.id === first.answer)!.label;
	const pick = page.getByRole('radio', { name: new RegExp(`^\\d?\\s*${escapeRegExp(label)}`) });
	await pick.check();
	release();
	// The script arrives: the choice is still there, and the page now works in place.
	await expect(page.getByText(/^Tip: press 1/)).toBeVisible();
	await expect(pick).toBeChecked();
	await expect(page.getByRole('radio', { name: /^Test/ })).toBeChecked();
	const plan = rightUnless(5);
	await answer(page, classQuiz, first, true);
	await answerAll(page, plan, { from: 1 });
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await expect(page.getByText(`${total - 1} of ${total} questions fully right.`)).toBeVisible();
});

test('without scripts too, a tab left open on an attempt this browser has since left cannot step the next student\'s', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'No script, two tabs', mode: 'Test' });
	const annTab = await noScript(browser);
	await annTab.goto(created.studentUrl);
	await annTab.getByLabel('Your first name or a nickname').fill('Ann');
	await annTab.getByRole('button', { name: 'Start' }).click();
	await answerAll(annTab, rightUnless(), { to: 1 });

	// Ben, in a second tab, leaves Ann's attempt and joins; Ann's tab still shows her question 2.
	const benTab = await annTab.context().newPage();
	await benTab.goto(created.studentUrl);
	await benTab.getByRole('button', { name: 'Not Ann? Leave this attempt' }).click();
	await benTab.getByLabel('Your first name or a nickname').fill('Ben');
	await benTab.getByRole('button', { name: 'Start' }).click();
	await expect(benTab.getByRole('heading', { name: `Question 1 of ${total}` })).toBeVisible();

	await answer(annTab, classQuiz, classQuiz.questions[1]!);
	await expect(annTab.getByRole('heading', { name: 'That did not work' })).toBeVisible();
	await expect(annTab.getByText(/^This browser has left the attempt on this page/)).toBeVisible();

	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	await expect(students.getByRole('row', { name: /^Ann Answering 1 of / })).toBeVisible();
	await expect(students.getByRole('row', { name: /^Ben (Answering|Joined, no answers yet) 0 of / })).toBeVisible();
	await annTab.context().close();
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import { createAssignment, join } from './assignments.ts';
import { ClassMember, expectNoAxeViolationsInBothSchemes } from './teacher.ts';

/** A datetime-local value `minutesAhead` from now, in the browser's own time zone. */
const localTime = (page: Page, minutesAhead: number) =>
	page.evaluate((ahead) => {
		const d = new Date(Date.now() + ahead * 60_000);
		const two = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
	}, minutesAhead);


test('"Your assignments" lists the classes this browser manages, and only this browser', async ({ page, browser, playwright }) => {
	const first = await createAssignment(page, { title: 'Period 1, library', mode: 'Practice' });
	const second = await createAssignment(page, { title: 'Period 2, library', mode: 'Test' });
	const student = await ClassMember.join(playwright.request, first.studentUrl, 'Ana');
	await student.leave();

	await page.goto('/teach');
	const yours = page.getByRole('region', { name: 'Your assignments' });
	await expect(yours.getByRole('listitem')).toHaveCount(2);
	// Newest first, each with what a teacher tells classes apart by.
	await expect(yours.getByRole('listitem').first()).toContainText('Period 2, library');
	await expect(yours.getByRole('listitem').filter({ hasText: 'Period 1, library' })).toContainText('open · 1 student · created');
	await expect(page.getByRole('button', { name: 'Create the assignment' })).toBeVisible();
	await expectNoAxeViolationsInBothSchemes(page);

	// Another browser manages nothing here, and is not shown this one's classes.
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto('/teach');
	await expect(stranger.getByRole('heading', { name: 'Assign a quiz to your class' })).toBeVisible();
	await expect(stranger.getByRole('region', { name: 'Your assignments' })).toHaveCount(0);
	await stranger.context().close();

	await yours.getByRole('link', { name: 'Period 1, library' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Period 1, library' })).toBeVisible();
	expect(page.url()).toBe(first.dashboardUrl);

	// A deleted class leaves the list, with a word that it is gone.
	await page.goto(second.dashboardUrl);
	await page.getByLabel('Yes, delete every answer').check();
	await page.getByRole('button', { name: 'Delete the assignment' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'have been deleted' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Your assignments' }).getByRole('listitem')).toHaveText([/^Period 1, library/]);
});

test('a replaced manage link stops working at once: the old link finds nothing, another browser is shut out, this one stays', async ({
	page,
	browser
}) => {
	const created = await createAssignment(page, { title: 'Leaked link', mode: 'Practice' });
	const oldToken = created.manageUrl.split('/m/')[1]!;

	// Someone else opened the dashboard with the link, and has it open, live.
	const other = await browser.newContext();
	const elsewhere = await other.newPage();
	await elsewhere.goto(created.manageUrl);
	await expect(elsewhere.getByRole('heading', { level: 1, name: 'Leaked link' })).toBeVisible();
	await expect(elsewhere.getByText(/^Live: updates by itself/)).toBeVisible();

	await page.getByRole('button', { name: 'Replace the manage link' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Save your new manage link' })).toBeVisible();
	const newUrl = await page.getByLabel('Manage link', { exact: true }).inputValue();
	expect(newUrl).not.toBe(created.manageUrl);
	// Shown on a page of its own, never beside what the class can see.
	await expect(page.getByLabel('Student link', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
	await expectNoAxeViolationsInBothSchemes(page);

	// The other browser's open dashboard is shut out by itself, and cannot be opened again there.
	await expect(elsewhere.getByText(/^This dashboard opens with the manage link/)).toBeVisible();
	await expect(elsewhere.getByRole('heading', { level: 1, name: 'Leaked link' })).toHaveCount(0);
	expect((await elsewhere.goto(created.dashboardUrl))?.status()).toBe(403);
	// Nor can it fetch the figures the dashboard polls for.
	expect((await elsewhere.request.get(`${created.dashboardUrl}/figures`)).status()).toBe(403);
	// The old link opens nothing, in any browser.
	const fresh = await browser.newContext();
	const someone = await fresh.newPage();
	expect((await someone.goto(created.manageUrl))?.status()).toBe(404);
	expect((await elsewhere.goto(created.manageUrl))?.status()).toBe(404);
	// It says why, on the site's own page, and what to do.
	await expect(elsewhere.getByText(/^This manage link does not work\. It may have been replaced by a newer one/)).toBeVisible();
	await expect(elsewhere.getByRole('link', { name: 'Who Says?' })).toBeVisible();
	await expect(elsewhere.getByRole('link', { name: 'Assign a quiz' })).toHaveAttribute('href', '/teach');
	await expectNoAxeViolationsInBothSchemes(elsewhere);

	// This browser stays in; the new link works elsewhere; the link is not shown again.
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Leaked link' })).toBeVisible();
	await someone.goto(newUrl);
	await expect(someone.getByRole('heading', { level: 1, name: 'Leaked link' })).toBeVisible();
	await page.goto(`${created.dashboardUrl}/link`);
	await expect(page.getByRole('heading', { level: 1, name: 'The manage link was shown once' })).toBeVisible();
	const html = await page.content();
	expect(html).not.toContain(newUrl.split('/m/')[1]!);
	expect(html).not.toContain(oldToken);
	await other.close();
	await fresh.close();
});

test('the new-assignment form keeps what the teacher typed through a reload, and starts fresh once the assignment is made', async ({ page }) => {
	await page.goto('/teach');
	const quiz = page.getByLabel('Quiz', { exact: true });
	const title = page.getByLabel(/Title students see/);
	const attempts = page.getByLabel('Attempts each student may start');
	const second = await quiz.locator('option').nth(1).getAttribute('value');
	await quiz.selectOption(second!);
	await title.fill('Period 3');
	await page.getByRole('radio', { name: /^Test/ }).check();
	await page.getByRole('radio', { name: 'Shuffled for each student' }).check();
	await attempts.fill('3');

	await page.reload();
	await expect(title).toHaveValue('Period 3');
	await expect(quiz).toHaveValue(second!);
	await expect(page.getByRole('radio', { name: /^Test/ })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Shuffled for each student' })).toBeChecked();
	await expect(attempts).toHaveValue('3');

	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Save your manage link' })).toBeVisible();
	await page.goto('/teach');
	await expect(page.getByRole('heading', { name: 'Assign a quiz to your class' })).toBeVisible();
	await expect(title).toHaveValue('');
	await expect(page.getByRole('radio', { name: /^Practice/ })).toBeChecked();
	await expect(attempts).toHaveValue('1');
});

test('a refused create form names the field in its own words, puts the focus there, and catches a date typed without its time', async ({ page }) => {
	await page.goto('/teach');
	const attempts = page.getByLabel('Attempts each student may start');
	await attempts.fill('-1');
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByText('The number of attempts cannot be negative (0 means unlimited)')).toBeVisible();
	await expect(attempts).toBeFocused();
	await expect(attempts).toHaveAccessibleDescription(/The number of attempts cannot be negative/);

	await attempts.fill('1');
	// A date alone: the browser would send the field empty, and the class would never close.
	const closes = page.getByLabel(/^Closes/);
	await closes.click();
	await page.keyboard.type('12042030');
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByText('Type the time as well as the date, or clear the field.')).toBeVisible();
	await expect(closes).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Assign a quiz to your class' })).toBeVisible();
});

test('a class set to open later says when, in words and on the teacher’s clock, to the teacher and to a student, in no time zone but their own', async ({ page, browser }) => {
	await page.goto('/teach');
	await page.getByLabel(/Title students see/).fill('Opens on Thursday');
	// Two days and an hour from now, typed as the teacher's clock shows it.
	const { opens, weekday, clock } = await page.evaluate(() => {
		const d = new Date(Date.now() + (49 * 60 + 1) * 60_000);
		const two = (n: number) => String(n).padStart(2, '0');
		return {
			opens: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`,
			weekday: d.toLocaleDateString(undefined, { weekday: 'long' }),
			clock: d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })
		};
	});
	await page.getByLabel(/^Opens/).fill(opens);
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Opens on Thursday' })).toBeVisible();
	// With the clock time as the teacher's browser shows it, to check against what they typed.
	await expect(page.getByText(/^Not open yet: opens in 2 days and 1 hour \(/)).toHaveText(new RegExp(` \\(${weekday}\\b.* ${clock}\\)$`));
	const studentUrl = await page.getByLabel('Student link', { exact: true }).inputValue();

	const student = await (await browser.newContext()).newPage();
	// The student's clock, to let two days pass while they wait on the page.
	await student.clock.install();
	await student.goto(studentUrl);
	const waiting = student.getByText(/^This assignment opens in/);
	await expect(waiting).toHaveText(
		new RegExp(`^This assignment opens in 2 days and 1 hour \\(${weekday}\\b.* ${clock}\\)\\. Keep this page open: it lets you in when the assignment opens\\.$`)
	);
	// The words keep up with the time while the student waits; the page asks the server again once the class opens.
	await student.clock.fastForward('01:00:00');
	await expect(waiting).toContainText('opens in 2 days (');
	const asked = student.waitForRequest((request) => request.isNavigationRequest() && request.url() === studentUrl);
	await student.clock.fastForward('48:02:00');
	await student.clock.runFor(3_000);
	await asked;
	// The server's clock has not moved: it still says two days and an hour, and the page waits again.
	await expect(waiting).toContainText('opens in 2 days and 1 hour (');
	await student.context().close();

	const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await noScript.goto(studentUrl);
	await expect(noScript.getByText(/^This assignment opens in/)).toHaveText('This assignment opens in 2 days and 1 hour. Come back then, and reload this page.');
	await noScript.context().close();
});

test('a teacher opens a class early and moves its closing time, with a clear word for a time already past', async ({ page, browser }) => {
	await page.goto('/teach');
	await page.getByLabel(/Title students see/).fill('Ready early');
	const inBrowser = (minutesAhead: number) => localTime(page, minutesAhead);
	await page.getByLabel(/^Opens/).fill(await inBrowser(2 * 24 * 60 + 2));
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	const standing = page.locator('strong').filter({ hasText: /^(Not open yet|Open|Closed)/ });
	await expect(standing).toContainText('Not open yet: opens in 2 days');
	await expectNoAxeViolationsInBothSchemes(page);
	const studentUrl = await page.getByLabel('Student link', { exact: true }).inputValue();
	const student = await (await browser.newContext()).newPage();
	await student.clock.install();
	await student.goto(studentUrl);
	await expect(student.getByText(/^This assignment opens in 2 days/)).toBeVisible();

	await page.getByRole('button', { name: 'Open it now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The assignment is open: students can join now.' })).toBeFocused();
	await expect(standing).toHaveText('Open');
	// The student waiting on the page is let in within the minute, with nothing pressed.
	await student.clock.fastForward('01:05');
	await expect(student.getByLabel('Your first name or a nickname')).toBeVisible();

	const closes = page.getByLabel('Closes', { exact: true });
	await closes.fill(await inBrowser(-5));
	await page.getByRole('button', { name: 'Save the closing time' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'The closing time has already passed; choose a later one' })).toBeVisible();
	await expect(closes).toHaveAttribute('aria-invalid', 'true');
	await expect(standing).toHaveText('Open');

	await closes.fill(await inBrowser(3 * 60 + 2));
	await page.getByRole('button', { name: 'Save the closing time' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The closing time is changed.' })).toBeFocused();
	await expect(standing).toContainText('Open: closes in 3 hours');
	await join(student, studentUrl, 'Noor');

	await closes.fill('');
	await page.getByRole('button', { name: 'Save the closing time' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The assignment now stays open until you close it.' })).toBeFocused();
	await expect(standing).toHaveText('Open');
	await student.context().close();
});

test('the closing-time form shows only what its last save did: an error takes the place of a success, and a success of an error', async ({ page }) => {
	const created = await createAssignment(page, { title: 'One message at a time', mode: 'Practice' });
	const inBrowser = (minutesAhead: number) => localTime(page, minutesAhead);
	const closes = page.getByLabel('Closes', { exact: true });
	const save = page.getByRole('button', { name: 'Save the closing time' });
	const changed = page.getByRole('status').filter({ hasText: 'The closing time is changed.' });
	const halfTyped = page.getByRole('alert').filter({ hasText: 'Type the time as well as the date, or clear the field.' });
	const passed = page.getByRole('alert').filter({ hasText: 'The closing time has already passed; choose a later one' });
	const offline = page.getByRole('alert').filter({ hasText: 'The server could not be reached.' });

	/** Saves a closing time `minutesAhead` from now: `shown` takes the place of `gone`. */
	const saveShows = async (minutesAhead: number, shown: Locator, gone: Locator) => {
		await closes.fill(await inBrowser(minutesAhead));
		await save.click();
		await expect(shown).toBeVisible();
		await expect(gone).toBeHidden();
	};

	await closes.fill(await inBrowser(3 * 60));
	await save.click();
	await expect(changed).toBeVisible();
	// A date without its time never reaches the server; the success before it is over all the same.
	await closes.fill('');
	await closes.click();
	await page.keyboard.type('12042030');
	await save.click();
	await expect(halfTyped).toBeVisible();
	await expect(changed).toBeHidden();

	await saveShows(4 * 60, changed, halfTyped);
	await saveShows(-5, passed, changed);
	await saveShows(5 * 60, changed, passed);
	// The connection drops as the next time is sent.
	await page.route(
		(url) => url.href === `${created.dashboardUrl}?/closing`,
		(route) => route.abort('internetdisconnected')
	);
	await saveShows(6 * 60, offline, changed);
});

test.describe('a teacher whose clocks change between today and the class', () => {
	test.use({ timezoneId: 'Europe/Paris' });

	test('a time typed on the far side of a clock change keeps the hour the teacher typed', async ({ page }) => {
		await page.goto('/teach');
		// The first day at least a week past the next clock change, within the year a class may be set ahead.
		const day = await page.evaluate(() => {
			const at = (days: number) => {
				const d = new Date();
				d.setDate(d.getDate() + days);
				d.setHours(9, 0, 0, 0);
				return d;
			};
			let days = 1;
			while (at(days).getTimezoneOffset() === new Date().getTimezoneOffset()) days++;
			const d = at(days + 7);
			const two = (n: number) => String(n).padStart(2, '0');
			return { date: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`, weekday: d.toLocaleDateString('en-US', { weekday: 'long' }) };
		});
		await page.getByLabel(/Title students see/).fill('After the clocks change');
		await page.getByLabel(/^Opens/).fill(`${day.date}T09:00`);
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await page.getByRole('link', { name: 'Go to the dashboard' }).click();
		const standing = page.locator('strong').filter({ hasText: /^(Not open yet|Open|Closed)/ });
		await expect(standing).toContainText(new RegExp(`\\(${day.weekday}, .* at 9:00 AM\\)$`));

		await page.getByRole('button', { name: 'Open it now' }).click();
		await expect(standing).toHaveText('Open');
		await page.getByLabel('Closes', { exact: true }).fill(`${day.date}T17:30`);
		await page.getByRole('button', { name: 'Save the closing time' }).click();
		await expect(standing).toContainText(new RegExp(`^Open: closes in .*\\(${day.weekday}, .* at 5:30 PM\\)$`));
	});
});

test('a manage form the connection drops says so beside its own button, where a teacher on a phone is looking', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const created = await createAssignment(page, { title: 'Dropped on the way', mode: 'Practice' });
	const offline = page.getByRole('alert').filter({ hasText: 'The server could not be reached.' });
	const forms: [action: string, confirm: string | null, button: string][] = [
		['close', 'Yes, close it for good', 'Close the assignment'],
		['newLink', null, 'Replace the manage link'],
		['delete', 'Yes, delete every answer', 'Delete the assignment']
	];
	for (const [action, confirm, button] of forms) {
		await page.route(
			(url) => url.href === `${created.dashboardUrl}?/${action}`,
			(route) => route.abort('internetdisconnected')
		);
		if (confirm) await page.getByLabel(confirm).check();
		const pressed = page.getByRole('button', { name: button });
		await pressed.click();
		// One message, in the form of the button pressed and on screen: not at the top of the section, out of sight
		// (waited for there, so the message of the form pressed before cannot stand in for it).
		const mine = page.locator('form').filter({ has: pressed }).getByRole('alert');
		await expect(mine).toHaveText(/^The server could not be reached\./);
		await expect(offline).toHaveCount(1);
		await expect(mine).toBeInViewport();
		const [message, at] = await Promise.all([mine.boundingBox(), pressed.boundingBox()]);
		expect(Math.abs(message!.y - at!.y)).toBeLessThan(100);
		if (confirm) await page.getByLabel(confirm).uncheck();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Dropped on the way' })).toBeVisible();
});

test('Copy says what it did each time it is pressed, so a screen reader hears it again', async ({ page }) => {
	await createAssignment(page, { title: 'Copy twice', mode: 'Practice' });
	const copy = page.getByRole('button', { name: 'Copy student link', exact: true });
	const said = page.getByRole('status').filter({ hasText: /^Student link (copied\.|selected: press Ctrl\+C)/ });
	await copy.click();
	await expect(said).toBeVisible();
	// What a screen reader hears: words put anew into the live region.
	await said.evaluate((region) => {
		const w = window as unknown as { told: number };
		w.told = 0;
		new MutationObserver((records) => (w.told += records.filter((r) => r.addedNodes.length > 0).length)).observe(region, { childList: true, subtree: true });
	});
	await copy.click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { told: number }).told)).toBeGreaterThan(0);
	await expect(said).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { isolate } from '../src/lib/quiz/text.ts';
import { classQuiz, createAssignment } from './assignments.ts';
import { ClassMember } from './teacher.ts';

const total = classQuiz.questions.length;

/** Counts what would betray a reload or a poll: a navigation of the page, or a fetch of its data. */
function watchReloads(page: Page) {
	let reloads = 0;
	let polls = 0;
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) reloads++;
	});
	page.on('request', (request) => {
		if (request.url().includes('__data.json')) polls++;
	});
	return { reloads: () => reloads, polls: () => polls };
}

// How soon each arrives is measured by `npm run bench` (a timed wait here would fail on a busy machine, not on a slow product).
test("a student's join, answer and finish reach the open dashboard by themselves: no reload, no poll", async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Live, period 5', mode: 'Practice' });
	await expect(page.getByText(/^Live: updates by itself/)).toBeVisible();
	const seen = watchReloads(page);
	const students = page.getByRole('region', { name: 'Students' });

	const zed = await ClassMember.join(playwright.request, created.studentUrl, 'Zed');
	await expect(students.getByRole('row', { name: /^Zed Joined, no answers yet 0 of / })).toBeVisible();
	await expect(page.getByText('1 joined · 0 finished · 0 answering · 1 with no answers yet')).toBeVisible();

	await zed.answer(classQuiz.questions[0]!, true);
	await expect(students.getByRole('row', { name: new RegExp(`^Zed Answering 1 of ${total} `) })).toBeVisible();
	await expect(page.getByText('1 joined · 0 finished · 1 answering')).toBeVisible();

	await zed.answerAll(classQuiz.questions.map(() => true));
	await zed.finish();
	await expect(students.getByRole('row', { name: new RegExp(`^Zed Finished ${total} of ${total} 100%`) })).toBeVisible();
	await expect(page.getByRole('figure', { name: /^Share right per question/ }).getByRole('listitem').first()).toContainText('100% right (1 of 1)');
	expect({ reloads: seen.reloads(), polls: seen.polls() }).toEqual({ reloads: 0, polls: 0 });
	await zed.leave();
});

test('a rename being typed stays open, with its text and focus, while the class answers', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Live, period 6', mode: 'Practice' });
	await expect(page.getByText(/^Live: updates by itself/)).toBeVisible();
	const students = page.getByRole('region', { name: 'Students' });
	const yara = await ClassMember.join(playwright.request, created.studentUrl, 'Yara');
	const xavi = await ClassMember.join(playwright.request, created.studentUrl, 'Xavi');
	await expect(students.getByRole('row', { name: /^Xavi Joined, no answers yet / })).toBeVisible();

	await students.getByRole('row', { name: /^Yara / }).locator('summary').click();
	const field = page.getByLabel('New name for Yara');
	await field.pressSequentially('Yar');
	await xavi.answer(classQuiz.questions[0]!, true);
	await expect(students.getByRole('row', { name: new RegExp(`^Xavi Answering 1 of ${total} `) })).toBeVisible();
	await expect(field).toBeVisible();
	await expect(field).toBeFocused();
	await page.keyboard.type('a M.');
	// The connection drops as the teacher presses Enter: the row says so, beside the form, and keeps what was typed.
	await page.context().setOffline(true);
	await page.keyboard.press('Enter');
	await expect(students.getByRole('row', { name: /^Yara / }).getByRole('alert')).toHaveText(/^The server could not be reached\./);
	await expect(field).toHaveValue('Yara M.');
	await page.context().setOffline(false);
	await field.press('Enter');
	await expect(students.getByRole('row', { name: /^Yara M\. / })).toBeVisible();
	// One full stop, the name's own.
	await expect(page.getByText(`Renamed to ${isolate('Yara M.')}`, { exact: true })).toBeVisible();
	// A keyboard user carries on from what happened, not from the top of the page.
	await expect(page.getByText(`Renamed to ${isolate('Yara M.')}`, { exact: true })).toBeFocused();
	await yara.leave();
	await xavi.leave();
});

test('while the live stream is down the dashboard polls, and it goes live again when the stream is back', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Flaky network', mode: 'Practice' });
	await expect(page.getByText(/^Live: updates by itself/)).toBeVisible();

	// The stream cannot connect (a proxy that drops it, say): the page says so and keeps the figures fresh by polling.
	await page.route('**/live', (route) => route.abort('connectionreset'));
	await page.reload();
	await expect(page.getByText(/^The live connection dropped/)).toBeVisible();
	const amy = await ClassMember.join(playwright.request, created.studentUrl, 'Amy');
	await amy.answer(classQuiz.questions[0]!, false);
	await expect(page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /^Amy Answering 1 of / })).toBeVisible();

	await page.unroute('**/live');
	await expect(page.getByText(/^Live: updates by itself/)).toBeVisible();
	await amy.answer(classQuiz.questions[1]!, true);
	await expect(page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /^Amy Answering 2 of / })).toBeVisible();
	await amy.leave();
});

test('a dropped network leaves the projected dashboard up, says so, and it catches up when the network is back', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Wifi blip', mode: 'Practice' });
	// The stream cannot connect, so the page polls; then this computer's network drops altogether.
	await page.route('**/live', (route) => route.abort('connectionreset'));
	await page.reload();
	await expect(page.getByText(/^The live connection dropped/)).toBeVisible();
	await page.context().setOffline(true);
	await expect(page.getByText(/^Cannot reach the server: these figures are from .+\. Trying again every few seconds\.$/)).toBeVisible();
	// Still the dashboard, not an error page in front of the class.
	await expect(page.getByRole('heading', { name: 'Wifi blip', level: 1 })).toBeVisible();
	await expect(page.getByText('No students have joined yet.', { exact: false })).toBeVisible();

	const amy = await ClassMember.join(playwright.request, created.studentUrl, 'Amy');
	await amy.answer(classQuiz.questions[0]!, true);
	await page.context().setOffline(false);
	await expect(page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /^Amy Answering 1 of / })).toBeVisible();
	await expect(page.getByText(/^The live connection dropped/)).toBeVisible();
	await amy.leave();
});

test('a right-to-left name keeps its own order on the dashboard, its full stop included', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Names in every script', mode: 'Practice' });
	// A Hebrew first name and last initial, as the join form suggests when a name is taken.
	const name = 'דנה ר.';
	const dana = await ClassMember.join(playwright.request, created.studentUrl, name);
	const link = page.getByRole('region', { name: 'Students' }).getByRole('link', { name });
	await expect(link).toBeVisible();
	// Read right to left, the name starts at its right-hand end and its full stop ends it on the left,
	// though the table around it runs left to right.
	const [first, stop] = await link.evaluate((a) => {
		const text = [...a.querySelectorAll('*'), a].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
		const x = (at: number) => {
			const range = document.createRange();
			range.setStart(text, at);
			range.setEnd(text, at + 1);
			return range.getBoundingClientRect().x;
		};
		return [x(0), x(text.textContent!.length - 1)];
	});
	expect(stop).toBeLessThan(first);
	await dana.leave();
});

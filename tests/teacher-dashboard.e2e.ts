import { expect, test, type Locator, type Page } from '@playwright/test';
import { isolate } from '../src/lib/quiz/text.ts';
import { classQuiz, closeClass, createAssignment } from './assignments.ts';
import { expectNoHorizontalScroll, label } from './helpers.ts';
import { ClassMember, expectNoAxeViolationsInBothSchemes, tableCells } from './teacher.ts';

const total = classQuiz.questions.length;
const wrongAt = (...indexes: number[]) => classQuiz.questions.map((_, i) => !indexes.includes(i));

/** A class of four: three finished (100%, two wrong, three wrong), one halfway through. */
async function seedClass(page: Page, title: string) {
	const created = await createAssignment(page, { title, mode: 'Test' });
	const plans: [string, boolean[], boolean][] = [
		['Ana', wrongAt(), true],
		['Ben', wrongAt(0, 3), true],
		['Cleo', wrongAt(0, 1, 3), true],
		['Dan', wrongAt(0).slice(0, 5), false]
	];
	return { created, plans };
}

test('the dashboard draws the class, and every chart says in words what the tables say', async ({ page, playwright }) => {
	const { created, plans } = await seedClass(page, 'Charts, period 4');
	for (const [name, plan, finish] of plans) {
		const student = await ClassMember.join(playwright.request, created.studentUrl, name);
		await student.answerAll(plan);
		if (finish) await student.finish();
		await student.leave();
	}
	await page.reload();
	await expect(page.getByText('4 joined · 3 finished · 1 answering')).toBeVisible();

	// Bars: one per question, the most missed first, each saying what the Questions table says.
	const rows = await tableCells(page.getByRole('region', { name: 'Questions' }).getByRole('table'));
	expect(rows).toHaveLength(total);
	const bars = page.getByRole('figure', { name: 'Share right per question, the most missed first' }).getByRole('listitem');
	await expect(bars).toHaveCount(total);
	const barTexts = await bars.allInnerTexts();
	const shares: number[] = [];
	for (const text of barTexts) {
		const [, n, percent, correct, answered] = /^Q(\d+) [\s\S]*?(\d+)% right \((\d+) of (\d+)\)$/.exec(text.replace(/\s+/g, ' ').trim())!;
		const row = rows.find((r) => r[0] === n)!;
		expect(row[2], `question ${n}`).toBe(`${percent}% (${correct} of ${answered})`);
		shares.push(Number(percent));
	}
	expect(shares).toEqual([...shares].sort((a, b) => a - b));
	// The first claim, missed by three of four, leads.
	expect(barTexts[0]).toMatch(/^Q1 /);

	// The spread of scores: its description counts the finished rows of the Students table by band.
	const students = await tableCells(page.getByRole('region', { name: 'Students' }).getByRole('table'));
	const finished = students.filter((r) => r[1] === 'Finished').map((r) => Number(r[3]!.replace('%', '')));
	expect(finished).toHaveLength(3);
	const bands = [
		[0, 19],
		[20, 39],
		[40, 59],
		[60, 79],
		[80, 100]
	].map(([from, to]) => {
		const n = finished.filter((p) => p >= from! && p <= to!).length;
		return `${from}–${to}%: ${n} ${n === 1 ? 'student' : 'students'}`;
	});
	const spread = page.getByRole('img', { name: 'Scores of the 3 students who finished' });
	await expect(spread).toHaveAccessibleDescription(bands.join('; '));

	// The main mix-ups, in words, each linked to its claim, agree with the table's most common wrong answer.
	const mixups = page.getByRole('list', { name: "The class's main mix-ups" }).getByRole('listitem');
	const first = classQuiz.questions[0]!;
	const wrongLabel = label(classQuiz, classQuiz.categories.find((c) => c.id !== (first.type === 'classify' ? first.answer : ''))!.id);
	await expect(mixups.first()).toContainText(`3 of 4 read`);
	await expect(mixups.first()).toContainText(`(Q1) as “${wrongLabel}”`);
	expect(rows[0]![3]).toBe(`${wrongLabel} (3)`);
	await mixups.first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Question 1', exact: true })).toBeVisible();
	await page.goBack();

	// The heatmap is the confusion matrix itself: a number in every cell.
	const matrix = page.getByRole('region', { name: 'Confusion matrix' });
	await expect(matrix.getByRole('row', { name: /^Was: Confirmed fact/ })).toBeVisible();

	await expectNoAxeViolationsInBothSchemes(page);
	await page.setViewportSize({ width: 320, height: 640 });
	await expectNoHorizontalScroll(page);
	await expectNoAxeViolationsInBothSchemes(page);
});

test('the class report prints without the controls, the link, or the QR code', async ({ page, playwright }) => {
	const { created } = await seedClass(page, 'Printed report');
	const student = await ClassMember.join(playwright.request, created.studentUrl, 'Eve');
	await student.answerAll(wrongAt(2));
	await student.finish();
	// A name of one long word, which a table cell cannot break by itself.
	const long = await ClassMember.join(playwright.request, created.studentUrl, 'Maximilianawilhelminaconstantinopolis');
	await long.answerAll(wrongAt(1));
	await long.finish();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Print the class report' })).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	for (const gone of [
		page.getByRole('button', { name: 'Delete the assignment' }),
		page.getByRole('img', { name: /QR code/ }),
		page.getByLabel('Student link', { exact: true }),
		page.getByRole('navigation', { name: 'Site' }),
		page.getByText('Change', { exact: true })
	])
		await expect(gone).toBeHidden();
	for (const kept of ['Students', 'Questions', 'Confusion matrix']) await expect(page.getByRole('region', { name: kept })).toBeVisible();
	await expect(page.getByRole('img', { name: 'Scores of the 2 students who finished' })).toBeVisible();
	await expect(page.getByRole('row', { name: /^Eve Finished/ })).toBeVisible();
	// On A4 paper (about 700 px wide inside its margins) every column of the students' table is on the page.
	await page.setViewportSize({ width: 700, height: 1000 });
	const table = page.getByRole('region', { name: 'Students' }).getByRole('table');
	const [right, pageWidth] = await table.evaluate((t) => [t.getBoundingClientRect().right, document.documentElement.clientWidth]);
	expect(right).toBeLessThanOrEqual(pageWidth);
	// A question's number of two digits stays whole, "10" and not "1" over "0", and "(1 of 2)" stays on one line.
	const tenth = page.getByRole('region', { name: 'Questions' }).getByRole('row', { name: /^10 / });
	const lines = (cell: Locator) =>
		cell.evaluate((el) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
		});
	expect(await lines(tenth.getByRole('cell').first())).toBe(1);
	expect(await lines(tenth.getByText(/^\(\d+ of \d+\)$/))).toBe(1);
	await long.leave();
});

test('a retake under way keeps the best finished score in sight, and closing leaves a student who never answered "Joined, no answers yet", not 0%', async ({
	page,
	playwright
}) => {
	const created = await createAssignment(page, { title: 'Retakes, period 5', mode: 'Test', attempts: 2 });
	const first = await ClassMember.join(playwright.request, created.studentUrl, 'Eli');
	await first.answerAll(wrongAt(0));
	await first.finish();
	await first.leave();
	const retake = await ClassMember.join(playwright.request, created.studentUrl, 'Eli');
	await retake.answerAll(wrongAt().slice(0, 2));
	const zed = await ClassMember.join(playwright.request, created.studentUrl, 'Zed');
	const best = Math.round(((total - 1) / total) * 100);

	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	await expect(students.getByRole('row', { name: new RegExp(`^Eli \\(2 attempts\\) Answering 2 of ${total} 2 pts so far · best finished ${best}%`) })).toBeVisible();
	// The class figures keep Eli's finished score while the retake runs.
	await expect(page.getByText(`2 joined · 1 finished (1 retaking) · 0 answering · 1 with no answers yet · class average ${best}%`)).toBeVisible();
	await expect(page.getByRole('img', { name: 'Scores of the 1 student who finished' })).toBeVisible();

	await closeClass(page);
	await expect(page.getByRole('status').filter({ hasText: 'The assignment is closed.' })).toBeFocused();
	await expect(page.getByText('Closed: no more answers come in.')).toBeVisible();
	// Nothing left to join: the code and link to share are gone.
	await expect(page.getByLabel('Student link', { exact: true })).toHaveCount(0);
	await page.reload();
	await expect(students.getByRole('row', { name: new RegExp(`^Zed Joined, no answers yet 0 of ${total} No score yet`) })).toBeVisible();
	// Eli's retake counts, a worse score than the first: the row keeps the best in sight, as the CSV does.
	await expect(students.getByRole('row', { name: new RegExp(`^Eli.* Finished 2 of ${total} 13% · best finished ${best}%`) })).toBeVisible();
	// Zed's never-started attempt is out of the average: Eli's 2 of 16 alone.
	await expect(page.getByText('2 joined · 1 finished · 0 answering · 1 with no answers yet · class average 13%')).toBeVisible();
	for (const s of [retake, zed]) await s.leave();
});

test('a refused rename marks the name field, ties it to the message, keeps what was typed and takes focus there', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Renames, period 2', mode: 'Practice' });
	const members = await Promise.all(['Ana-María', 'Bo'].map((name) => ClassMember.join(playwright.request, created.studentUrl, name)));
	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	const bo = students.getByRole('row', { name: /^Bo / });
	await bo.locator('summary').click();
	const field = page.getByLabel('New name for Bo');
	for (const [typed, message] of [
		// The message names the student who has the name, as the class list shows it.
		['Ana-Maria', `Another student in this class is already called ${isolate('Ana-María')}`],
		['Bo, Jr', "Use only letters, digits, spaces and the signs . - ' in a student's name"]
	]) {
		await field.fill(typed!);
		await field.press('Enter');
		await expect(bo.getByRole('alert')).toHaveText(message!);
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveAccessibleDescription(message!);
		await expect(field).toBeFocused();
		await expect(field).toHaveValue(typed!);
	}
	for (const member of members) await member.leave();
});

test('on a phone the students table says it scrolls sideways, and the keyboard scrolls it to the last column', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Phones, period 3', mode: 'Practice' });
	const ana = await ClassMember.join(playwright.request, created.studentUrl, 'Ana');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	const hint = 'Scroll sideways for more columns';
	await expect(students).toHaveAccessibleDescription(hint);
	await expect(page.getByText(hint).first()).toBeVisible();
	const change = students.getByText('Change Ana');
	await expect(change).not.toBeInViewport();
	await students.focus();
	// Arrow keys scroll the focused region a step at a time, as far as its last column.
	const inView = () => change.evaluate((node) => node.getBoundingClientRect().right <= window.innerWidth);
	for (let i = 0; i < 40 && !(await inView()); i++) await page.keyboard.press('ArrowRight');
	await expect(change).toBeInViewport();
	await expectNoAxeViolationsInBothSchemes(page);
	// Wide enough for every column: no hint.
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(students).toHaveAccessibleDescription('');
	await expect(page.getByText(hint)).toHaveCount(0);
	await ana.leave();
});

test('a question asking for a label and its cue words says when the class chose the right label but missed the cue words', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Cue words, period 1', mode: 'Practice' });
	const question = classQuiz.questions[0]!;
	if (question.type !== 'classify' || !question.cite) throw new Error('The first question asks for a label and its cue words');
	for (const name of ['Ana', 'Ben', 'Cleo', 'Dan']) {
		const student = await ClassMember.join(playwright.request, created.studentUrl, name);
		await student.answer(question, { type: 'classify', category: question.answer, marked: [] });
		await student.leave();
	}
	await page.reload();
	const rows = await tableCells(page.getByRole('region', { name: 'Questions' }).getByRole('table'));
	expect(rows[0]!.slice(2, 4)).toEqual(['0% (0 of 4)', 'Right label, missed cue words (4)']);
});

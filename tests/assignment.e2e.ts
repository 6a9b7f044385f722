import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { isolate } from '../src/lib/quiz/text.ts';
import { answerAll, classQuiz, closeClass, createAssignment, join, recordBodies, secretsOf } from './assignments.ts';
import { answer, EASTFIELD, expectNoAxeViolations, expectNoHorizontalScroll, label, start } from './helpers.ts';
import { ClassMember } from './teacher.ts';

const total = classQuiz.questions.length;
const wrongAt = (...indexes: number[]) => classQuiz.questions.map((_, i) => !indexes.includes(i));

/** Which questions each student gets right, by index. */
const plans: Record<string, boolean[]> = { Ana: wrongAt(), Ben: wrongAt(0, 3), Cleo: wrongAt(1) };
const percent = (plan: boolean[]) => Math.round((plan.filter(Boolean).length / total) * 100);

/** The rows of a CSV export, split into cells (the export quotes no cell these journeys produce). */
function csvRows(text: string): Record<string, string>[] {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const [header, ...lines] = text.slice(1).trim().split(/\r\n/).map((line) => line.split(','));
	return lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

test('a class of three at once, one offline for a while and one reloading: the dashboard and CSV show exactly their results', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const created = await createAssignment(page, { title: 'Library closure, period 2', mode: 'Test' });

	const run = async (name: string, twist: (student: Page) => Promise<void>) => {
		const context = await browser.newContext();
		const student = await context.newPage();
		await join(student, created.studentUrl, name);
		await twist(student);
		await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
		// Nothing of the attempt is left for the next student on this Chromebook, but the results address.
		expect(await student.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('whosays:')))).toEqual([]);
		const attemptCookies = (await context.cookies()).filter((c) => c.name === 'whosays_attempt');
		expect(attemptCookies.map((c) => [c.path, c.expires])).toEqual([[new URL(created.studentUrl).pathname + '/done', -1]]);
		await context.close();
	};

	await Promise.all([
		run('Ana', (s) => answerAll(s, plans.Ana!)),
		run('Ben', async (s) => {
			await answerAll(s, plans.Ben!, { to: 1 });
			await s.context().setOffline(true);
			await answerAll(s, plans.Ben!, { from: 1, to: 3 });
			await expect(s.getByRole('status').filter({ hasText: 'You are offline' })).toContainText('answers saved in this browser');
			// Back online, the browser sends what it kept at once.
			await s.context().setOffline(false);
			await expect(s.getByRole('status').filter({ hasText: 'All answers saved' })).toBeVisible();
			await answerAll(s, plans.Ben!, { from: 3 });
		}),
		run('Cleo', async (s) => {
			await answerAll(s, plans.Cleo!, { to: 2 });
			await s.reload();
			await answerAll(s, plans.Cleo!, { from: 2 });
		})
	]);

	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	for (const [name, plan] of Object.entries(plans)) {
		await expect(students.getByRole('row', { name: new RegExp(`^${name} Finished ${total} of ${total} ${percent(plan)}%`) })).toBeVisible();
	}
	await expect(page.getByText('3 joined · 3 finished · 0 answering')).toBeVisible();
	const questions = page.getByRole('region', { name: 'Questions' });
	await expect(questions.getByRole('row').nth(1)).toContainText('67% (2 of 3)');
	// Ben's wrong answer to the first claim is the first other label.
	await expect(questions.getByRole('row').nth(1)).toContainText(`${label(classQuiz, 'named-claim')} (1)`);
	const matrix = page.getByRole('region', { name: 'Confusion matrix' });
	// Two claims are confirmed facts; of the six answers to them, Ben's one went to "named".
	await expect(matrix.getByRole('row', { name: /^Was: Confirmed fact/ })).toHaveText(/Was: Confirmed fact\s*5\s*1\s*0\s*0/);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download results (CSV)' }).click();
	const rows = csvRows(readFileSync((await (await download).path())!, 'utf8'));
	expect(rows).toHaveLength(3);
	for (const [name, plan] of Object.entries(plans)) {
		const row = rows.find((r) => r.Name === name);
		expect(row, name).toBeDefined();
		expect(row!['Score (%)'], name).toBe(String(percent(plan)));
		expect(row!.Status, name).toBe('Finished');
		// One column per question: Ben's first answer scored nothing, everyone else's full marks.
		expect(row![`Q1 ${classQuiz.questions[0]!.id}`], name).toBe(name === 'Ben' ? '0' : '1');
	}
});

test('Back after a few answers shows the question the student is on, and keeps their place', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Back button', mode: 'Test' });
	const student = await (await browser.newContext()).newPage();
	await join(student, created.studentUrl, 'Theo');
	await answerAll(student, classQuiz.questions.map(() => true), { to: 3 });
	const total = classQuiz.questions.length;
	await expect(student.getByRole('heading', { name: `Question 4 of ${total}` })).toBeVisible();
	await expect(student.getByText('All answers saved')).toBeVisible();
	await student.goBack();
	await expect(student.getByRole('heading', { name: `Question 4 of ${total}` })).toBeVisible();
	await student.reload();
	await expect(student.getByRole('heading', { name: `Question 4 of ${total}` })).toBeVisible();
	await student.context().close();
});

test('when the teacher closes a test mid-way, the next answer stops the quiz and says why, and the results say what went unanswered', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Closed mid-test', mode: 'Test' });
	const student = await (await browser.newContext()).newPage();
	// Each step has one h1 for a screen reader to start from: the quiz's title.
	const h1 = student.getByRole('heading', { level: 1 });
	await join(student, created.studentUrl, 'Ulla');
	await expect(h1).toHaveAccessibleName(classQuiz.title);
	const plan = classQuiz.questions.map(() => true);
	await answerAll(student, plan, { to: 2 });
	await expect(student.getByText('All answers saved')).toBeVisible();
	await expect(h1).toHaveAccessibleName(classQuiz.title);
	// Three more answers while the Wi-Fi is down: kept in the browser, to be sent when it returns.
	await student.context().setOffline(true);
	await answerAll(student, plan, { from: 2, to: 5 });
	await expect(student.getByRole('status').filter({ hasText: 'You are offline.' })).toContainText('3 answers saved in this browser will be sent when the connection returns.');
	await closeClass(page);
	await student.context().setOffline(false);
	const ended = student.getByRole('alert').filter({ hasText: 'Your answers can no longer be saved' });
	// The three waiting were refused: the page says so, and calls saved only the two the server had.
	await expect(ended).toContainText('This assignment has closed, so it takes no more answers.');
	await expect(ended).toContainText('The 3 answers waiting to be sent could not be saved. Your answers before them are saved.');
	await expect(ended).not.toContainText('before this one');
	// The question the student was on is gone: focus goes to what took its place, not to the top of the page.
	await expect(ended.getByRole('heading', { name: 'Your answers can no longer be saved' })).toBeFocused();
	await expect(student.getByRole('heading', { name: /^Question \d+ of/ })).toHaveCount(0);
	await expect(h1).toHaveAccessibleName(classQuiz.title);
	// Reloaded, the results count the two answers saved, and say why the rest are missing.
	await student.reload();
	await expect(student).toHaveURL(/\/done$/);
	await expect(student.getByText(`2 of ${total} questions fully right.`)).toBeVisible();
	await expect(student.getByText(`You answered 2 of ${total} questions before this assignment ended. The ${total - 2} you did not answer score nothing.`)).toBeVisible();
	await expect(h1).toHaveAccessibleName(classQuiz.title);
	await student.context().close();
});

test('practice mode: the server sends each verdict only after its question is answered (answer-key canary)', async ({ browser, page }) => {
	test.setTimeout(90_000);
	const created = await createAssignment(page, { title: 'Canary practice', mode: 'Practice' });
	const context = await browser.newContext();
	const student = await context.newPage();
	const received = recordBodies(student);
	const missing: string[] = [];
	student.on('response', (r) => void (r.status() >= 400 && missing.push(`${r.status()} ${new URL(r.url()).pathname}`)));

	await join(student, created.studentUrl, 'Dev');
	expect(await received.leaked(classQuiz.questions.flatMap(secretsOf))).toEqual([]);
	for (const [i, q] of classQuiz.questions.entries()) {
		await answer(student, classQuiz, q, i % 2 === 0);
		await expect(student.getByRole('heading', { name: /^(Correct|Not quite|Partly right)/ })).toBeVisible();
		await expect(student.getByText(q.explanation)).toBeVisible();
		const later = classQuiz.questions.slice(i + 1).flatMap(secretsOf);
		expect(await received.leaked(later), `after answering ${q.id}`).toEqual([]);
		await student.getByRole('button', { name: i === total - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	// The results took a new address without a page load: what the page refers to is still found from there.
	await expect(student).toHaveURL(/\/done$/);
	const icon = await student.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href);
	expect(icon).toBe(new URL('/favicon.svg', created.studentUrl).href);
	expect(missing).toEqual([]);
	await context.close();
});

test('test mode: nothing of the answer key reaches the browser before the attempt is finished', async ({ browser, page }) => {
	test.setTimeout(90_000);
	const created = await createAssignment(page, { title: 'Canary test', mode: 'Test' });
	const context = await browser.newContext();
	const student = await context.newPage();
	const received = recordBodies(student);
	await join(student, created.studentUrl, 'Eli');
	await answerAll(student, wrongAt(), { to: total - 1 });
	expect(await received.leaked(classQuiz.questions.flatMap(secretsOf))).toEqual([]);
	await answerAll(student, wrongAt(), { from: total - 1 });
	await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	// Finishing reveals the explanations, which shows the check above could see them.
	expect(await received.leaked([classQuiz.questions[0]!.explanation])).toHaveLength(1);
	await context.close();
});

test('a closed assignment and an unknown code each get a friendly page', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Soon closed', mode: 'Practice' });
	// Closing is for good: unconfirmed, it says so and leaves the class open.
	await page.getByRole('button', { name: 'Close the assignment' }).click();
	await expect(page.getByRole('alert')).toHaveText(/^Tick the box to confirm: closing ends every attempt under way/);
	await expect(page.getByText(/Open$|Closed/).first()).not.toContainText('Closed');
	await closeClass(page);

	const student = await (await browser.newContext()).newPage();
	await student.goto(created.studentUrl);
	await expect(student.getByRole('status')).toContainText('This assignment is closed');
	await expectNoAxeViolations(student);

	const response = await student.goto('/a/ZZZ-ZZZ');
	expect(response?.status()).toBe(404);
	await expect(student.getByRole('heading', { level: 1, name: 'No class has this code' })).toBeVisible();
	await expect(student.getByLabel('Have a class code?')).toHaveValue('ZZZ-ZZZ');
	await expect(student.getByRole('link', { name: 'See all quizzes' })).toBeVisible();
	// The box to type the code again is right there.
	await expectNoAxeViolations(student);
	// A class link with a broken escape ("%ff" is no character): said in words, with the same box.
	expect((await student.goto('/a/%ff'))?.status()).toBe(400);
	await expect(student.getByText('This address is broken: part of it cannot be read. Check that it was copied whole')).toBeVisible();
	await expect(student.getByText('Malformed URI')).toHaveCount(0);
	// The address the page posts answers to, opened as a page: the class's own page, not "method not allowed".
	await student.goto(`${created.studentUrl}/answer`);
	await expect(student).toHaveURL(created.studentUrl);
	await expect(student.getByRole('status')).toContainText('This assignment is closed');
	await student.goto('/a/%ff');
	await student.getByLabel('Have a class code?').fill(new URL(created.studentUrl).pathname.slice(3).toLowerCase());
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('status')).toContainText('This assignment is closed');
});

test('after the class closes, a student who finished finds their results from the class link', async ({ page, browser }) => {
	test.setTimeout(90_000);
	const created = await createAssignment(page, { title: 'Finished, then closed', mode: 'Practice' });
	const student = await (await browser.newContext()).newPage();
	await join(student, created.studentUrl, 'Pia');
	await answerAll(student, wrongAt(0), { practice: true });
	await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await closeClass(page);
	await expect(page.getByText('Closed: students see their results from the class link')).toBeVisible();

	await student.goto(created.studentUrl);
	await expect(student.getByRole('status')).toContainText('This assignment is closed');
	await student.getByRole('link', { name: 'See your results' }).click();
	await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await student.context().close();
});

test('a name is required, with a clear message, and kept when the form comes back', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Names', mode: 'Practice' });
	const student = await (await browser.newContext()).newPage();
	await student.goto(created.studentUrl);
	await student.getByRole('button', { name: 'Start' }).click();
	await expect(student.getByRole('alert')).toHaveText('Type your name, the way your teacher knows you');
	// The refusal is a new page: focus is on the field to mend, not at the top of the page.
	await expect(student.getByLabel('Your first name or a nickname')).toBeFocused();
	await student.getByLabel('Your first name or a nickname').fill('<b>Zoë</b>');
	await student.getByRole('button', { name: 'Start' }).click();
	await expect(student.getByRole('alert')).toContainText('Use only letters, digits, spaces');
	await expect(student.getByLabel('Your first name or a nickname')).toHaveValue('<b>Zoë</b>');
	await expect(student.getByLabel('Your first name or a nickname')).toBeFocused();
	await expectNoAxeViolations(student);
});

test('"Not you? Leave this attempt" leaves nothing of it in the browser, and warns first what leaving costs, answers not yet sent included', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Shared Chromebook', mode: 'Test' });
	const context = await browser.newContext();
	const student = await context.newPage();
	const stored = () => student.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('whosays:')));
	await join(student, created.studentUrl, 'Ivo');
	await answerAll(student, wrongAt(), { to: 1 });
	// The first answer has reached the server before the connection drops, as the page says.
	await expect(student.getByRole('status').filter({ hasText: 'All answers saved' })).toBeVisible();
	await context.setOffline(true);
	await answerAll(student, wrongAt(), { from: 1, to: 2 });
	expect(await stored()).not.toEqual([]);

	const leave = student.getByRole('button', { name: 'Not Ivo? Leave this attempt' });
	await leave.click();
	// Ivo himself may be pressing it: the name stays his, and only the teacher can let him back in.
	await expect(student.getByRole('alert')).toContainText('If you are Ivo, stay: to get back into it you would need your teacher to let you in.');
	await expect(student.getByRole('alert')).toContainText("1 answer of Ivo's has not reached the teacher yet, and would be lost.");
	await expect(student.getByRole('heading', { name: /^Question \d+ of/ })).toBeVisible();
	await context.setOffline(false);
	await leave.click();
	await expect(student.getByLabel('Your first name or a nickname')).toBeVisible();
	expect(await stored()).toEqual([]);
	expect((await context.cookies()).filter((c) => c.name === 'whosays_attempt')).toEqual([]);
	await context.close();
});

test('a tab left open on an attempt this browser has since left cannot write into the next student\'s', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Two tabs, two students', mode: 'Test' });
	const context = await browser.newContext();
	const annTab = await context.newPage();
	await join(annTab, created.studentUrl, 'Ann');
	await answerAll(annTab, wrongAt(), { to: 1 });
	await expect(annTab.getByRole('status').filter({ hasText: 'All answers saved' })).toBeVisible();

	// Ben, in a second tab of the same Chromebook, leaves Ann's attempt and joins; Ann's tab stays open.
	const benTab = await context.newPage();
	await benTab.goto(created.studentUrl);
	const leave = benTab.getByRole('button', { name: 'Not Ann? Leave this attempt' });
	await leave.click();
	await expect(benTab.getByRole('alert')).toContainText('If you are Ann, stay');
	await leave.click();
	await join(benTab, created.studentUrl, 'Ben');

	// Ann answers on in her tab: the answer is refused with the reason, not filed under Ben.
	await answerAll(annTab, wrongAt(), { from: 1, to: 2 });
	await expect(annTab.getByRole('heading', { name: 'Your answers can no longer be saved' })).toBeFocused();
	await expect(annTab.getByText(/This browser has left the attempt on this page/)).toBeVisible();
	await expect(annTab.getByText(/ask your teacher to let you back in/)).toBeVisible();

	await page.goto(created.dashboardUrl);
	const students = page.getByRole('region', { name: 'Students' });
	await expect(students.getByRole('row', { name: /^Ann Answering 1 of / })).toBeVisible();
	await expect(students.getByRole('row', { name: /^Ben (Answering|Joined, no answers yet) 0 of / })).toBeVisible();
	// Ben's own first answer is his, and stands.
	await answerAll(benTab, wrongAt(), { to: 1 });
	await expect(benTab.getByRole('status').filter({ hasText: 'All answers saved' })).toBeVisible();
	await page.reload();
	await expect(students.getByRole('row', { name: /^Ben Answering 1 of / })).toBeVisible();
	await context.close();
});

test('practice mode: a question answered first in another tab says that answer is the one that counts, not the one given here', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Practice in two tabs', mode: 'Practice' });
	const context = await browser.newContext();
	const first = await context.newPage();
	await join(first, created.studentUrl, 'Lea');
	const second = await context.newPage();
	await second.goto(created.studentUrl);
	await expect(second.getByRole('heading', { name: `Question 1 of ${total}` })).toBeVisible();
	// Named-source claim in the first tab, then Confirmed fact, the right label, in the second.
	await answer(first, classQuiz, classQuiz.questions[0]!, false);
	await expect(first.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await expect(first.getByText(/another tab/)).toHaveCount(0);
	await answer(second, classQuiz, classQuiz.questions[0]!, true);
	await expect(second.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await expect(second.getByRole('definition').first()).toHaveText('Named-source claim');
	await expect(second.getByText('This question was answered first in another tab or on another device')).toContainText(
		'the first answer is the one that counts, so this feedback is on it, not on the answer you gave here.'
	);
	await context.close();
});

test('finished results stay on a reload in their tab, while the class link opens a fresh join form for the next student', async ({ page, browser }) => {
	test.setTimeout(90_000);
	const created = await createAssignment(page, { title: 'Results on a shared Chromebook', mode: 'Test' });
	const context = await browser.newContext();
	const student = await context.newPage();
	await join(student, created.studentUrl, 'Mia');
	// The class open in a second tab too, left on question 1.
	const other = await context.newPage();
	await other.goto(created.studentUrl);
	await expect(other.getByRole('heading', { name: `Question 1 of ${total}` })).toBeVisible();
	await answerAll(student, wrongAt(2));
	const results = student.getByRole('heading', { name: 'Your results', exact: true });
	const score = student.getByText(`${total - 1} of ${total} questions fully right.`);
	await expect(results).toBeVisible();
	// An answer in the other tab is refused, saying the attempt may have been finished in another tab, with the way to its results.
	await answer(other, classQuiz, classQuiz.questions[0]!, true);
	await expect(other.getByRole('heading', { name: 'Your answers can no longer be saved' })).toBeFocused();
	await expect(other.getByText(/it may have been finished in another tab, or moved to another device\./)).toBeVisible();
	await other.getByRole('link', { name: 'See your results' }).click();
	await expect(other.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await expect(other.getByText(`${total - 1} of ${total} questions fully right.`)).toBeVisible();
	await other.close();
	// Finished, the bar asks Mia to leave, so the next student starts fresh.
	await expect(student.getByRole('button', { name: 'Done, Mia? Leave, so the next student starts fresh' })).toBeVisible();
	await student.reload();
	await expect(results).toBeVisible();
	await expect(score).toBeVisible();
	await expectNoAxeViolations(student);

	// The next student opens the class link in a new tab: a join form, nothing of Mia's.
	const next = await context.newPage();
	await next.goto(created.studentUrl);
	await expect(next.getByLabel('Your first name or a nickname')).toBeVisible();
	await expect(next.getByText('Mia')).toHaveCount(0);
	await next.close();

	// Leaving from the results forgets them here too.
	await student.getByRole('button', { name: 'Done, Mia? Leave, so the next student starts fresh' }).click();
	await expect(student.getByLabel('Your first name or a nickname')).toBeVisible();
	await student.goBack();
	await expect(student.getByLabel('Your first name or a nickname')).toBeVisible();
	await expect(results).toHaveCount(0);
	expect((await context.cookies()).filter((c) => c.name === 'whosays_attempt')).toEqual([]);
	await context.close();
});

test('Start pressed twice, the first answer lost: the second press gets the attempt the first made, not a name clash', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Double start', mode: 'Practice' });
	const origin = new URL(created.studentUrl).origin;
	const browserLike = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin, accept: 'text/html' } });
	const form = await (await browserLike.get(created.studentUrl)).text();
	const joinKey = /name="joinKey" value="([^"]+)"/.exec(form)?.[1];
	expect(joinKey, 'the join form carries its key').toBeTruthy();
	// The first press reaches the server, but its answer, with the cookie, never reaches the browser.
	const lost = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin, accept: 'text/html' } });
	const first = await lost.post(`${created.studentUrl}?/join`, { form: { displayName: 'Pam', joinKey: joinKey! }, maxRedirects: 0 });
	expect(first.status()).toBe(303);
	const second = await browserLike.post(`${created.studentUrl}?/join`, { form: { displayName: 'Pam', joinKey: joinKey! }, maxRedirects: 0 });
	expect(second.status()).toBe(303);
	expect(await (await browserLike.get(created.studentUrl)).text()).toContain('Question 1 of');
	// Anyone else typing Pam, with a form of their own, is still told the name is taken.
	const other = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin, accept: 'text/html' } });
	const otherKey = /name="joinKey" value="([^"]+)"/.exec(await (await other.get(created.studentUrl)).text())![1]!;
	const clash = await other.post(`${created.studentUrl}?/join`, { form: { displayName: 'Pam', joinKey: otherKey }, maxRedirects: 0 });
	expect(clash.status()).toBe(409);
	for (const c of [browserLike, lost, other]) await c.dispose();
});


test('in a shuffled assignment the review pairs each question with its own answer and explanation, in the order the student met them', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const created = await createAssignment(page, { title: 'Shuffled review', mode: 'Test', shuffle: true });
	const context = await browser.newContext();
	const student = await context.newPage();
	await join(student, created.studentUrl, 'Sol');
	/**
	 * The question in a form on screen, told by what only it shows: its options, its claims, its words or its
	 * claim. A choice question may quote a claim a classify question has too, so the claims are tried last.
	 */
	const byClaimLast = classQuiz.questions.toSorted((a, b) => Number(a.type === 'classify') - Number(b.type === 'classify'));
	const shown = async (form: ReturnType<Page['getByRole']>) => {
		for (const q of byClaimLast) {
			const own =
				q.type === 'choice'
					? form.getByRole('radio', { name: q.options[0]!.text })
					: q.type === 'order'
						? form.getByRole('list', { name: 'Claims in order' })
						: q.type === 'cue'
							? form.getByRole('group', { name: /mark the ones that tell you/ })
							: form.getByText(q.quote, { exact: true });
			if ((await own.count()) > 0) return q;
		}
		throw new Error('no question of the quiz is on screen');
	};
	// Wrong once, on the first question met away from its place in the file.
	const met: { id: string; right: boolean }[] = [];
	for (let i = 0; i < total; i++) {
		// Question 1 is in the intro's form; each later one in a form of its own, replaced as a whole.
		const heading = student.getByRole('heading', { name: `Question ${i + 1} of ${total}` });
		await expect(heading).toBeVisible();
		const form = student.getByRole('form').filter({ has: heading });
		const q = await shown(form);
		const right = met.every((m) => m.right) && classQuiz.questions.indexOf(q) !== i ? false : true;
		met.push({ id: q.id, right });
		await answer(student, classQuiz, q, right);
	}
	expect(met.filter((m) => !m.right)).toHaveLength(1);

	await student.getByRole('button', { name: 'Review every answer' }).click();
	for (const [i, m] of met.entries()) {
		const q = classQuiz.questions.find((x) => x.id === m.id)!;
		await expect(student.getByRole('heading', { name: `Review: question ${i + 1} of ${total}` })).toBeVisible();
		// The claim and the question asked over the verdict are this question's, not the file's question at this place.
		if (q.type !== 'order' && q.quote) await expect(student.getByRole('blockquote').first()).toHaveText(q.quote);
		else await expect(student.getByText(q.prompt!, { exact: true })).toBeVisible();
		await expect(student.getByText(q.explanation, { exact: true })).toBeVisible();
		await expect(student.getByRole('heading', { name: m.right ? 'Correct' : 'Not quite' })).toBeVisible();
		if (i < total - 1) await student.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await context.close();
});

test('practice mode without a connection says at once, in one message, that feedback waits for it, and gives it once back, for the answer checked', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Practice on a patchy network', mode: 'Practice' });
	const context = await browser.newContext();
	const student = await context.newPage();
	await join(student, created.studentUrl, 'Noor');
	await context.setOffline(true);
	const first = classQuiz.questions[0]!;
	await answer(student, classQuiz, first, true);
	await expect(student.getByText(/could not be checked/)).toContainText('Your answer is kept, and checked as soon as you are back online.');
	// One message says what is kept and what comes once back online: the save bar does not say it a second time.
	await expect(student.getByRole('status').filter({ hasText: /offline|connection/ })).toHaveCount(1);
	await expect(student.getByText(/saved in this browser/)).toHaveCount(0);
	await expect(student.getByRole('button', { name: 'Check' })).toBeEnabled();
	// A second thought, not checked: the server gets the answer checked, and its verdict is what shows.
	await student.getByRole('radio', { name: /^\d?\s*Anonymous-source claim/ }).check();
	await context.setOffline(false);
	await expect(student.getByRole('heading', { name: 'Correct' })).toBeVisible();
	// "Your answer:" names the label checked, not the one chosen since.
	await expect(student.getByRole('definition').first()).toHaveText('Confirmed fact');
	await expect(student.getByText(/could not be checked/)).toHaveCount(0);
	await expect(student.getByRole('status').filter({ hasText: 'All answers saved' })).toBeVisible();
	// Online, but the server answers 500: the text under the button agrees with the bar that the server is busy.
	await student.getByRole('button', { name: 'Next question' }).click();
	const answerUrl = `${created.studentUrl}/answer`;
	await student.route(answerUrl, (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"Please try again in a moment."}' }));
	await answer(student, classQuiz, classQuiz.questions[1]!, true);
	await expect(student.getByRole('status').filter({ hasText: 'The server is busy.' })).toContainText('1 answer saved in this browser will be sent in a moment.');
	await expect(student.getByRole('button', { name: 'Check' })).toHaveAccessibleDescription('The server is busy: your answer is kept and checked in a moment.');
	await expect(student.getByText(/could not be checked|back online/)).toHaveCount(0);
	await student.unroute(answerUrl);
	await expect(student.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await context.close();
});

test('fair names: a look-alike cannot take a name under way; the teacher lets a student back in and renames a squatter', async ({ page, browser }) => {
	test.setTimeout(90_000);
	const created = await createAssignment(page, { title: 'Names are fair', mode: 'Practice' });
	const device = async () => (await browser.newContext()).newPage();

	const emma = await device();
	await join(emma, created.studentUrl, 'Emma');
	await answerAll(emma, wrongAt(), { to: 2, practice: true });

	// Another browser, the same name in disguise: a Cyrillic Е, an invisible mark.
	const squatter = await device();
	for (const lookAlike of ['Еmma', 'Em\u034Fma']) {
		await squatter.goto(created.studentUrl);
		await squatter.getByLabel('Your first name or a nickname').fill(lookAlike);
		await squatter.getByRole('button', { name: 'Start' }).click();
		await expect(squatter.getByRole('alert')).toContainText('Someone called');
		await expect(squatter.getByRole('alert')).toContainText('already answering in this class');
	}
	// A name of nothing but invisible filler is no name.
	await squatter.getByLabel('Your first name or a nickname').fill('\u3164\u3164');
	await squatter.getByRole('button', { name: 'Start' }).click();
	await expect(squatter.getByRole('alert')).toContainText('Type your name');
	await join(squatter, created.studentUrl, 'Emma R');

	// Emma moves to another Chromebook; the teacher lets her back in.
	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	const row = (name: string) => students.getByRole('row', { name: new RegExp(`^${name} (Answering|Joined, no answers yet|Finished)`) });
	await row('Emma').getByText('Change').click();
	await students.getByRole('button', { name: 'Let Emma back in' }).click();
	await expect(students.getByRole('status')).toContainText(`the next person to join as ${isolate('Emma')} continues`);
	const moved = await device();
	await moved.goto(created.studentUrl);
	await moved.getByLabel('Your first name or a nickname').fill('emma');
	await moved.getByRole('button', { name: 'Start' }).click();
	await expect(moved.getByRole('heading', { name: `Question 3 of ${total}` })).toBeVisible();
	// The first Chromebook, still on question 3, is told where the attempt went, and its key no longer opens it.
	await answer(emma, classQuiz, classQuiz.questions[2]!);
	await expect(emma.getByRole('heading', { name: 'Your answers can no longer be saved' })).toBeFocused();
	await expect(emma.getByText(/or moved to another device\./)).toBeVisible();
	await expect(emma.getByText(/could not be checked|back online/)).toHaveCount(0);
	// Nothing of the answer that was refused stays on this Chromebook for the next student to come across.
	expect(await emma.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('whosays:')))).toEqual([]);
	await emma.getByRole('link', { name: 'Open the class link' }).click();
	await expect(emma.getByLabel('Your first name or a nickname')).toBeVisible();
	await expect(emma.getByText(/^The attempt this browser had in this class is no longer here: it may have moved to another device\./)).toBeVisible();
	// Said once: the key is forgotten, so the next student on this Chromebook finds a plain form.
	await emma.reload();
	await expect(emma.getByLabel('Your first name or a nickname')).toBeVisible();
	await expect(emma.getByText(/is no longer here/)).toHaveCount(0);

	// The teacher renames "Emma R" after a word with her.
	await row('Emma R').getByText('Change').click();
	await students.getByLabel('New name for Emma R').fill('Emma Rossi');
	const rename = students.getByRole('button', { name: 'Rename Emma R', exact: true });
	await expect(rename).toHaveText('Rename Emma R');
	await rename.click();
	await page.reload();
	await expect(students.getByRole('row', { name: /^Emma Rossi / })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the teacher pages pass axe, and the manage link leaves no secret in the address bar', async ({ page, browser }) => {
	await page.goto('/teach');
	await expectNoAxeViolations(page);
	const created = await createAssignment(page, { title: 'Secret link', mode: 'Practice' });
	await expectNoAxeViolations(page);

	const other = await browser.newContext();
	const elsewhere = await other.newPage();
	const denied = await elsewhere.goto(created.dashboardUrl);
	expect(denied?.status()).toBe(403);
	const response = await elsewhere.goto(created.manageUrl);
	expect(elsewhere.url()).toBe(created.dashboardUrl);
	expect(elsewhere.url()).not.toContain(created.manageUrl.split('/m/')[1]!);
	const headers = response!.headers();
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['cache-control']).toBe('no-store');
	expect(headers['x-robots-tag']).toContain('noindex');
	expect((await other.cookies()).find((c) => c.name === 'whosays_teacher')).toMatchObject({ httpOnly: true });
	await expect(elsewhere.getByRole('heading', { level: 1, name: 'Secret link' })).toBeVisible();
	await other.close();
});

test('the manage link is shown once, on a page of its own: never beside the class code, never after a reload', async ({ page }) => {
	await page.goto('/teach');
	await page.getByLabel(/Title students see/).fill('Projected');
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Save your manage link' })).toBeVisible();
	const manageUrl = await page.getByLabel('Manage link', { exact: true }).inputValue();
	const token = manageUrl.split('/m/')[1]!;
	// Nothing a class could copy from the projector is on this page, and the class's code and QR code are not either.
	await expect(page.getByLabel('Student link', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'The manage link was shown once' })).toBeVisible();
	expect(await page.content()).not.toContain(token);
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Projected' })).toBeVisible();
	await expect(page.getByLabel('Student link', { exact: true })).toBeVisible();
	expect(await page.content()).not.toContain(token);
	await page.reload();
	expect(await page.content()).not.toContain(token);
});

test('a browser that manages many classes holds one teacher cookie, not one per class', async ({ page, context }) => {
	test.setTimeout(90_000);
	for (const title of ['Period 1', 'Period 2', 'Period 3']) await createAssignment(page, { title, mode: 'Practice' });
	const cookies = await context.cookies();
	expect(cookies.filter((c) => c.name.startsWith('whosays_'))).toHaveLength(1);
	expect(cookies.find((c) => c.name === 'whosays_teacher')).toBeDefined();
});

test('deleting an assignment removes it, and its links stop working', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'To delete', mode: 'Practice' });
	const student = await (await browser.newContext()).newPage();
	await join(student, created.studentUrl, 'Fay');
	// The same dashboard open in another tab of this browser.
	const other = await page.context().newPage();
	await other.goto(created.dashboardUrl);
	await expect(other.getByText(/^Live: updates by itself/)).toBeVisible();
	await page.getByRole('button', { name: 'Delete the assignment' }).click();
	await expect(page.getByRole('alert')).toContainText('Tick the box to confirm');
	await page.getByLabel('Yes, delete every answer').check();
	await page.getByRole('button', { name: 'Delete the assignment' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'have been deleted' })).toBeVisible();
	// The other tab stops showing a live class at once.
	await expect(other.getByText(/there is nothing left to open/)).toBeVisible();
	await expect(other.getByText(/^Live: updates by itself/)).toHaveCount(0);
	expect((await page.goto(created.dashboardUrl))?.status()).toBe(403);
	// Fay, still on question 1, is told the class is gone: not that she is offline, nor to open it again.
	await answer(student, classQuiz, classQuiz.questions[0]!);
	await expect(student.getByRole('heading', { name: 'Your answers can no longer be saved' })).toBeFocused();
	await expect(student.getByText('This assignment no longer exists: your teacher deleted it, with every answer in it.')).toBeVisible();
	await expect(student.getByText(/could not be checked|back online/)).toHaveCount(0);
	await expect(student.getByRole('link', { name: /^Open the/ })).toHaveCount(0);
	// Asking for her results says the same, not that her key is wrong.
	const finish = await student.evaluate(async (url) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		return [response.status, await response.json()];
	}, `${created.studentUrl}/finish`);
	expect(finish).toEqual([404, { message: 'This assignment no longer exists: your teacher deleted it, with every answer in it.' }]);
	expect((await student.goto(created.studentUrl))?.status()).toBe(404);
});

test('a student types the class code on the home page, in any case and with or without the hyphen', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'By code', mode: 'Practice' });
	const code = created.studentUrl.split('/a/')[1]!;
	const student = await (await browser.newContext()).newPage();
	await student.goto('/');
	await student.getByLabel('Have a class code?').fill('nope');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('alert')).toContainText('A class code has 6 letters and digits');
	await expect(student.getByLabel('Have a class code?')).toHaveValue('nope');
	// Six characters, but look-alikes no code uses: the message names them.
	await student.getByLabel('Have a class code?').fill('O0I-1LL');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('alert')).toContainText('Class codes never use O, 0, I, 1, L or U, and this one has “O”, “0”, “I”, “1” and “L”');
	await expect(student.getByLabel('Have a class code?')).toBeFocused();
	// Well formed, but one letter off the real code: no class has it, and the box holds it to mend, as above.
	const slip = `${code.slice(0, 5)}${code[5] === 'Z' ? 'Y' : 'Z'}`;
	await student.getByLabel('Have a class code?').fill(slip.toLowerCase());
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'No class has this code' })).toBeVisible();
	await expect(student.getByRole('alert')).toHaveText('No class has this code. Check it with your teacher: one letter or digit may be off.');
	await expect(student.getByLabel('Have a class code?')).toHaveValue(`${slip.slice(0, 3)}-${slip.slice(3)}`);
	await expect(student.getByLabel('Have a class code?')).toBeFocused();
	await expect(student.getByLabel('Have a class code?')).toHaveAccessibleDescription(/^No class has this code\./);
	await expectNoAxeViolations(student);
	await student.getByLabel('Have a class code?').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'By code' })).toBeVisible();
	expect(student.url()).toBe(created.studentUrl);
	await expectNoAxeViolations(student);
	// The class link pasted whole, at an address the teacher's laptop answers on, is not cut short: its code opens the class.
	await student.goto('/');
	const pasted = `http://192.0.2.2:3000/a/${code.slice(0, 3)}-${code.slice(3)}`;
	await student.getByLabel('Have a class code?').fill(pasted);
	await expect(student.getByLabel('Have a class code?')).toHaveValue(pasted);
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'By code' })).toBeVisible();
	expect(student.url()).toBe(created.studentUrl);
});

test('a class code typed while the home page is still loading its script is kept when the script runs', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'Typed early', mode: 'Practice' });
	const code = created.studentUrl.split('/a/')[1]!;
	const student = await (await browser.newContext()).newPage();
	// The page's script is held back, as on a slow school network, until the student has typed.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let held!: () => void;
	const someHeld = new Promise<void>((resolve) => (held = resolve));
	await student.route('**/_app/immutable/**', async (route) => {
		held();
		await released;
		await route.continue();
	});
	await student.goto('/', { waitUntil: 'commit' });
	await someHeld;
	await student.getByLabel('Have a class code?').fill(code);
	release();
	// SvelteKit starts its router, which takes over scroll restoration, only once the page has hydrated.
	await student.waitForFunction(() => history.scrollRestoration === 'manual');
	await expect(student.getByLabel('Have a class code?')).toHaveValue(code);
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'Typed early' })).toBeVisible();
});

test('teacher and joining pages fit a 320 px phone without sideways scrolling', async ({ page, browser }) => {
	const created = await createAssignment(page, { title: 'On a phone', mode: 'Practice' });
	await page.setViewportSize({ width: 320, height: 640 });
	for (const url of ['/teach', created.dashboardUrl, '/author', '/join']) {
		await page.goto(url);
		await expectNoHorizontalScroll(page);
	}
	// Each field of the new-assignment form stays inside its card: a date field's own width reached past it.
	await page.goto('/teach');
	const outside = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('form.card input, form.card select')]
			.filter((field) => {
				const card = field.closest('form')!;
				const inner = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight);
				return field.getBoundingClientRect().right > inner + 0.5;
			})
			.map((field) => field.id)
	);
	expect(outside).toEqual([]);
	const student = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
	await student.goto(created.studentUrl);
	await expectNoHorizontalScroll(student);
});

test('a class title with no spaces, a pasted link, wraps on a 360 px phone wherever it is shown', async ({ page, browser, playwright }) => {
	const title = 'https://news.example.org/2025/03/14/eastfield-library-closure-council-vote-what-the-papers-say-and-who-says-so';
	const created = await createAssignment(page, { title, mode: 'Practice' });
	const ana = await ClassMember.join(playwright.request, created.studentUrl, 'Ana');
	await ana.answerAll(wrongAt(1));
	await ana.finish();
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/teach');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expectNoHorizontalScroll(page, 'the list of assignments');
	await page.goto(`${created.dashboardUrl}/link`);
	await expect(page.getByText(title)).toBeVisible();
	await expectNoHorizontalScroll(page, 'the manage link page');
	await page.goto(created.dashboardUrl);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectNoHorizontalScroll(page, 'the dashboard');
	await page.getByRole('region', { name: 'Students' }).getByRole('link', { name: 'Ana', exact: true }).click();
	await expect(page.getByText(title, { exact: true })).toBeVisible();
	await expectNoHorizontalScroll(page, "a student's answers");

	const student = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
	await student.goto(created.studentUrl);
	await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectNoHorizontalScroll(student, 'the join form');
	await join(student, created.studentUrl, 'Ben');
	await expect(student.getByText(title)).toBeVisible();
	await expectNoHorizontalScroll(student, 'the quiz page');
});

test('open practice sends each verdict only after its question is answered (answer-key canary)', async ({ page }) => {
	test.setTimeout(90_000);
	const received = recordBodies(page);
	await page.goto(`/quiz/${EASTFIELD}`);
	await page.getByRole('radio', { name: /^Practice/ }).check();
	expect(await received.leaked(classQuiz.questions.flatMap(secretsOf))).toEqual([]);
	for (const [i, q] of classQuiz.questions.entries()) {
		await answer(page, classQuiz, q, i % 3 !== 0);
		await expect(page.getByText(q.explanation)).toBeVisible();
		expect(await received.leaked(classQuiz.questions.slice(i + 1).flatMap(secretsOf)), `after answering ${q.id}`).toEqual([]);
		await page.getByRole('button', { name: i === total - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
});

test("during a test, the same quiz's practice in a second tab gives nothing away, and opens again once the test is done", async ({ page, browser }) => {
	test.setTimeout(90_000);
	const created = await createAssignment(page, { title: 'No second tab', mode: 'Test' });
	const context = await browser.newContext();
	// Practice open in a tab since before the test began: its next check is refused, and the tab says why.
	const earlierTab = await context.newPage();
	await start(earlierTab, EASTFIELD);
	await expect(earlierTab.getByText(/^Tip: press/)).toBeVisible();
	const student = await context.newPage();
	await join(student, created.studentUrl, 'Kai');
	await answer(earlierTab, classQuiz, classQuiz.questions[0]!);
	await expect(earlierTab.locator('#check-status')).toHaveText(
		'You are taking a test on this quiz. Its practice opens again in this browser when you finish the test. Your answer is kept here.'
	);
	await expect(earlierTab.getByText(classQuiz.questions[0]!.explanation)).toHaveCount(0);

	const secondTab = await context.newPage();
	const received = recordBodies(secondTab);
	await secondTab.goto(`/quiz/${EASTFIELD}`);
	await expect(secondTab.getByRole('status')).toContainText('You are taking a test on this quiz');
	await expect(secondTab.getByRole('heading', { name: /^Question 1 of/ })).toHaveCount(0);
	await expect(secondTab.getByRole('button', { name: /^(Check|Save answer)$/ })).toHaveCount(0);
	const check = await secondTab.request.post(`/quiz/${EASTFIELD}/check`, {
		headers: { origin: new URL(secondTab.url()).origin, 'content-type': 'application/json' },
		data: JSON.stringify({ questionId: classQuiz.questions[0]!.id, answer: { type: 'classify', category: 'fact' } })
	});
	expect(check.status()).toBe(403);
	expect(await received.leaked(classQuiz.questions.flatMap(secretsOf))).toEqual([]);

	await answerAll(student, wrongAt());
	await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await secondTab.reload();
	await expect(secondTab.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
	await context.close();
});

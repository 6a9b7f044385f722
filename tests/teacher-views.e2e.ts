import { expect, test } from '@playwright/test';
import { classQuiz, createAssignment } from './assignments.ts';
import { expectNoHorizontalScroll, label, marks } from './helpers.ts';
import { ClassMember, expectNoAxeViolationsInBothSchemes } from './teacher.ts';

const wrongAt = (...indexes: number[]) => classQuiz.questions.map((_, i) => !indexes.includes(i));
/** The quiz's question at an index, which these journeys rely on being a classify question. */
function classifyAt(index: number) {
	const question = classQuiz.questions[index];
	if (question?.type !== 'classify') throw new Error(`Question ${index + 1} of the class quiz should be a classify question`);
	return question;
}
const first = classifyAt(0);
const fourth = classifyAt(3);

test('the discussion view: the claim, then the class answers, then the cue lit up; the keys step to the next most missed', async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'On the board', mode: 'Test' });
	// Question 1 is missed by two of three, question 4 by one: the most missed order starts 1, 4.
	const names = ['Zofia', 'Bartholomew', 'Cressida'];
	for (const [name, plan] of [
		[names[0]!, wrongAt()],
		[names[1]!, wrongAt(0, 3)],
		[names[2]!, wrongAt(0)]
	] as const) {
		const student = await ClassMember.join(playwright.request, created.studentUrl, name);
		await student.answerAll([...plan]);
		await student.finish();
		await student.leave();
	}
	await page.reload();
	const discuss = page.getByRole('link', { name: 'Discuss question 1', exact: true });
	// The words themselves, as any screen reader reads them, not only as Chromium spaces them out.
	await expect(discuss).toHaveText('Discuss question 1');
	await discuss.click();

	await expect(page.getByRole('heading', { level: 1, name: 'Question 1', exact: true })).toBeVisible();
	await expect(page.getByText(/^Most missed 1 of \d+ · 3 answers$/)).toBeVisible();
	// The claim, lit up in its paragraph; the class's answers not yet shown.
	const article = page.getByRole('article');
	await expect(marks(article)).toHaveText([first.quote]);
	await expect(page.getByRole('list', { name: "The class's answers" })).toHaveCount(0);
	await expectNoAxeViolationsInBothSchemes(page);

	await page.getByRole('link', { name: "Show the class's answers" }).click();
	const answers = page.getByRole('list', { name: "The class's answers" }).getByRole('listitem');
	const right = label(classQuiz, first.answer);
	const wrong = label(classQuiz, classQuiz.categories.find((c) => c.label !== right)!.id);
	await expect(answers.filter({ hasText: right })).toHaveText(new RegExp(`^${right}\\s*1 of 3 \\(33%\\)$`));
	await expect(answers.filter({ hasText: wrong })).toHaveText(new RegExp(`^${wrong}\\s*2 of 3 \\(67%\\)$`));
	// Nothing yet says which bar is the right one: not the share right either, which only one bar matches.
	await expect(page.getByText(/^Most missed 1 of \d+ · 3 answers$/)).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('right');

	// The presenter's next key shows why, and lights the cue up in the text.
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { name: 'Why' })).toBeVisible();
	// On the projector's screen, not under the fold of a long article.
	await expect(page.getByText(first.explanation)).toBeInViewport();
	await expect(answers.filter({ hasText: right })).toContainText('(the right answer)');
	await expect(page.getByText(/^Most missed 1 of \d+ · 3 answers · 33% right$/)).toBeVisible();
	await expect(marks(article).filter({ hasText: first.cues[0]! })).toBeVisible();
	await expectNoAxeViolationsInBothSchemes(page);
	// Only counts: nothing on the board names a student, on screen or in the data the page was sent.
	const shown = await page.getByRole('main').innerText();
	const sent = await (await page.request.get(page.url())).text();
	expect(names.filter((n) => shown.includes(n) || sent.includes(n))).toEqual([]);
	expect(sent).toContain(first.explanation);
	// A reload of the projector keeps the step it was on.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Why' })).toBeVisible();
	await expect(marks(page.getByRole('article')).filter({ hasText: first.cues[0]! })).toBeVisible();

	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { level: 1, name: 'Question 4', exact: true })).toBeVisible();
	await expect(page.getByText(/^Most missed 2 of \d+ · 3 answers$/)).toBeVisible();
	await expect(marks(page.getByRole('article'))).toHaveText([fourth.quote]);
	await page.keyboard.press('PageUp');
	await expect(page.getByRole('heading', { level: 1, name: 'Question 1', exact: true })).toBeVisible();

	await page.setViewportSize({ width: 320, height: 640 });
	await expectNoHorizontalScroll(page);
});

test("one student's answers, from their row: the right labels and the explanations, ready to print", async ({ page, playwright }) => {
	const created = await createAssignment(page, { title: 'Parent meeting', mode: 'Practice' });
	const ben = await ClassMember.join(playwright.request, created.studentUrl, 'Ben');
	// Questions 1 and 4 wrong, and the order question's claims turned round.
	const ordering = classQuiz.questions.findIndex((q) => q.type === 'order');
	const order = classQuiz.questions[ordering];
	if (order?.type !== 'order') throw new Error('The class quiz should have an order question');
	await ben.answerAll(wrongAt(0, 3, ordering));
	await ben.finish();
	await page.reload();
	const link = page.getByRole('region', { name: 'Students' }).getByRole('link', { name: 'Ben', exact: true });
	const studentPath = await link.getAttribute('href');
	await link.click();

	await expect(page.getByRole('heading', { level: 1, name: "Ben's answers" })).toBeVisible();
	const total = classQuiz.questions.length;
	await expect(page.getByText(`score ${Math.round(((total - 3) / total) * 100)}%`)).toBeVisible();
	const q1 = page.getByRole('article', { name: 'Question 1: Not right' });
	const right = label(classQuiz, first.answer);
	const chose = label(classQuiz, classQuiz.categories.find((c) => c.label !== right)!.id);
	await expect(q1).toContainText(`Ben's answer: ${chose}`);
	await expect(q1).toContainText(`The right answer: ${right}`);
	await expect(q1).toContainText(first.explanation);
	await expect(page.getByRole('article', { name: 'Question 2: Right' })).toBeVisible();
	// The order question: how many pairs were right, then the right order with where Ben put each claim.
	const n = order.items.length;
	const ranked = page.getByRole('article', { name: `Question ${ordering + 1}: Not right` });
	await expect(ranked).toContainText(`Ben's answer: 0 of ${(n * (n - 1)) / 2} pairs of claims in the right order`);
	const placed = ranked.getByRole('list', { name: 'From best to least supported' }).getByRole('listitem');
	await expect(placed).toHaveCount(n);
	await expect(placed.first()).toContainText(order.items[0]!.explanation);
	await expect(placed.first()).toContainText(`Ben put it in place ${n}.`);
	await expect(page.getByRole('article', { name: /^Question \d+: / })).toHaveCount(total);
	await expectNoAxeViolationsInBothSchemes(page);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Print these answers' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Back to the dashboard' })).toBeHidden();
	await expect(q1).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	// The same student under another assignment of this teacher's is not there.
	const other = await createAssignment(page, { title: 'Another class', mode: 'Practice' });
	const elsewhere = await page.goto(`${other.dashboardUrl}/students/${studentPath!.split('/').at(-1)}`);
	expect(elsewhere?.status()).toBe(404);
});

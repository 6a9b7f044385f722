import { expect, test, type BrowserContext } from '@playwright/test';
import { answer, EASTFIELD, escapeRegExp, label, loadQuiz, marks, SEED, start } from './helpers.ts';

const quiz = loadQuiz(SEED);
const total = quiz.questions.length;

test('home lists the seed quiz with its outlet, length and time', async ({ page }) => {
	await page.goto('/');
	const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: quiz.title }) });
	await expect(card).toContainText(quiz.article.outlet);
	await expect(card).toContainText(`${total} questions`);
	await expect(card).toContainText(/about \d+ minutes/);
	// The quiz page is loaded whole, with its island, not drawn by the home page's client router from SvelteKit's data.
	const dataRequests: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('__data.json')) dataRequests.push(request.url());
	});
	await card.getByRole('link', { name: quiz.title }).hover();
	await card.getByRole('link', { name: quiz.title }).click();
	await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Check' })).toBeVisible();
	expect(dataRequests).toEqual([]);
});

test('the article and question 1, with its choices, are in the page before any script runs', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/quiz/${SEED}`);
	await expect(page.getByRole('heading', { name: quiz.article.headline })).toBeVisible();
	const article = page.getByRole('region', { name: 'The article' });
	for (const p of quiz.article.paragraphs) await expect(article.getByText(p, { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Question 1 of ${total}` })).toBeVisible();
	const first = quiz.questions[0]!;
	if (first.type !== 'classify') throw new Error('the seed quiz opens with a claim to label');
	await expect(page.getByRole('blockquote').filter({ hasText: first.quote })).toBeVisible();
	await expect(page.getByRole('radio', { name: new RegExp(`^\\d?\\s*${escapeRegExp(label(quiz, first.answer))}`) })).toBeEnabled();
	await expect(page.getByRole('button', { name: 'Check' })).toBeEnabled();
	await context.close();
});

test('a quiz with labels of its own names them in its intro, before question 1 asks for one', async ({ page }) => {
	const eastfield = loadQuiz(EASTFIELD);
	const labels = eastfield.categories.map((c) => c.label);
	expect(labels).toContain('Named-source claim');
	await page.goto(`/quiz/${EASTFIELD}`);
	await expect(page.getByText(/^Read the article, then take it claim by claim/)).toHaveText(
		new RegExp(`choose the label that fits each: ${escapeRegExp(`${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`)}\\.`)
	);
});

test('Check on the intro with nothing chosen starts the quiz and says what is missing', async ({ page }) => {
	await start(page, SEED);
	// Read as a sentence, with a space between its two halves.
	await expect(page.getByText(`Tip: press 1–${quiz.categories.length} to choose and Enter to check.`, { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Choose one of the labels first.' })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Question 1 of ${total}` })).toBeFocused();
	await answer(page, quiz, quiz.questions[0]!, true);
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeFocused();
});

test('a whole practice run: feedback after each answer, one wrong answer explained, then the summary', async ({ page }) => {
	test.setTimeout(120_000);
	await start(page, SEED);
	const wrongAt = quiz.questions.findIndex((q) => q.type === 'classify' && !q.cite);
	const wrong = quiz.questions[wrongAt]!;
	for (const [i, q] of quiz.questions.entries()) {
		const heading = page.getByRole('heading', { name: `Question ${i + 1} of ${total}` });
		// Question 1 is open under the intro; focus follows each step after it.
		if (i === 0) await expect(heading).toBeVisible();
		else await expect(heading).toBeFocused();
		if (q.type !== 'order' && q.quote) {
			// The claim is lit up in the article and scrolled into view beside the question.
			const claim = marks(page.getByRole('region', { name: 'The article' })).first();
			await expect(claim).toBeInViewport();
			expect(q.quote.startsWith((await claim.textContent()) ?? '-')).toBe(true);
		}
		await answer(page, quiz, q, i !== wrongAt);
		const verdict = page.getByRole('heading', { name: i === wrongAt ? 'Not quite' : 'Correct' });
		await expect(verdict).toBeFocused();
		await expect(page.getByText(q.explanation, { exact: true })).toBeVisible();
		if (i === wrongAt && wrong.type === 'classify') {
			const chosen = quiz.categories.find((c) => c.id !== wrong.answer)!;
			await expect(page.getByRole('heading', { name: `Why not “${chosen.label}”?` })).toBeVisible();
			await expect(page.getByText(wrong.whyNot[chosen.id]!, { exact: true })).toBeVisible();
			await expect(page.getByText(`The right answer: ${label(quiz, wrong.answer)}`)).toBeVisible();
			// The cue is lit up in the article itself.
			const lit = marks(page.getByRole('region', { name: 'The article' }));
			await expect(lit.filter({ hasText: new RegExp(`^${escapeRegExp(wrong.cues[0]!)}$`) })).toHaveCount(1);
		}
		await page.getByRole('button', { name: i === total - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeFocused();
	await expect(page.getByText(`${total - 1} of ${total} questions fully right.`)).toBeVisible();
	if (wrong.type !== 'classify') throw new Error('the wrong answer is meant for a classify question');
	// Its kind of claim is one short: every other claim of that kind was labelled right.
	const ofKind = quiz.questions.filter((q) => q.type === 'classify' && q.answer === wrong.answer).length;
	const row = page.getByRole('row', { name: new RegExp(`^${escapeRegExp(label(quiz, wrong.answer))}`) });
	await expect(row).toHaveText(new RegExp(`${ofKind - 1} of ${ofKind}$`));
	await expect(page.getByRole('listitem').filter({ hasText: 'labelled as' })).toHaveCount(1);
	const missed = page.getByRole('list', { name: 'Missed, with the explanation' }).getByRole('listitem');
	await expect(missed).toHaveCount(1);
	await expect(missed).toContainText(wrong.explanation);
	// The results end with what to carry away from any quiz.
	await expect(page.getByRole('heading', { name: /^Take this with you/ })).toBeVisible();
	await expect(page.getByRole('list').filter({ hasText: 'Who says so?' }).getByRole('listitem')).toHaveCount(4);

	await page.getByRole('button', { name: 'Retry the 1 missed' }).click();
	await expect(page.getByRole('heading', { name: 'Retry 1 of 1' })).toBeFocused();
	await answer(page, quiz, wrong);
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByText(`${total} of ${total} questions fully right.`)).toBeVisible();
});

test('the right label with its cue words left unmarked is partly right, not correct, and the label is not corrected', async ({ page }) => {
	const at = quiz.questions.findIndex((q) => q.type === 'classify' && q.cite);
	const cited = quiz.questions[at]!;
	if (cited.type !== 'classify') throw new Error('the seed quiz has a question asking for cue words');
	await start(page, SEED, 'Practice');
	for (const q of quiz.questions.slice(0, at)) {
		await answer(page, quiz, q);
		await page.getByRole('button', { name: 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { name: `Question ${at + 1} of ${total}` })).toBeVisible();
	await page.getByRole('radio', { name: new RegExp(`^\\d?\\s*${escapeRegExp(label(quiz, cited.answer))}`) }).check();
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Partly right' })).toBeFocused();
	await expect(page.getByText(/^You found 0 of \d+/)).toBeVisible();
	await expect(page.getByText('The right answer:')).toHaveCount(0);
	await expect(page.getByRole('status', { name: 'Quiz announcements' })).toHaveText('Partly right.');
});

test('test mode: no feedback until the end, then results and a review of each answer', async ({ page }) => {
	test.setTimeout(120_000);
	await start(page, SEED, 'Test');
	for (const [i, q] of quiz.questions.entries()) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of ${total}` })).toBeVisible();
		// In test mode nothing is checked until the end, and the button and its tip say so, from the intro where the mode was picked.
		await expect(page.getByText(/^Tip: press .*Enter to save\.$/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Save answer' })).toBeVisible();
		await answer(page, quiz, q, i % 2 === 0);
		await expect(page.getByRole('heading', { name: /Correct|Not quite/ })).toHaveCount(0);
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeFocused();
	const right = quiz.questions.filter((_, i) => i % 2 === 0).length;
	await expect(page.getByText(`${right} of ${total} questions fully right.`)).toBeVisible();

	await page.getByRole('button', { name: 'Review every answer' }).click();
	await expect(page.getByRole('heading', { name: `Review: question 1 of ${total}` })).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Review: question 2 of ${total}` })).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await expect(page.getByText(quiz.questions[1]!.explanation, { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Back to results' }).click();
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
});

test('a reload mid-quiz resumes at the same question with the same choice', async ({ page }) => {
	await start(page, SEED);
	for (const q of quiz.questions.slice(0, 2)) {
		await answer(page, quiz, q);
		await page.getByRole('button', { name: 'Next question' }).click();
	}
	const third = quiz.questions[2]!;
	if (third.type !== 'classify') throw new Error('the seed quiz is expected to ask a classify question third');
	const pick = page.getByRole('radio', { name: new RegExp(label(quiz, third.answer)) });
	await pick.check();
	await page.reload();
	await expect(page.getByRole('heading', { name: `Question 3 of ${total}` })).toBeVisible();
	await expect(pick).toBeChecked();
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
});

test('a reload on the intro keeps the mode picked there, beside the answer begun', async ({ page }) => {
	await page.goto(`/quiz/${SEED}`);
	// The tip shows once the page's script runs, which keeps the place from then on.
	await expect(page.getByText(/^Tip: press/)).toBeVisible();
	const testMode = page.getByRole('radio', { name: /^Test/ });
	await testMode.check();
	await page.reload();
	await expect(testMode).toBeChecked();
	await expect(page.getByRole('button', { name: 'Save answer' })).toBeVisible();

	const first = quiz.questions[0]!;
	if (first.type !== 'classify') throw new Error('the seed quiz opens with a claim to label');
	const pick = page.getByRole('radio', { name: new RegExp(`^\\d?\\s*${escapeRegExp(label(quiz, first.answer))}`) });
	await expect(page.getByText(/^Tip: press/)).toBeVisible();
	await pick.check();
	await page.reload();
	await expect(testMode).toBeChecked();
	await expect(pick).toBeChecked();
	// The quiz starts in the mode kept: the answer is saved for the end, with no feedback.
	await page.getByRole('button', { name: 'Save answer' }).click();
	await expect(page.getByRole('heading', { name: `Question 2 of ${total}` })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^(Correct|Not quite|Partly right)/ })).toHaveCount(0);
});

/** A place for this quiz kept in the browser's cookie, as the page or the server writes it. */
async function keepPlace(context: BrowserContext, baseURL: string, value: string) {
	await context.addCookies([{ name: 'whosays_place', value: encodeURIComponent(value), url: `${baseURL}/quiz/${SEED}` }]);
}

test('a place kept for an older version of the quiz starts fresh, with a notice', async ({ page, context, baseURL }) => {
	await keepPlace(context, baseURL!, JSON.stringify({ v: 'old', s: 'answering', m: 'p', r: null, n: 1, i: 3, w: 0, a: {}, d: null }));
	await page.goto(`/quiz/${SEED}`);
	await expect(page.getByRole('status').filter({ hasText: 'updated since you last opened it' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
});

test('a kept place that was tampered with starts fresh instead of breaking the page', async ({ page, context, baseURL }) => {
	await keepPlace(context, baseURL!, '{not json');
	await page.goto(`/quiz/${SEED}`);
	await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
	await start(page, SEED);
	await answer(page, quiz, quiz.questions[0]!);
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
});

test('an unknown quiz address gets a friendly page', async ({ page }) => {
	const response = await page.goto('/quiz/no-such-quiz');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: /not found|no quiz/i })).toBeVisible();
	await expect(page.getByRole('link', { name: /all quizzes/i })).toBeVisible();
});

test('open practice without a connection keeps the answer and says feedback waits for it', async ({ page, context }) => {
	await start(page, SEED);
	await context.setOffline(true);
	await answer(page, quiz, quiz.questions[0]!, true);
	await expect(page.getByText(/could not be checked/)).toContainText('connection');
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
});

test('test mode finished without a connection says the results wait for it, and Try again brings them once back online', async ({ page, context }) => {
	test.setTimeout(120_000);
	const eastfield = loadQuiz(EASTFIELD);
	await start(page, EASTFIELD, 'Test');
	for (const q of eastfield.questions.slice(0, -1)) await answer(page, eastfield, q);
	await expect(page.getByRole('heading', { name: `Question ${eastfield.questions.length} of ${eastfield.questions.length}` })).toBeVisible();
	await context.setOffline(true);
	await answer(page, eastfield, eastfield.questions.at(-1)!);
	const alert = page.getByRole('alert').filter({ hasText: 'Your results could not be loaded' });
	await expect(alert).toContainText('need a connection to the server');
	await expect(alert).toContainText('press Try again once you are back online');
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByText(`${eastfield.questions.length} of ${eastfield.questions.length} questions fully right.`)).toBeVisible();
});

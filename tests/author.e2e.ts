import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { QuizSchema, type Question, type Quiz } from '../src/lib/quiz/schema.ts';
import { answer, expectNoAxeViolations, expectNoHorizontalScroll, markCues, SEED, start } from './helpers.ts';

const FIXTURES = 'src/lib/quiz/fixtures';
const fixture = (path: string) => readFileSync(`${FIXTURES}/${path}`, 'utf8');
const parse = (text: string): Quiz => QuizSchema.parse(JSON.parse(text));

const box = (page: Page) => page.getByLabel('Quiz file (JSON)');
const problem = (page: Page, path: string) => page.getByRole('listitem').filter({ hasText: path });

async function openAuthor(page: Page) {
	await page.goto('/author');
	await expect(page.getByRole('heading', { level: 1, name: 'Write a quiz' })).toBeVisible();
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
	for (let i = 0; i < 60; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press(key);
	}
	await expect(target).toBeFocused();
}

test('an empty page says what to do and passes axe', async ({ page }) => {
	await openAuthor(page);
	await expect(page.getByText('Paste a quiz file, or open one, to check it.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start from an example' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a bad file shows each problem with its path, line and column, and jumps to it', async ({ page }) => {
	await openAuthor(page);
	await box(page).fill(fixture('invalid/structure-and-quote-problems.json'));
	await expect(page.getByText('2 problems to fix before you can play it.')).toBeVisible();

	const date = problem(page, 'article.date');
	await expect(date).toContainText('Line 7, column 3');
	await expect(date).toContainText('The date must be a real day written YYYY-MM-DD');
	const quote = problem(page, 'questions[2].quote');
	await expect(quote).toContainText('Line 48, column 60');
	await expect(quote).toContainText('the quote has a straight double quote (") where the article has a curly opening double quote (“)');
	await expect(box(page)).toHaveAttribute('aria-invalid', 'true');
	await expect(box(page)).toHaveAccessibleDescription(/2 problems to fix.*questions\[2\]\.quote/);
	await expect(page.getByRole('button', { name: 'Play this quiz' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await quote.getByRole('button', { name: 'Go to line 48, column 60' }).click();
	await expect(box(page)).toBeFocused();
	await expect(page.getByText('Cursor: line 48, column 60')).toBeVisible();

	await page.setViewportSize({ width: 320, height: 640 });
	await expectNoHorizontalScroll(page);
	// On a phone, column 60 is off to the right of the box: the jump scrolls it into view.
	await quote.getByRole('button', { name: 'Go to line 48, column 60' }).click();
	await expect(box(page)).toBeFocused();
	expect(await box(page).evaluate(caretInView)).toBe(true);
});

/** Whether the caret's column shows in the box, measured in the box's own font. */
function caretInView(box: HTMLTextAreaElement | HTMLElement): boolean {
	const b = box as HTMLTextAreaElement;
	const style = getComputedStyle(b);
	const context = document.createElement('canvas').getContext('2d')!;
	context.font = style.font;
	const lineStart = b.value.lastIndexOf('\n', b.selectionStart - 1) + 1;
	const x = context.measureText(b.value.slice(lineStart, b.selectionStart).replaceAll('\t', ' '.repeat(Number(style.tabSize) || 8))).width;
	return x > b.clientWidth && x >= b.scrollLeft && x <= b.scrollLeft + b.clientWidth;
}

test('a syntax error is placed at its line and column, and fixing it clears the list', async ({ page }) => {
	await openAuthor(page);
	const text = fixture('invalid/single-quotes.json');
	await box(page).fill(text);
	const item = problem(page, 'The file is not valid JSON');
	await expect(item).toContainText('Line 6, column 3');
	await expect(item).toContainText('JSON uses double quotes "like this", never single quotes');
	await page.emulateMedia({ colorScheme: 'dark' });
	await expectNoAxeViolations(page);

	await box(page).fill(fixture('valid/base.json'));
	await expect(page.getByText(/^The quiz is valid: 5 questions\./)).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Line 6' })).toHaveCount(0);
	await expect(box(page)).toHaveAttribute('aria-invalid', 'false');
});

test('a good file opened from disk plays as a student would, and nothing is sent or stored', async ({ page }) => {
	const sent: string[] = [];
	page.on('request', (r) => {
		if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
	});
	const quiz = parse(fixture('valid/base.json'));
	await openAuthor(page);
	await page.getByLabel('Open a quiz file').setInputFiles(`${FIXTURES}/valid/base.json`);
	await expect(page.getByText('The quiz is valid: 5 questions. Press “Play this quiz” to try it.')).toBeVisible();
	await expect(box(page)).toHaveValue(/"title": "Who says the bridge can wait\?"/);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Play this quiz' }).click();
	await expect(page.getByRole('heading', { name: 'Preview: play it as a student would' })).toBeFocused();
	await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('radio', { name: /^Practice/ }).check();
	for (const [i, q] of quiz.questions.entries()) {
		const heading = page.getByRole('heading', { name: `Question ${i + 1} of ${quiz.questions.length}` });
		// Question 1 is open under the intro; focus follows each step after it.
		if (i === 0) await expect(heading).toBeVisible();
		else await expect(heading).toBeFocused();
		if (i === 0) await expectNoAxeViolations(page);
		await answer(page, quiz, q, i !== 1);
		await expect(page.getByRole('heading', { name: i === 1 ? 'Not quite' : 'Correct' })).toBeFocused();
		await expect(page.getByText(q.explanation, { exact: true })).toBeVisible();
		if (i === 1) await expectNoAxeViolations(page);
		await page.getByRole('button', { name: i === quiz.questions.length - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeFocused();
	await expect(page.getByText('4 of 5 questions fully right.')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Back to the quiz file' }).click();
	await expect(page.getByRole('button', { name: 'Play this quiz' })).toBeFocused();
	await expect(box(page)).toHaveValue(/"title": "Who says the bridge can wait\?"/);
	expect(sent).toEqual([]);
	// The tab keeps the file for a reload, and nothing of the play.
	expect(await page.evaluate(() => [localStorage.length, Object.keys(sessionStorage)])).toEqual([0, ['whosays:author-file']]);
});

const VALID = 'The quiz is valid: 5 questions. Press “Play this quiz” to try it.';

test('the file being written, and its name, survive a reload and a round trip through the preview', async ({ page }) => {
	await openAuthor(page);
	await page.getByLabel('Open a quiz file').setInputFiles(`${FIXTURES}/valid/base.json`);
	await expect(page.getByText(VALID)).toBeVisible();
	// An edit, and the reload straight after it, before its check has run.
	await box(page).press('Control+End');
	await box(page).pressSequentially('\n');
	await page.reload();
	await expect(box(page)).toHaveValue(`${fixture('valid/base.json')}\n`);
	await expect(page.getByText(VALID)).toBeVisible();

	await page.getByRole('button', { name: 'Play this quiz' }).click();
	await page.getByRole('button', { name: 'Back to the quiz file' }).click();
	await expect(page.getByText('Saves as base.json')).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as a file' }).click();
	expect((await downloading).suggestedFilename()).toBe('base.json');

	// Emptied and written again, the box holds a new file, not base.json.
	await box(page).fill('');
	await box(page).pressSequentially('{}');
	await expect(page.getByText(/^Saves as/)).toHaveCount(0);
	const again = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as a file' }).click();
	expect((await again).suggestedFilename()).toBe('quiz.json');
});

test('a file whose name the site cannot serve is told the name to use, can be played, and is saved under that name', async ({ page }) => {
	await openAuthor(page);
	await page.getByLabel('Open a quiz file').setInputFiles({ name: 'Pool Notes.json', mimeType: 'application/json', buffer: Buffer.from(fixture('valid/base.json')) });
	await expect(page.getByRole('status')).toHaveText(
		`${VALID} Its file name needs changing before the site can use it: “Save as a file” saves it as pool-notes.json.`
	);
	const name = problem(page, 'The file name "Pool Notes.json" cannot be a web address');
	await expect(name).toContainText('rename it pool-notes.json');
	// The text in the box is fine: it is not marked wrong, and the quiz can be played.
	await expect(box(page)).toHaveAttribute('aria-invalid', 'false');
	await expect(page.getByRole('button', { name: 'Play this quiz' })).toBeVisible();
	await expectNoAxeViolations(page);

	await expect(page.getByText('Saves as pool-notes.json')).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as a file' }).click();
	expect((await downloading).suggestedFilename()).toBe('pool-notes.json');
	// Saved so, the box holds pool-notes.json, and its name is no longer a problem.
	await expect(page.getByRole('status')).toHaveText(VALID);
	await expect(name).toHaveCount(0);
});

test('a picture or an empty file opened by mistake is named, and the box keeps its text', async ({ page }) => {
	await openAuthor(page);
	const text = fixture('valid/base.json');
	await box(page).fill(text);
	await expect(page.getByText(VALID)).toBeVisible();
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
	await page.getByLabel('Open a quiz file').setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: png });
	await expect(page.getByText('photo.json could not be opened as a quiz file; the box keeps the text it had.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'The file is a PNG image, not a quiz file' })).toBeVisible();
	await expect(box(page)).toHaveValue(text);
	// What the box holds is still the valid quiz it was, and it says so: not marked wrong, still playable.
	await expect(page.getByRole('status')).toContainText(VALID);
	await expect(box(page)).not.toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('heading', { name: 'Not opened: photo.json' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Play this quiz' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Open a quiz file').setInputFiles({ name: 'blank.json', mimeType: 'application/json', buffer: Buffer.from('\n') });
	await expect(page.getByText('blank.json could not be opened as a quiz file; the box keeps the text it had.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'The file is empty' })).toBeVisible();
	await expect(box(page)).toHaveValue(text);
});

test('a quiz file chosen before the page’s script arrives is checked once it does', async ({ page }) => {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	// Module scripts delay the load event, so wait only for the page itself.
	await page.goto('/author', { waitUntil: 'commit' });
	await page.getByLabel('Open a quiz file').setInputFiles(`${FIXTURES}/valid/base.json`);
	await expect(page.getByRole('button', { name: 'Start from an example' })).toBeDisabled();
	release();
	await expect(page.getByText('The quiz is valid: 5 questions. Press “Play this quiz” to try it.')).toBeVisible();
	await expect(box(page)).toHaveValue(/"title": "Who says the bridge can wait\?"/);
});

test('keyboard only: load the example, play it, fix a problem by jumping to its line', async ({ page }) => {
	await openAuthor(page);
	await tabTo(page, page.getByRole('button', { name: 'Start from an example' }));
	await page.keyboard.press('Enter');
	await expect(page.getByText(/^The quiz is valid: 5 questions\./)).toBeVisible();

	await tabTo(page, page.getByRole('button', { name: 'Play this quiz' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Preview: play it as a student would' })).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();
	await page.keyboard.press('1');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeFocused();
	await tabTo(page, page.getByRole('button', { name: 'Back to the quiz file' }), 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Play this quiz' })).toBeFocused();

	// Break the date by typing, then use the problem's button to get back to it.
	await tabTo(page, box(page));
	await page.keyboard.press('Control+Home');
	const text = await box(page).inputValue();
	const dateLine = text.split('\n').findIndex((l) => l.includes('"date"')) + 1;
	for (let i = 1; i < dateLine; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('End');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
	await page.keyboard.type('9');
	const item = problem(page, 'article.date');
	await expect(item).toContainText(`Line ${dateLine}`);
	await tabTo(page, item.getByRole('button', { name: new RegExp(`^Go to line ${dateLine}`) }));
	await page.keyboard.press('Enter');
	await expect(box(page)).toBeFocused();
	await expect(page.getByText(new RegExp(`^Cursor: line ${dateLine}, column \\d+$`))).toBeVisible();
});

/** Answers rightly by exact text, since these labels hold characters a pattern would misread. */
async function answerLiterally(page: Page, quiz: Quiz, q: Question) {
	if (q.type === 'classify') {
		await page.getByRole('radio', { name: quiz.categories.find((c) => c.id === q.answer)!.label }).check();
		if (q.cite) await markCues(page, q);
	} else if (q.type === 'choice') await page.getByRole('radio', { name: q.options.find((o) => o.id === q.answer)!.text }).check();
	else await markCues(page, q);
	await page.getByRole('button', { name: 'Check' }).click();
}

test('markup in every field of a quiz shows as text and never runs', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const text = fixture('valid/markup-in-every-field.json');
	const quiz = parse(text);
	const IMG = '<img src=x onerror=alert(1)>';
	const SCRIPT = '</script><script>alert(1)</script>';
	const noImages = async () => {
		await expect(page.getByRole('img')).toHaveCount(0);
		expect(await page.evaluate(() => document.images.length + document.querySelectorAll('main script').length)).toBe(0);
	};
	await openAuthor(page);

	// In the problem list: found texts echo the author's markup.
	await box(page).fill(text.replace('"date": "2024-01-31",', `"date": "${IMG}",\n\t\t"url": "${SCRIPT.replaceAll('/', '\\/')}",`));
	await expect(problem(page, 'article.date')).toContainText(IMG);
	await expect(problem(page, 'article.url')).toContainText(SCRIPT);
	await noImages();

	await box(page).fill(text);
	await expect(page.getByText(`${quiz.title}`, { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Play this quiz' }).click();
	await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
	const article = page.getByRole('region', { name: 'The article' });
	await expect(article.getByRole('heading', { name: quiz.article.headline })).toBeVisible();
	await expect(article).toContainText(quiz.article.outlet);
	await expect(article).toContainText(quiz.article.note!);
	for (const p of quiz.article.paragraphs) await expect(article.getByText(p, { exact: true })).toBeVisible();
	await noImages();

	await page.getByRole('radio', { name: /^Practice/ }).check();
	for (const [i, q] of quiz.questions.entries()) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of ${quiz.questions.length}` })).toBeVisible();
		if (q.prompt) await expect(page.getByText(q.prompt, { exact: true })).toBeVisible();
		if (q.type === 'classify')
			for (const c of quiz.categories) {
				await expect(page.getByText(c.label, { exact: true })).toBeVisible();
				await expect(page.getByText(c.definition, { exact: true })).toBeVisible();
			}
		if (q.type === 'choice') for (const o of q.options) await expect(page.getByText(o.text, { exact: true })).toBeVisible();
		if (i === 1) {
			// A wrong answer, to see its why-not text.
			await page.getByRole('radio', { name: quiz.categories[0]!.label }).check();
			await page.getByRole('button', { name: 'Check' }).click();
			if (q.type === 'classify') await expect(page.getByText(q.whyNot[quiz.categories[0]!.id]!, { exact: true })).toBeVisible();
		} else await answerLiterally(page, quiz, q);
		await expect(page.getByText(q.explanation, { exact: true })).toBeVisible();
		await noImages();
		await page.getByRole('button', { name: i === quiz.questions.length - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
	await expect(page.getByText(IMG).first()).toBeVisible();
	await expect(page.getByText(SCRIPT).first()).toBeVisible();
	await noImages();
	expect(dialogs).toEqual([]);
});

test('student pages load no validation code; the author page loads it', async ({ page }) => {
	const scripts: Promise<string>[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
	});
	const zodIn = async () => (await Promise.all(scripts)).filter((s) => s.includes('$ZodObject')).length;
	// The home page preloads all its modules, so the load event covers them.
	await page.goto('/', { waitUntil: 'load' });
	await page.goto(`/quiz/${SEED}`);
	// The player works only once its script has run.
	await page.getByRole('radio', { name: /^Practice/ }).check();
	await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
	expect(scripts.length).toBeGreaterThan(0);
	expect(await zodIn()).toBe(0);

	await page.goto('/author');
	await expect.poll(zodIn).toBeGreaterThan(0);
});

test('the fictional Eastfield quiz is listed as fictional and plays start to finish', async ({ page }) => {
	test.setTimeout(120_000);
	const slug = 'eastfield-library-closure';
	const quiz = parse(readFileSync(`quizzes/${slug}.json`, 'utf8'));
	await page.goto('/');
	const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: quiz.title }) });
	await expect(card).toContainText('Fictional article');
	await expect(card).toContainText(`${quiz.article.outlet} · ${quiz.article.date}`);
	await expect(card).toContainText(`${quiz.questions.length} questions`);

	await start(page, slug);
	await expect(page.getByRole('region', { name: 'The article' })).toContainText('Fictional article, written for practice');
	for (const [i, q] of quiz.questions.entries()) {
		const heading = page.getByRole('heading', { name: `Question ${i + 1} of ${quiz.questions.length}` });
		if (i === 0) await expect(heading).toBeVisible();
		else await expect(heading).toBeFocused();
		await answer(page, quiz, q);
		await expect(page.getByRole('heading', { name: 'Correct' })).toBeFocused();
		await page.getByRole('button', { name: i === quiz.questions.length - 1 ? 'See your results' : 'Next question' }).click();
	}
	await expect(page.getByText(`${quiz.questions.length} of ${quiz.questions.length} questions fully right.`)).toBeVisible();
});

import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { QuizSchema, type QuizInput } from '../src/lib/quiz/schema.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers.ts';

// Written for this test; the tagger's labelled corpus has never seen it.
const HEADLINE = 'Ferry to Gull Island may stop running next spring';
const PARAGRAPHS = [
	'The Harbour Board voted 5 to 2 on Tuesday to end the Gull Island ferry route in April.',
	'The board’s budget report shows the route lost $410,000 last year.',
	'According to two people familiar with the talks, the island’s only school may also close.',
	'Board chair Mina Okafor declined to comment on the school.',
	'A county spokesperson did not respond to questions about a replacement boat.'
];
const ARTICLE = [HEADLINE, '', ...PARAGRAPHS].join('\n');
const FILE_NAME = 'ferry-to-gull-island-may-stop-running-next-spring.json';

const articleBox = (page: Page) => page.getByLabel('Article text');
const tagButton = (page: Page) => page.getByRole('button', { name: 'Tag the article' });
const claims = (page: Page) => page.getByRole('article', { name: /^Claim \d+ of \d+:/ });
const claim = (page: Page, n: number) => page.getByRole('article', { name: new RegExp(`^Claim ${n} of \\d+:`) });
const radio = (card: Locator, label: string) => card.getByRole('radio', { name: new RegExp(`^${label}`) });
const include = (card: Locator) => card.getByRole('checkbox', { name: /^Include in the quiz/ });
const announcement = (page: Page) => page.getByRole('status');

async function openDraft(page: Page) {
	await page.goto('/author/draft');
	await expect(page.getByRole('heading', { level: 1, name: 'Draft a quiz from an article' })).toBeVisible();
}

async function tagArticle(page: Page, text = ARTICLE) {
	await articleBox(page).fill(text);
	await tagButton(page).click();
	await expect(claims(page)).toHaveCount(5);
}

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 60; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

type Classify = Extract<QuizInput['questions'][number], { type: 'classify' }>;

/** The downloaded file, which must be a valid quiz of classify questions with everything to write marked TODO. */
async function downloaded(download: Download): Promise<{ quiz: QuizInput; questions: Classify[] }> {
	const json: unknown = JSON.parse(await readFile(await download.path(), 'utf8'));
	const checked = QuizSchema.safeParse(json);
	expect(checked.error?.issues ?? []).toEqual([]);
	const quiz = json as QuizInput;
	const questions = quiz.questions.filter((q): q is Classify => q.type === 'classify');
	expect(questions).toHaveLength(quiz.questions.length);
	for (const q of questions) {
		expect(q.explanation.startsWith('TODO:'), q.id).toBe(true);
		for (const text of Object.values(q.whyNot)) expect(text.startsWith('TODO:'), q.id).toBe(true);
	}
	return { quiz, questions };
}

test('an author tags an article, changes labels, drops a claim and downloads the quiz', async ({ page }) => {
	await openDraft(page);
	await expect(page.getByRole('note')).toContainText('the tagger never rewrites');
	await expect(page.getByRole('note').getByRole('link', { name: 'Write a quiz' })).toHaveAttribute('href', '/author');
	await tagArticle(page);

	await expect(claim(page, 1)).toHaveAccessibleName(/Confirmed fact/);
	await expect(claim(page, 3)).toHaveAccessibleName(/Anonymous-source claim/);
	await expect(claim(page, 4)).toHaveAccessibleName(/Official non-answer/);
	await expect(claim(page, 3)).toContainText('According to two people familiar with the talks');
	await expect(claim(page, 3)).toContainText(/likely \(\d+%\), because\s+it rests on a source the reader cannot identify/);
	await expect(page.getByText('0 of 5 reviewed')).toBeVisible();
	await expect(page.getByText(`File name: ${FILE_NAME}`)).toBeVisible();
	await expectNoAxeViolations(page);

	// By key: the first claim becomes an anonymous-source claim.
	await claim(page, 1).focus();
	await page.keyboard.press('2');
	await expect(claim(page, 1)).toHaveAccessibleName(/Anonymous-source claim/);
	await expect(radio(claim(page, 1), 'Anonymous-source claim')).toBeChecked();
	await expect(announcement(page)).toHaveText(/Claim 1: Anonymous-source claim\. 1 of 5 reviewed\./);

	// By mouse: the fourth becomes a confirmed fact, the second is accepted, the fifth dropped.
	await radio(claim(page, 4), 'Confirmed fact').click();
	await expect(claim(page, 4)).toHaveAccessibleName(/Confirmed fact/);
	await claim(page, 2).getByRole('button', { name: 'Accept the label of claim 2' }).click();
	await expect(claim(page, 2)).toHaveAccessibleName(/Reviewed/);
	// The mark and the word apart, as they show (Svelte drops a space that ends an element).
	await expect(claim(page, 2).getByText('Reviewed')).toHaveText('✓ Reviewed');
	await include(claim(page, 5)).uncheck();
	await expect(claim(page, 5)).toHaveAccessibleName(/Dropped/);
	await expect(page.getByText('4 of 5 reviewed, 1 dropped')).toBeVisible();
	await page.getByLabel(/^Outlet/).fill('The Gull Gazette');
	await expectNoAxeViolations(page);

	// Tagging an edited article again keeps the choices for claims whose words did not change.
	await articleBox(page).press('End');
	await articleBox(page).pressSequentially('\nThe crossing takes forty minutes.');
	await expect(page.getByText('You changed the article since it was tagged.')).toBeVisible();
	await tagButton(page).click();
	await expect(claims(page)).toHaveCount(6);
	await expect(claim(page, 1)).toHaveAccessibleName(/Anonymous-source claim Reviewed/);
	await expect(claim(page, 5)).toHaveAccessibleName(/Dropped/);
	await expect(page.getByText('4 of 6 reviewed, 1 dropped')).toBeVisible();
	// A claim with no cue words says what the file will hold instead.
	await expect(claim(page, 6)).toContainText(/No cue words found\. The file gets “[^”]+” as a placeholder cue/);

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the quiz file' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe(FILE_NAME);
	const { quiz, questions } = await downloaded(download);

	const pasted = `${ARTICLE}\nThe crossing takes forty minutes.`;
	expect(quiz.$schema).toBe('../static/quiz.schema.json');
	expect(quiz.title).toBe(HEADLINE);
	expect(quiz.article).toMatchObject({ headline: HEADLINE, outlet: 'The Gull Gazette' });
	expect(quiz.article.paragraphs).toEqual([...PARAGRAPHS, 'The crossing takes forty minutes.']);
	for (const q of questions) expect(pasted).toContain(q.quote);
	const answers = Object.fromEntries(questions.map((q) => [q.quote, q.answer]));
	expect(answers).toEqual({
		[PARAGRAPHS[0]!]: 'anonymous',
		[PARAGRAPHS[1]!]: 'fact',
		[PARAGRAPHS[2]!]: 'anonymous',
		[PARAGRAPHS[3]!]: 'fact',
		'The crossing takes forty minutes.': 'fact'
	});
	expect(questions.some((q) => q.quote.includes('county spokesperson'))).toBe(false);

	// Opened on the author page, the draft lists what is left to write before it can be played.
	await page.getByRole('link', { name: 'Write a quiz' }).first().click();
	await page.getByLabel('Open a quiz file').setInputFiles({ name: FILE_NAME, mimeType: 'application/json', buffer: await readFile(await download.path()) });
	await expect(page.getByText('1 problem to fix before you can play it.')).toBeVisible();
	// An explanation and two why-nots in each question; the outlet was written.
	const todo = page.getByRole('listitem').filter({ hasText: `The quiz still holds ${questions.length * 3} "TODO:" placeholders from the draft` });
	const ids = questions.map((q) => `"${q.id}"`);
	await expect(todo).toContainText(`"TODO:" in questions ${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`);
	await expect(page.getByRole('button', { name: 'Play this quiz' })).toHaveCount(0);
});

test('an article whose named sources need a label of their own is drafted with four labels, and a reload keeps them', async ({ page }) => {
	const text = [
		'Tom Becker, the league’s commissioner, said the ruling was fair.',
		'The board voted 5-2 to uphold the ruling on Monday.',
		'Police said the crowd left peacefully.',
		'Two coaches, who asked not to be named, said the vote was decided in advance.'
	].join('\n');
	await openDraft(page);
	await articleBox(page).fill(text);
	await tagButton(page).click();
	await expect(claims(page)).toHaveCount(4);
	// Three labels: what a named commissioner says is offered as a fact.
	await expect(claim(page, 1)).toHaveAccessibleName(/Confirmed fact/);
	await claim(page, 2).getByRole('button', { name: 'Accept the label of claim 2' }).click();
	await include(claim(page, 4)).uncheck();
	// An edit since tagging, even one that would not tag, leaves the labels to the article as tagged.
	await articleBox(page).fill('');

	await page.getByRole('radio', { name: /^Four:/ }).check();
	await expect(claim(page, 1)).toHaveAccessibleName(/Named-source claim/);
	await expect(radio(claim(page, 1), 'Named-source claim')).toHaveAccessibleName('Named-source claim (suggested)');
	await expect(claim(page, 3)).toHaveAccessibleName(/Named-source claim/);
	await expect(claim(page, 2)).toHaveAccessibleName(/Confirmed fact Reviewed/);
	await expect(claim(page, 4)).toHaveAccessibleName(/Dropped/);
	await expect(announcement(page)).toHaveText(/Found 4 claims to review below\. Your choices for 2 unchanged claims are kept\./);
	await expectNoAxeViolations(page);

	await expect(page.locator('#draft-article-problem')).toBeEmpty();

	await page.reload();
	await expect(claims(page)).toHaveCount(4);
	await expect(page.getByRole('radio', { name: /^Four:/ })).toBeChecked();
	await expect(claim(page, 1)).toHaveAccessibleName(/Named-source claim/);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download it as tagged' }).click();
	const { quiz, questions } = await downloaded(await downloading);
	expect(quiz.categories?.map((c) => c.id)).toEqual(['fact', 'named-claim', 'anonymous', 'non-answer']);
	expect(questions.map((q) => q.answer)).toEqual(['named-claim', 'fact', 'named-claim']);

	// Back to three: the named claims are offered as facts again.
	await page.getByRole('radio', { name: /^Three:/ }).check();
	await expect(claim(page, 1)).toHaveAccessibleName(/Confirmed fact/);
	await expect(claim(page, 1).getByRole('radio')).toHaveCount(3);
});

test('a reload keeps the article, the fields and every choice; a later edit is flagged where the file is downloaded', async ({ page }) => {
	await openDraft(page);
	await tagArticle(page);
	await claim(page, 1).focus();
	await page.keyboard.press('2');
	await expect(claim(page, 1)).toHaveAccessibleName(/Anonymous-source claim Reviewed/);
	await include(claim(page, 5)).uncheck();
	await page.getByLabel(/^Outlet/).fill('The Gull Gazette');
	await page.reload();

	await expect(claims(page)).toHaveCount(5);
	await expect(articleBox(page)).toHaveValue(ARTICLE);
	await expect(page.getByLabel(/^Outlet/)).toHaveValue('The Gull Gazette');
	await expect(claim(page, 1)).toHaveAccessibleName(/Anonymous-source claim Reviewed/);
	await expect(claim(page, 5)).toHaveAccessibleName(/Dropped/);
	await expect(page.getByText('2 of 5 reviewed, 1 dropped')).toBeVisible();

	await articleBox(page).press('End');
	await articleBox(page).pressSequentially('\nThe ferry first sailed in 1962.');
	const panel = page.getByRole('region', { name: 'Download the draft' });
	await expect(panel).toContainText('You changed the article after tagging it. The file would hold the article as it was tagged');
	await expect(panel.getByRole('button', { name: 'Download the quiz file' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await panel.getByRole('button', { name: 'Tag the changed article' }).click();
	await expect(claims(page)).toHaveCount(6);
	await expect(claim(page, 1)).toHaveAccessibleName(/Anonymous-source claim Reviewed/);
	await expect(panel.getByRole('button', { name: 'Download the quiz file' })).toBeVisible();
});

test('an empty, a garbled and an over-long article each say what is wrong', async ({ page }) => {
	await openDraft(page);
	await expect(page.getByRole('heading', { name: 'No claims yet' })).toBeVisible();
	await expect(page.getByText('Paste an article, or open a .txt file, then press “Tag the article”.')).toBeVisible();
	await expectNoAxeViolations(page);

	await tagButton(page).click();
	await expect(page.getByRole('alert')).toHaveText('⚠ The article is empty: paste its text, one paragraph per line.');
	await expect(articleBox(page)).toHaveAttribute('aria-invalid', 'true');
	await expect(articleBox(page)).toHaveAccessibleDescription(/The article is empty/);
	await expectNoAxeViolations(page);

	await articleBox(page).fill('*** --- ***\n!!! ???');
	await tagButton(page).click();
	await expect(page.getByRole('alert')).toHaveText(/The article has no sentences to ask about\./);
	await expect(claims(page)).toHaveCount(0);
	await expectNoAxeViolations(page);

	const paragraph = 'The board met again and talked about the ferry. '.repeat(100).trim();
	await articleBox(page).fill(Array.from({ length: 13 }, () => paragraph).join('\n'));
	await tagButton(page).click();
	await expect(page.getByRole('alert')).toHaveText(/over the limit of 60,000 characters for one quiz/);
	await expectNoAxeViolations(page);

	await articleBox(page).fill(ARTICLE);
	await tagButton(page).click();
	await expect(claims(page)).toHaveCount(5);
	await expect(page.getByRole('alert')).toHaveText('');
	await expect(articleBox(page)).toHaveAttribute('aria-invalid', 'false');
});

test('a .txt file is read and tagged; a file that is not text is refused', async ({ page }) => {
	await openDraft(page);
	const picker = page.getByLabel('Open a text file (.txt)');
	await picker.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]) });
	await expect(page.getByRole('alert')).toHaveText(/photo\.txt: The file is a PNG image, not plain text\. To open it here, save the article as plain text/);

	await picker.setInputFiles({ name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(`\uFEFF${ARTICLE}`) });
	await expect(claims(page)).toHaveCount(5);
	await expect(articleBox(page)).toHaveValue(ARTICLE);
	await expect(announcement(page)).toHaveText(/Found 5 claims to review below\./);
});

const waiting = (page: Page) => page.getByText('Tagging runs in this browser, so nothing you paste leaves it: it works once the page’s script has loaded.');

/** Holds back every script of the page until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

test('an article pasted before the script arrives is kept, and Tag waits for the script instead of reloading the page', async ({ page }) => {
	const release = await holdScripts(page);
	// Module scripts delay the load event, so wait only for the page itself.
	await page.goto('/author/draft', { waitUntil: 'commit' });
	await articleBox(page).fill(ARTICLE);
	await expect(tagButton(page)).toBeDisabled();
	await expect(waiting(page)).toBeVisible();
	release();
	await expect(waiting(page)).toBeHidden();
	await tagButton(page).click();
	await expect(claims(page)).toHaveCount(5);
	await expect(articleBox(page)).toHaveValue(ARTICLE);
});

test('a .txt file chosen before the script arrives is read once it does', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/author/draft', { waitUntil: 'commit' });
	await page.getByLabel('Open a text file (.txt)').setInputFiles({ name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
	release();
	await expect(claims(page)).toHaveCount(5);
	await expect(articleBox(page)).toHaveValue(ARTICLE);
});

test('without scripts the page says tagging needs them, and offers no button that would lose the article', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await openDraft(page);
	await expect(waiting(page)).toBeVisible();
	await expect(tagButton(page)).toBeDisabled();
	await context.close();
});

test('the whole review works from the keyboard alone', async ({ page }) => {
	await openDraft(page);
	await tabTo(page, articleBox(page));
	await page.keyboard.insertText(ARTICLE);
	await tabTo(page, page.getByLabel(/^Headline/));
	await page.keyboard.type('Island ferry to end');
	await page.keyboard.press('Enter');
	await expect(claims(page)).toHaveCount(5);

	await tabTo(page, claim(page, 1));
	// Into the claim's radio group: the arrows move the choice, as in any radio group.
	await page.keyboard.press('Tab');
	await expect(radio(claim(page, 1), 'Confirmed fact')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(claim(page, 1)).toHaveAccessibleName(/Anonymous-source claim Reviewed/);
	await page.keyboard.press('j');
	await expect(claim(page, 2)).toBeFocused();

	await page.keyboard.press('Enter');
	await expect(claim(page, 2)).toHaveAccessibleName(/Confirmed fact Reviewed/);
	await expect(claim(page, 3)).toBeFocused();
	await page.keyboard.press('f');
	await expect(claim(page, 3)).toHaveAccessibleName(/Confirmed fact Reviewed/);
	await expect(announcement(page)).toHaveText(/Claim 3: Confirmed fact\. 3 of 5 reviewed\./);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('x');
	await expect(include(claim(page, 4))).not.toBeChecked();
	await expect(announcement(page)).toHaveText(/Claim 4 dropped from the quiz\. 4 of 5 reviewed\./);
	// Accepting a dropped claim does not pretend to: it says how to bring the claim back.
	await page.keyboard.press('Enter');
	await expect(announcement(page)).toHaveText(/Claim 4 is dropped from the quiz: press X to bring it back\. 4 of 5 reviewed\./);
	await expect(claim(page, 4)).toHaveAccessibleName(/Dropped/);
	await page.keyboard.press('End');
	await expect(claim(page, 5)).toBeFocused();
	await page.keyboard.press(' ');
	await expect(page.getByText('5 of 5 reviewed, 1 dropped')).toBeVisible();
	await page.keyboard.press('k');
	await page.keyboard.press('x');
	await expect(include(claim(page, 4))).toBeChecked();
	await expect(page.getByText('4 of 5 reviewed', { exact: true })).toBeVisible();
	await page.keyboard.press('Home');
	await expect(claim(page, 1)).toBeFocused();
	await page.keyboard.press('k');
	await expect(claim(page, 1)).toBeFocused();
	await page.keyboard.press('End');
	await page.keyboard.press('x');

	const download = page.getByRole('button', { name: 'Download the quiz file' });
	await tabTo(page, download);
	const downloading = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('island-ferry-to-end.json');
	const { quiz, questions } = await downloaded(file);
	expect(quiz.title).toBe('Island ferry to end');
	expect(questions.map((q) => [q.id, q.answer])).toEqual([
		['c1', 'anonymous'],
		['c2', 'fact'],
		['c3', 'fact'],
		['c4', 'non-answer']
	]);
	for (const q of questions) expect(ARTICLE).toContain(q.quote);
});

test.describe('on a 320 px phone in the dark', () => {
	test.use({ viewport: { width: 320, height: 720 }, colorScheme: 'dark' });

	test('nothing scrolls sideways, targets are large enough, and axe finds nothing', async ({ page }) => {
		await openDraft(page);
		await expectNoHorizontalScroll(page);
		await expectNoAxeViolations(page);
		await tagArticle(page);
		await include(claim(page, 2)).uncheck();
		await expectNoHorizontalScroll(page);
		for (const target of [radio(claim(page, 1), 'Official non-answer'), include(claim(page, 1))]) {
			const box = await target.boundingBox();
			expect(box?.width).toBeGreaterThanOrEqual(24);
			expect(box?.height).toBeGreaterThanOrEqual(24);
		}
		await expectNoAxeViolations(page);
	});
});

/**
 * The app as a teacher starts it on a classroom laptop: `npm start` with no
 * settings (the suite's server is started so), reached over plain http at
 * localhost, at another address of the machine, and by a name on the school
 * network. A teacher and two students go through a whole assignment at each.
 */
import { chromium, expect, test, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, TEST_CHROMIUM } from '../scripts/chromium.ts';
import { startServer } from '../scripts/bench/server.ts';
import { lanAddresses } from '../src/lib/server/lan-addresses.js';
import { answerAll, classQuiz, createAssignment, join } from './assignments.ts';
import { EASTFIELD } from './helpers.ts';

const total = classQuiz.questions.length;

async function classAt(browser: Browser, origin: string, title: string) {
	const teacherContext = await browser.newContext({ baseURL: origin });
	const teacher = await teacherContext.newPage();
	const created = await createAssignment(teacher, { title, mode: 'Test' });
	// Links point where the class can reach them: this address, over http.
	expect(created.studentUrl.startsWith(`${origin}/a/`)).toBe(true);
	expect(created.manageUrl.startsWith(`${origin}/m/`)).toBe(true);
	// Opened as this computer only, the dashboard says so, and gives the links students can reach instead.
	const local = teacher.getByRole('note').filter({ hasText: 'Students cannot open this link or this QR code.' });
	await expect(local).toHaveCount(new URL(origin).hostname === 'school.test' ? 0 : 1);
	for (const field of await local.getByLabel(/^Student link on /).all())
		expect(await field.inputValue()).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+${new URL(created.studentUrl).pathname}$`));
	// Copy says what it did, here too: over plain http at a school address the browser has no clipboard API.
	await teacher.getByRole('button', { name: 'Copy student link', exact: true }).click();
	await expect(teacher.getByRole('status').filter({ hasText: /^Student link (copied\.|selected: press Ctrl\+C)/ })).toBeVisible();

	const plans = { Noor: classQuiz.questions.map(() => true), Omar: classQuiz.questions.map((_, i) => i % 2 === 0) };
	await Promise.all(
		Object.entries(plans).map(async ([name, plan]) => {
			const context = await browser.newContext({ baseURL: origin });
			const student = await context.newPage();
			await join(student, created.studentUrl, name);
			await answerAll(student, plan);
			await expect(student.getByRole('heading', { name: 'Your results', exact: true })).toBeVisible();
			await context.close();
		})
	);

	await teacher.reload();
	const students = teacher.getByRole('region', { name: 'Students' });
	for (const [name, plan] of Object.entries(plans)) {
		const percent = Math.round((plan.filter(Boolean).length / total) * 100);
		await expect(students.getByRole('row', { name: new RegExp(`^${name} Finished ${total} of ${total} ${percent}%`) })).toBeVisible();
	}
	const download = teacher.waitForEvent('download');
	await teacher.getByRole('link', { name: 'Download results (CSV)' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	expect(csv.split(/\r\n/).filter((line) => /^(Noor|Omar),Finished,/.test(line))).toHaveLength(2);
	// Over plain http no cookie may be Secure, or the browser would have dropped it.
	expect((await teacherContext.cookies()).filter((c) => c.secure)).toEqual([]);
	await teacherContext.close();
}

function originOf(baseURL: string | undefined, host: string): string {
	const url = new URL(baseURL!);
	url.hostname = host;
	return url.origin;
}

test('at http://localhost a teacher creates, two students answer, and the dashboard and CSV show them', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	await classAt(browser, originOf(baseURL, 'localhost'), 'Period 1 at localhost');
});

test('at another address of the machine (127.0.0.2) the same class works over plain http', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	await classAt(browser, originOf(baseURL, '127.0.0.2'), 'Period 2 at 127.0.0.2');
});

test('by a name on the school network (school.test) the same class works', async ({ baseURL }) => {
	test.setTimeout(120_000);
	const named = await chromium.launch({
		executablePath: TEST_CHROMIUM,
		args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP school.test 127.0.0.2']
	});
	try {
		await classAt(named, originOf(baseURL, 'school.test'), 'Period 3 at school.test');
	} finally {
		await named.close();
	}
});

test('a form posted from another site is refused with a message, at any address', async ({ request, baseURL }) => {
	for (const host of ['localhost', '127.0.0.2']) {
		const response = await request.post(`${originOf(baseURL, host)}/teach`, {
			headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			data: `quizSlug=${EASTFIELD}&mode=test`,
			maxRedirects: 0
		});
		expect(response.status(), host).toBe(403);
		expect(await response.text(), host).toMatch(/Cross-site POST form submissions are forbidden/);
	}
});

test('npm start tells the teacher where students open the app, and each address it names serves it', async ({ request }) => {
	const server = await startServer({ capture: true });
	try {
		const { port } = new URL(server.url);
		const said = () => server.output().split('\n').flatMap((line) => /^Students on this network open (\S+)$/.exec(line)?.[1] ?? []);
		// One line for each of this computer's addresses on a network, and none for loopback.
		await expect.poll(said).toEqual(lanAddresses().map((address) => `http://${address}:${port}`));
		expect(server.output()).toContain(`Listening on http://localhost:${port}`);
		for (const origin of said()) {
			const home = await request.get(`${origin}/`);
			expect(home.status(), origin).toBe(200);
			expect(await home.text(), origin).toContain('<title>Who Says? Quizzes on sources in the news</title>');
		}
	} finally {
		await server.stop();
	}
});

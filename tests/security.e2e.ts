import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../scripts/bench/server.ts';
import { classQuiz, createAssignment, join } from './assignments.ts';
import { answer, EASTFIELD, SEED } from './helpers.ts';

test('requests from another origin are refused: form, text/plain and JSON bodies alike', async ({ page, request }) => {
	const created = await createAssignment(page, { title: 'Origins', mode: 'Practice' });
	const code = created.studentUrl.split('/a/')[1]!;
	const foreign = { origin: 'https://evil.example' };
	const targets = [
		{ url: '/teach', data: `quizSlug=${EASTFIELD}`, type: 'application/x-www-form-urlencoded' },
		{ url: `/a/${code}?/join`, data: 'displayName=Mallory', type: 'application/x-www-form-urlencoded' },
		{ url: `/a/${code}/answer`, data: 'questionId=vote', type: 'text/plain' },
		{ url: `/a/${code}/answer`, data: JSON.stringify({ questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }), type: 'application/json' },
		{ url: `/a/${code}/finish`, data: '{}', type: 'application/json' },
		{ url: `${created.dashboardUrl}?/delete`, data: 'confirm=yes', type: 'application/x-www-form-urlencoded' }
	];
	for (const t of targets) {
		const response = await request.post(t.url, { headers: { ...foreign, 'content-type': t.type }, data: t.data, maxRedirects: 0 });
		expect(response.status(), `${t.type} to ${t.url}`).toBe(403);
		// Refused with words a person can read, whichever layer refused it.
		expect(await response.text(), `${t.type} to ${t.url}`).toMatch(/forbidden|did not come from this site/i);
	}
	// The assignment survived the forged delete.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Origins' })).toBeVisible();
});

test('tampered answers and finishes get a clear refusal each, and a score the client sends is ignored', async ({ page, browser, baseURL }) => {
	const created = await createAssignment(page, { title: 'Tampering', mode: 'Practice' });
	const context = await browser.newContext();
	const student = await context.newPage();
	await join(student, created.studentUrl, 'Gus');
	const code = created.studentUrl.split('/a/')[1]!;
	const post = (body: unknown, type = 'application/json') =>
		student.request.post(`/a/${code}/answer`, {
			headers: { origin: baseURL!, 'content-type': type },
			data: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
		});

	const cases: [unknown, RegExp][] = [
		['{not json', /not valid JSON/],
		[{ questionId: 'vote', answer: { type: 'classify', category: 'fact' } }, /seq/],
		[{ questionId: 'nope', answer: { type: 'classify', category: 'fact' }, seq: 0 }, /no question "nope"/],
		[{ questionId: 'vote', answer: { type: 'choice', option: 'x' }, seq: 0 }, /takes a classify answer/],
		[{ questionId: 'vote', answer: { type: 'classify', category: 'rumour' }, seq: 0 }, /not one of this quiz's labels/]
	];
	for (const [body, message] of cases) {
		const response = await post(body);
		expect(response.status(), JSON.stringify(body)).toBe(400);
		expect((await response.json()).message).toMatch(message);
	}
	expect((await post('questionId=vote', 'application/x-www-form-urlencoded')).status()).toBe(415);

	// A score or verdict the client sends is ignored: the server grades.
	const claimed = await post({ questionId: 'vote', answer: { type: 'classify', category: 'anonymous' }, seq: 0, score: 1, correct: true });
	expect(claimed.status()).toBe(200);
	expect((await claimed.json()).graded).toMatchObject({ correct: false, score: 0 });

	// Without the student's cookie there is no attempt to write to.
	const anonymous = await page.request.post(`/a/${code}/answer`, {
		headers: { origin: baseURL!, 'content-type': 'application/json' },
		data: JSON.stringify({ questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 })
	});
	expect(anonymous.status()).toBe(401);

	// Only the one valid answer reached the dashboard, graded wrong.
	await page.reload();
	const students = page.getByRole('region', { name: 'Students' });
	await expect(students.getByRole('row', { name: new RegExp(`^Gus Answering 1 of ${classQuiz.questions.length} 0 pts so far`) })).toBeVisible();

	// A tampered finish is refused and finishes nothing; the list of verdicts the page shows only trims the reply.
	const finish = (body: unknown) =>
		student.request.post(`/a/${code}/finish`, { headers: { origin: baseURL!, 'content-type': 'application/json' }, data: Buffer.from(JSON.stringify(body)) });
	const tampered = await finish({ shown: 'vote' });
	// So is a finish from a page of another attempt, one this browser has since left: the cookie's attempt goes on.
	const fromAnother = await finish({ attempt: '0b6f3f8e-6a53-4a52-9d1e-2f4c1c7d9a10', shown: [] });
	expect([fromAnother.status(), (await fromAnother.json()).message]).toEqual([401, expect.stringMatching(/^This browser has left the attempt on this page/)]);
	expect([tampered.status(), (await tampered.json()).message]).toEqual([400, 'shown: shown must be a list of question ids']);
	const finished = await finish({ shown: ['vote'] });
	expect([finished.status(), await finished.json()]).toEqual([200, { results: {} }]);
	await page.reload();
	await expect(students.getByRole('row', { name: new RegExp(`^Gus Finished 1 of ${classQuiz.questions.length} 0%`) })).toBeVisible();
	await context.close();
});

test('no page asks any other origin for anything, and no script runs inline', async ({ page, baseURL }) => {
	const origins = new Set<string>();
	const violations: string[] = [];
	page.on('request', (r) => origins.add(new URL(r.url()).origin));
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	for (const url of ['/', `/quiz/${SEED}`, '/teach', '/author']) {
		const response = await page.goto(url);
		expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
		expect(response?.headers()['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
	}
	await createAssignment(page, { title: 'One origin', mode: 'Test' });
	expect([...origins]).toEqual([new URL(baseURL!).origin]);
	expect(violations).toEqual([]);
});

test('a restarted server loses nothing: the student resumes where they were', async ({ browser }) => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'whosays-restart-'));
	let server = await startServer({ dataDir });
	try {
		const teacher = await (await browser.newContext({ baseURL: server.url })).newPage();
		const created = await createAssignment(teacher, { title: 'Restart', mode: 'Practice' });
		const context = await browser.newContext({ baseURL: server.url });
		const student = await context.newPage();
		await join(student, created.studentUrl, 'Hana');
		for (const q of classQuiz.questions.slice(0, 2)) {
			await answer(student, classQuiz, q, true);
			await student.getByRole('button', { name: 'Next question' }).click();
		}
		const port = Number(new URL(server.url).port);
		await server.stop();
		server = await startServer({ dataDir, port });
		// Even with this browser's copy gone, the server alone puts the student back.
		await student.evaluate(() => localStorage.clear());
		await student.reload();
		await expect(student.getByRole('heading', { name: `Question 3 of ${classQuiz.questions.length}` })).toBeVisible();
		for (const [i, q] of classQuiz.questions.slice(2).entries()) {
			await answer(student, classQuiz, q, true);
			await student.getByRole('button', { name: i === classQuiz.questions.length - 3 ? 'See your results' : 'Next question' }).click();
		}
		await expect(student.getByText(`${classQuiz.questions.length} of ${classQuiz.questions.length} questions fully right.`)).toBeVisible();
		await teacher.goto(created.manageUrl);
		await expect(teacher.getByRole('row', { name: new RegExp(`^Hana Finished ${classQuiz.questions.length} of ${classQuiz.questions.length} 100%`) })).toBeVisible();
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});

const NAMES = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Mo', 'Nia', 'Otto', 'Pia', 'Quin', 'Rosa', 'Sam', 'Tess', 'Uma', 'Vic', 'Wes', 'Xena', 'Yara', 'Zac', 'Ayla', 'Bram', 'Cyra', 'Dov', 'Enzo', 'Faye', 'Gil', 'Hugo', 'Iris', 'Joel', 'Kira', 'Levi', 'Mina', 'Noor'];

test('a class of 40 behind one address, 36 typos among them, all get in while a guessing script beside them is stopped', async ({ browser, playwright }) => {
	test.setTimeout(120_000);
	const server = await startServer();
	try {
		const teacher = await (await browser.newContext({ baseURL: server.url })).newPage();
		const created = await createAssignment(teacher, { title: 'Guessing', mode: 'Practice' });
		const code = created.studentUrl.split('/a/')[1]!;
		const typo = (i: number) => code.slice(0, i % 6) + (code[i % 6] === 'Z' ? 'Y' : 'Z') + code.slice((i % 6) + 1);

		const guesses: { status: number; retryAfter?: string }[] = [];
		const script = await playwright.request.newContext({ baseURL: server.url });
		const guess = async (n: number) => {
			for (let i = 0; i < n; i++) {
				const response = await script.get(`/a/${'ABCDEFGHJKMN'[i % 12]}${'PQRSTVWXYZ'[(i >> 2) % 10]}${String(2000 + i).slice(-4).replace(/[01]/g, '9')}`, { maxRedirects: 0 });
				guesses.push({ status: response.status(), retryAfter: response.headers()['retry-after'] });
			}
		};

		const joined: string[] = [];
		const student = async (i: number) => {
			const device = await playwright.request.newContext({ baseURL: server.url });
			if (i < 36) await device.get(`/a/${typo(i)}`, { maxRedirects: 0 });
			const page = await device.get(`/a/${code}`);
			expect(page.status(), `student ${i} opening the class`).toBe(200);
			const join = await device.post(`/a/${code}?/join`, {
				headers: { origin: server.url, accept: 'text/html' },
				form: { displayName: NAMES[i]! },
				maxRedirects: 0
			});
			expect(join.status(), `student ${i} joining`).toBe(303);
			if ((await device.storageState()).cookies.some((c) => c.name === 'whosays_attempt')) joined.push(String(i));
			await device.dispose();
		};

		// The script starts first, then keeps going while the class arrives.
		await guess(40);
		await Promise.all([guess(60), ...Array.from({ length: 40 }, (_, i) => student(i))]);

		expect(joined).toHaveLength(40);
		const lookedUp = guesses.filter((g) => g.status === 404).length;
		const refused = guesses.filter((g) => g.status === 429);
		expect(lookedUp).toBeLessThanOrEqual(31);
		expect(refused.length).toBe(guesses.length - lookedUp);
		expect(refused.every((g) => Number(g.retryAfter) > 0)).toBe(true);
		test.info().annotations.push({ type: 'figures', description: `40 of 40 students joined; ${lookedUp} of ${guesses.length} guesses looked up` });

		// The teacher's open dashboard was never refused.
		await teacher.reload();
		await expect(teacher.getByText('40 joined')).toBeVisible();
		await script.dispose();
	} finally {
		await server.stop();
	}
});

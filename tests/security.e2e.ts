import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../scripts/bench/server.ts';
import { classQuiz, createAssignment, join } from './assignments.ts';
import { answer, EASTFIELD, SEED } from './helpers.ts';

test('requests from another origin are refused: form, text/plain and JSON bodies alike', async ({ page, request, baseURL }) => {
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
	expect(baseURL).toBeTruthy();
});

test('tampered answers get a clear 400 each, and a score the client sends is ignored', async ({ page, browser, baseURL }) => {
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
	await expect(page.getByRole('region', { name: 'Students' }).getByRole('row', { name: new RegExp(`^Gus Answering 1 of ${classQuiz.questions.length} 0 pts so far`) })).toBeVisible();
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

test('guessing class codes is stopped after a few dozen tries, without blocking the class', async ({ browser }) => {
	const server = await startServer();
	try {
		const page = await (await browser.newContext({ baseURL: server.url })).newPage();
		const created = await createAssignment(page, { title: 'Guessing', mode: 'Practice' });
		const statuses: number[] = [];
		for (let i = 0; i < 32; i++) {
			const guess = `/a/${'ABCDEFGHJKMN'[i % 12]}${'PQRSTVWXYZ'[i % 10]}2345`;
			statuses.push((await page.request.get(guess)).status());
		}
		expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
		expect(statuses.at(-1)).toBe(429);
		const blocked = await page.goto(created.studentUrl);
		expect(blocked?.status()).toBe(429);
		await expect(page.getByText('Too many tries from this network')).toBeVisible();
	} finally {
		await server.stop();
	}
});

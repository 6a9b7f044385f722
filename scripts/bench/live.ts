/**
 * How soon a teacher sees a student's answer: the time from a student's
 * answer leaving for the server until the open dashboard, in a real Chromium,
 * shows it in that student's row. Measured live (the server-sent stream, as
 * the dashboard normally runs) and, in the same run as the reference, with
 * the stream blocked, where the page falls back to polling every few seconds.
 *
 * The student answers through the requests a student's browser sends; the
 * time the answer leaves is taken in this process just before it is sent, and
 * the time it is on screen inside the page by a MutationObserver, both on the
 * same machine's clock. Between answers a pause of up to a second and a half,
 * so answers land anywhere in the stream's once-a-second read and the poll's
 * cycle, not in step with them.
 */
import { chromium, request, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { QuizSchema, type Answer, type Question } from '../../src/lib/quiz/schema.ts';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from './server.ts';

const QUIZ = 'eastfield-library-closure';
const SAMPLES = 12;
const quiz = QuizSchema.parse(JSON.parse(readFileSync(`quizzes/${QUIZ}.json`, 'utf8')));

/** Any well-formed answer: right or wrong does not matter here, only that the row moves on. */
function answerTo(question: Question): Answer {
	switch (question.type) {
		case 'classify':
			return { type: 'classify', category: question.answer, ...(question.cite ? { marked: [0] } : {}) };
		case 'cue':
			return { type: 'cue', marked: [0] };
		case 'choice':
			return { type: 'choice', option: question.answer };
		case 'order':
			return { type: 'order', order: question.items.map((item) => item.id) };
	}
}

async function createAssignment(page: Page, base: string, title: string): Promise<string> {
	await page.goto(`${base}/teach`);
	await page.getByLabel('Quiz', { exact: true }).selectOption(QUIZ);
	await page.getByLabel(/Title students see/).fill(title);
	await page.getByRole('radio', { name: /^Practice/ }).check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	await page.getByRole('heading', { level: 1, name: title }).waitFor();
	return page.getByLabel('Student link', { exact: true }).inputValue();
}

async function join(studentUrl: string, name: string): Promise<APIRequestContext> {
	const origin = new URL(studentUrl).origin;
	const api = await request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
	const joined = await api.post(`${studentUrl}?/join`, { form: { displayName: name }, headers: { accept: 'text/html' }, maxRedirects: 0 });
	if (joined.status() !== 303) throw new Error(`${name} could not join: ${joined.status()}`);
	return api;
}

/**
 * In the page: resolves with Date.now() at the first DOM state where the
 * student's row says Answering, n of the questions. Sent as source text: the bundler
 * this script runs under would wrap named functions in a helper the page lacks.
 */
const ROW_WATCH = `({ name, answered }) => new Promise((resolve) => {
	const holds = () => [...document.querySelectorAll('tbody tr')].some((row) => {
		const cells = [...row.children].map((cell) => (cell.textContent ?? '').trim());
		return cells[0] === name && cells[1] === 'Answering' && cells[2].startsWith(answered + ' of');
	});
	if (holds()) return resolve(Date.now());
	const observer = new MutationObserver(() => {
		if (!holds()) return;
		observer.disconnect();
		resolve(Date.now());
	});
	observer.observe(document.body, { subtree: true, childList: true, characterData: true });
})`;

function whenRowShows(page: Page, name: string, answered: number): Promise<number> {
	return page.evaluate(`(${ROW_WATCH})(${JSON.stringify({ name, answered })})`) as Promise<number>;
}

async function delays(page: Page, studentUrl: string, name: string): Promise<number[]> {
	const api = await join(studentUrl, name);
	const out: number[] = [];
	for (let i = 0; i < SAMPLES; i++) {
		const question = quiz.questions[i]!;
		const shown = whenRowShows(page, name, i + 1);
		const sent = Date.now();
		const response = await api.post(`${studentUrl}/answer`, { data: { questionId: question.id, answer: answerTo(question), seq: i } });
		if (!response.ok()) throw new Error(`answer ${i + 1} was refused: ${response.status()}`);
		out.push((await shown) - sent);
		await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
	}
	await api.dispose();
	return out;
}

const line = (label: string, ms: number[]) => {
	const sorted = [...ms].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
	return `${label.padEnd(32)} median ${String(at(0.5)).padStart(5)} ms   p95 ${String(at(0.95)).padStart(5)} ms   max ${String(sorted.at(-1)).padStart(5)} ms   (${ms.length} answers)`;
};

export async function benchLive(): Promise<void> {
	const server = await startServer();
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		const studentUrl = await createAssignment(page, server.url, 'Live bench');
		await page.getByText(/^Live: updates by itself/).waitFor();
		const live = await delays(page, studentUrl, 'Ada');

		// The reference: the same dashboard with its stream refused, polling instead.
		await page.route('**/live', (route) => route.abort('connectionreset'));
		await page.reload();
		await page.getByText(/^The live connection dropped/).waitFor();
		const polling = await delays(page, studentUrl, 'Bo');

		console.log('From a student\'s answer to their row on the open dashboard (target: under 2 s):');
		console.log(line('live (server-sent events)', live));
		console.log(line('polling (the stream blocked)', polling));
	} finally {
		await browser.close();
		await server.stop();
	}
}

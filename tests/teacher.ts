/**
 * Steps of the teacher's journeys. The class here answers through the same
 * requests a student's browser sends (join form, answer and finish JSON), so
 * a journey about the dashboard can seed a class in a second and watch it.
 */
import { expect, type APIRequest, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { cueTokens } from '../src/lib/quiz/grading.ts';
import type { Answer, Question, Quiz } from '../src/lib/quiz/schema.ts';
import { tokenize } from '../src/lib/quiz/text.ts';
import { classQuiz } from './assignments.ts';
import { expectNoAxeViolations } from './helpers.ts';

/** The answer a student sends: right, or wrong as the browser journeys answer wrongly (the first other label). */
export function answerTo(question: Question, right: boolean, quiz: Quiz = classQuiz): Answer {
	if (question.type === 'classify') {
		if (right) return { type: 'classify', category: question.answer, ...(question.cite ? { marked: cueTokens(question.quote, question.cues) } : {}) };
		return { type: 'classify', category: quiz.categories.find((c) => c.id !== question.answer)!.id, ...(question.cite ? { marked: [] } : {}) };
	}
	if (question.type === 'choice') return { type: 'choice', option: right ? question.answer : question.options.find((o) => o.id !== question.answer)!.id };
	if (question.type === 'order') {
		const ids = question.items.map((item) => item.id);
		return { type: 'order', order: right ? ids : ids.toReversed() };
	}
	const cues = cueTokens(question.quote, question.cues);
	return { type: 'cue', marked: right ? cues : [tokenize(question.quote).findIndex((_, i) => !cues.includes(i))] };
}

/** A student's device, as far as the server can tell: its own cookies, sending what the page would send. */
export class ClassMember {
	#seq = 0;
	private constructor(
		readonly api: APIRequestContext,
		readonly studentUrl: string,
		readonly name: string
	) {}

	static async join(request: APIRequest, studentUrl: string, name: string): Promise<ClassMember> {
		const origin = new URL(studentUrl).origin;
		const api = await request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
		const joined = await api.post(`${studentUrl}?/join`, { form: { displayName: name }, headers: { accept: 'text/html' }, maxRedirects: 0 });
		expect(joined.status(), `${name} joins`).toBe(303);
		return new ClassMember(api, studentUrl, name);
	}

	/** Answers right or wrong as `answerTo` does, or with the answer given. */
	async answer(question: Question, right: boolean | Answer): Promise<void> {
		const response = await this.api.post(`${this.studentUrl}/answer`, {
			data: { questionId: question.id, answer: typeof right === 'boolean' ? answerTo(question, right) : right, seq: this.#seq++ }
		});
		expect(response.ok(), `${this.name} answers ${question.id}`).toBe(true);
	}

	/** Answers the quiz's questions in order, right or wrong as `plan` says, as far as the plan goes. */
	async answerAll(plan: boolean[], quiz: Quiz = classQuiz): Promise<void> {
		for (const [i, right] of plan.entries()) await this.answer(quiz.questions[i]!, right);
	}

	async finish(): Promise<void> {
		const response = await this.api.post(`${this.studentUrl}/finish`, { data: {} });
		expect(response.ok(), `${this.name} finishes`).toBe(true);
	}

	async leave(): Promise<void> {
		await this.api.dispose();
	}
}

/** Axe in the light scheme and in the dark one. */
export async function expectNoAxeViolationsInBothSchemes(page: Page): Promise<void> {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page);
	}
	await page.emulateMedia({ colorScheme: null });
}

/** The cells' texts of a table's body rows, trimmed. */
export async function tableCells(table: Locator): Promise<string[][]> {
	const rows = table.getByRole('row');
	const out: string[][] = [];
	for (let i = 1; i < (await rows.count()); i++) {
		out.push((await rows.nth(i).getByRole('cell').or(rows.nth(i).getByRole('rowheader')).allInnerTexts()).map((t) => t.trim()));
	}
	return out;
}

/**
 * What the probes share: the quiz with its answer key (read from the same
 * file the build embeds), the verdict a probe returns, and what a teacher and
 * a student do through the app's own forms.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../../src/lib/server/quiz-files.ts';
import type { Answer, Question, Quiz } from '../../src/lib/quiz/schema.ts';
import type { RunningServer, ServerOptions } from '../bench/server.ts';
import { Person, type Reply } from './client.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SLUG = 'eastfield-library-closure';
export const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
export const JSON_ONLY = 'application/json';

export const quiz: Quiz = (() => {
	const file = `quizzes/${SLUG}.json`;
	const entry = loadCatalogue({ [file]: readFileSync(path.join(ROOT, file), 'utf8') }).get(SLUG);
	if (!entry) throw new Error(`${file} did not load`);
	return entry.quiz;
})();

// ---------------------------------------------------------------- verdicts

/** REFUSED or HANDLED: the attack failed or was handled as intended; OPEN: it worked. */
export type Verdict = 'REFUSED' | 'HANDLED' | 'OPEN';

export interface Outcome {
	verdict: Verdict;
	/** What the probe measured, on one line. */
	figures: string;
	/** A line printed after the table. */
	footnote?: string;
	/** For a probe that can only judge once the server has stopped (its whole log written). */
	settle?: (serverOutput: string) => Outcome;
}

export const judged = (held: boolean, verdict: 'REFUSED' | 'HANDLED', figures: string): Outcome => ({
	verdict: held ? verdict : 'OPEN',
	figures
});

export interface Ctx {
	/** The server most probes share, its output captured. */
	app: RunningServer;
	/** Its origin as the probes address it. */
	origin: string;
	/** The database file it serves. */
	dbFile: string;
	/** Starts another server, stopped by the run whatever happens. */
	startServer(options?: ServerOptions): Promise<RunningServer>;
	/** Stops a server started with ctx.startServer. */
	stopServer(server: RunningServer): Promise<void>;
	/** Something to end on Ctrl-C or failure (a child process, a lock). */
	onStop(stop: () => Promise<void> | void): () => void;
	/** Every secret the run has seen on the shared server (manage tokens, cookies), to look for in its log. */
	secrets: Set<string>;
}

export interface Probe {
	name: string;
	run(ctx: Ctx): Promise<Outcome>;
}

/** 127.0.0.1 rather than localhost: one address family, and the Origin header matches what the server sees. */
export const originOf = (server: RunningServer) => server.url.replace('//localhost:', '//127.0.0.1:');

// ---------------------------------------------------------------- the key

export interface KeyText {
	questionId: string;
	text: string;
}

/** Every explanation and why-not text in the quiz: what a page without the key must not hold. */
export function keyTexts(q: Quiz = quiz): KeyText[] {
	const out: KeyText[] = [];
	const add = (question: Question, text: string | undefined) => text && out.push({ questionId: question.id, text });
	for (const question of q.questions) {
		add(question, question.explanation);
		if (question.type === 'classify') for (const text of Object.values(question.whyNot)) add(question, text);
		if (question.type === 'choice') for (const option of question.options) add(question, option.whyNot);
		if (question.type === 'cue') for (const decoy of question.decoys ?? []) add(question, decoy.whyNot);
		if (question.type === 'order') for (const item of question.items) add(question, item.explanation);
	}
	return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescaped(page: string): string {
	return page
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
			return ENTITIES[name.toLowerCase()] ?? whole;
		})
		.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
		.replace(/\\(["\\/])/g, '$1');
}

/** Whether a page, JSON or script holds `text`, however it was escaped on the way (HTML entities, JSON, \u escapes). */
export function holds(body: string, text: string): boolean {
	return body.includes(text) || unescaped(body).includes(text) || body.includes(JSON.stringify(text).slice(1, -1));
}

/** A valid answer to `question` that is wrong, so a verdict carries a why-not text where there is one. */
export function wrongAnswer(question: Question): Answer {
	if (question.type === 'classify') return { type: 'classify', category: Object.keys(question.whyNot)[0]! };
	if (question.type === 'choice') return { type: 'choice', option: question.options.find((o) => o.id !== question.answer)!.id };
	if (question.type === 'order') return { type: 'order', order: question.items.map((item) => item.id).toReversed() };
	return { type: 'cue', marked: [0] };
}

/** A name as it can be printed: anything outside printable ASCII as \uXXXX. */
export const shown = (name: string) =>
	name.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

export const short = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

// ---------------------------------------------------------------- what people do

export interface Created {
	id: string;
	/** The class code, as the dashboard shows it in the student link. */
	code: string;
	/** The /m/<token> secret the link page showed. */
	manageToken: string | null;
	/** The link page as the teacher first saw it. */
	linkPage: Reply;
}

export interface AssignmentForm {
	title?: string;
	mode?: 'practice' | 'test';
	order?: 'fixed' | 'shuffled';
	attemptsAllowed?: string;
	opensAt?: string;
	closesAt?: string;
	/** The browser's offset at the closing time typed (the opening's is sent as 0). */
	closesAtOffset?: string;
	quizSlug?: string;
}

export function teachForm(form: AssignmentForm = {}): Record<string, string> {
	return {
		quizSlug: form.quizSlug ?? SLUG,
		title: form.title ?? '',
		mode: form.mode ?? 'practice',
		order: form.order ?? 'fixed',
		attemptsAllowed: form.attemptsAllowed ?? '1',
		opensAt: form.opensAt ?? '',
		closesAt: form.closesAt ?? '',
		opensAtOffset: '0',
		closesAtOffset: form.closesAtOffset ?? '0'
	};
}

const TOKEN_IN_PAGE = /\/m\/([A-Za-z0-9_-]{43})/;

/**
 * A teacher creates an assignment with the form on /teach, lands on the page
 * that shows the manage link once, then opens the dashboard (which vouches
 * for the network the teacher is on) to read the class code.
 */
export async function createAssignment(teacher: Person, form: AssignmentForm, ctx?: Pick<Ctx, 'secrets'>): Promise<Created> {
	const linkPage = await teacher.post('/teach', { form: teachForm(form), headers: { accept: HTML } });
	const id = /^\/manage\/([^/]+)\/link$/.exec(linkPage.url.pathname)?.[1];
	if (linkPage.status !== 200 || !id) throw new Error(`creating an assignment ended at ${linkPage.url.pathname} with ${linkPage.status}`);
	const manageToken = TOKEN_IN_PAGE.exec(linkPage.text)?.[1] ?? null;
	const dashboard = await teacher.get(`/manage/${id}`, { headers: { accept: HTML } });
	const code = /\/a\/([23456789A-Z]{6})\b/.exec(dashboard.text)?.[1];
	if (dashboard.status !== 200 || !code) throw new Error(`the dashboard of a new assignment answered ${dashboard.status} without a class code`);
	if (ctx) {
		if (manageToken) ctx.secrets.add(manageToken);
		const cookie = teacher.cookie('whosays_teacher');
		if (cookie) ctx.secrets.add(cookie);
	}
	return { id, code, manageToken, linkPage };
}

/** A student opens the class page and joins under `name`; the reply is the join's own (not followed). */
export async function join(student: Person, code: string, name: string): Promise<Reply> {
	await student.get(`/a/${code}`, { headers: { accept: HTML } });
	return student.post(`/a/${code}?/join`, { form: { displayName: name }, headers: { accept: HTML }, follow: false });
}

/** Joins and checks the student got an attempt; its resume token is remembered as a secret. */
export async function joined(student: Person, code: string, name: string, ctx?: Pick<Ctx, 'secrets'>): Promise<void> {
	const reply = await join(student, code, name);
	const token = student.cookie('whosays_attempt');
	if (reply.status !== 303 || !token) throw new Error(`${shown(name)} could not join (${reply.status})`);
	ctx?.secrets.add(token);
}

export function answerPost(student: Person, code: string, body: unknown): Promise<Reply> {
	return student.post(`/a/${code}/answer`, { json: body, headers: { accept: JSON_ONLY } });
}

/** Runs `work` over `items` with at most `width` at once, in order of start. */
export async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			await work(items[i]!, i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

export const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

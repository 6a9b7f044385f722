/**
 * The server itself: its log, its database under another program's lock or a
 * second server, and what it answers to malformed cookies and bodies.
 */
import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, withoutAppSettings } from '../bench/server.ts';
import { startArgs } from '../start-command.ts';
import { Person, type Reply } from './client.ts';
import { answerPost, createAssignment, HTML, joined, JSON_ONLY, judged, ROOT, short, SLUG, type Probe } from './context.ts';

const randomToken = () => randomBytes(32).toString('base64url');

export const logSecrets: Probe = {
	name: 'secrets in the server log',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { id } = await createAssignment(teacher, { title: 'Log' }, ctx);
		const guessed = randomToken();
		const forged = randomToken();
		const stranger = new Person(ctx.origin, 'stranger');
		const link = await stranger.get(`/m/${guessed}`, { headers: { accept: HTML } });
		const badEscape = await stranger.get('/m/%ZZ', { headers: { accept: HTML } });
		stranger.setCookie('whosays_teacher', forged);
		const dashboard = await stranger.get(`/manage/${id}`, { headers: { accept: HTML } });
		const csv = await stranger.get(`/manage/${id}/export.csv`);
		ctx.secrets.add(guessed);
		ctx.secrets.add(forged);
		const statuses = `/m/<random> ${link.status}, /m/%ZZ ${badEscape.status}, forged-cookie dashboard ${dashboard.status}, CSV ${csv.status}`;
		const refused = link.status === 404 && badEscape.status < 500 && badEscape.status >= 400 && dashboard.status === 403 && csv.status === 403;
		// Judged once the server has stopped: then everything it printed has arrived.
		return {
			verdict: 'OPEN',
			figures: statuses,
			settle: (output) => {
				const leaked = [...ctx.secrets].filter((secret) => output.includes(secret));
				const lines = output.split('\n').filter((l) => l.trim()).length;
				return judged(
					refused && leaked.length === 0,
					'HANDLED',
					`${statuses}; server printed ${lines} line(s) in the whole run; tokens found in it: ${leaked.length} of ${ctx.secrets.size} ` +
						`(these requests' 2, and every manage link, teacher cookie and resume token of the run)`
				);
			}
		};
	}
};

export const heldLock: Probe = {
	name: 'write lock held by another program for 5 s',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { code } = await createAssignment(teacher, { title: 'Backup' }, ctx);
		const student = new Person(ctx.origin, 'student');
		await joined(student, code, 'Mia', ctx);
		const visitor = new Person(ctx.origin, 'visitor');

		const HOLD_MS = 5_000;
		const other = new SQLite(ctx.dbFile);
		const release = () => {
			if (!other.open) return;
			if (other.inTransaction) other.exec('ROLLBACK');
			other.close();
		};
		const forget = ctx.onStop(release);
		let page: Reply, write: Reply, icons: Reply[];
		try {
			other.exec('BEGIN IMMEDIATE');
			const lockedAt = performance.now();
			const favicons = async () => {
				const out: Reply[] = [];
				for (let i = 0; i < 5; i++) out.push(await visitor.get('/favicon.svg'));
				return out;
			};
			[page, write, icons] = await Promise.all([
				visitor.get(`/a/${code}`, { headers: { accept: HTML } }),
				answerPost(student, code, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }),
				favicons()
			]);
			// The one wait the probe needs: the other program keeps its lock for its full 5 s.
			await sleep(Math.max(0, HOLD_MS - (performance.now() - lockedAt)));
		} finally {
			release();
			forget();
		}
		const after = await visitor.get(`/a/${code}`, { headers: { accept: HTML } });
		const writeAfter = await answerPost(student, code, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 1 });

		const iconMs = Math.max(...icons.map((r) => r.ms));
		const iconsOk = icons.every((r) => r.status === 200) && iconMs < 200;
		const answered = (r: Reply) => (r.status === 200 || (r.status === 503 && Number(r.headers.get('retry-after')) > 0)) && r.ms < 2_500;
		const describe = (r: Reply) =>
			`${r.status}${r.headers.get('retry-after') ? ` Retry-After ${r.headers.get('retry-after')}` : ''} in ${Math.round(r.ms)} ms`;
		return judged(
			iconsOk && answered(page) && answered(write) && after.status === 200 && writeAfter.status === 200,
			'HANDLED',
			`/favicon.svg: ${icons.map((r) => r.status).join('/')} in ≤${Math.round(iconMs)} ms; /a/<code>: ${describe(page)}; ` +
				`an answer (a write): ${describe(write)}; after release: page ${after.status}, answer ${writeAfter.status}`
		);
	}
};

export const secondServer: Probe = {
	name: 'second server on the same database',
	async run(ctx) {
		const port = await freePort();
		const started = performance.now();
		const child = spawn(process.execPath, startArgs(), {
			cwd: ROOT,
			env: { ...withoutAppSettings(process.env), PORT: String(port), WHOSAYS_DB: ctx.dbFile },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const forget = ctx.onStop(() => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		});
		let printed = '';
		child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		const exit = await new Promise<number | string | null>((resolve) => {
			const timer = setTimeout(() => resolve(null), 10_000);
			child.once('close', (code, signal) => {
				clearTimeout(timer);
				resolve(code ?? signal);
			});
		});
		const ms = performance.now() - started;
		if (exit === null) {
			child.kill('SIGKILL');
			await new Promise((resolve) => child.once('close', resolve));
		}
		forget();
		const firstLine = printed.split('\n').find((l) => l.trim()) ?? '(nothing)';
		const first = await new Person(ctx.origin, 'visitor').get('/', { headers: { accept: HTML } });
		return judged(
			exit !== null && exit !== 0 && ms < 10_000 && firstLine.includes(ctx.dbFile) && first.status === 200,
			'REFUSED',
			`exit code ${exit ?? 'none (still running after 10 s)'} after ${Math.round(ms)} ms; first line: "${firstLine}"; the first server still answers ${first.status}`
		);
	}
};

export const malformedCookies: Probe = {
	name: 'malformed cookies',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { id, code } = await createAssignment(teacher, { title: 'Cookies' }, ctx);
		const odd = new Person(ctx.origin, 'odd browser');
		odd.setCookie('whosays_teacher', '%');
		odd.setCookie('whosays_attempt', '%E0%A4%A');
		odd.setCookie('whosays_testing', '%ZZ');
		odd.setCookie('whosays_new_link', '%');
		const replies: [string, Reply][] = [
			['page', await odd.get(`/a/${code}`, { headers: { accept: HTML } })],
			['answer', await answerPost(odd, code, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 })],
			['finish', await odd.post(`/a/${code}/finish`, { json: {}, headers: { accept: JSON_ONLY } })],
			['join', await odd.post(`/a/${code}?/join`, { form: { displayName: 'Odd' }, headers: { accept: HTML }, follow: false })],
			['dashboard', await odd.get(`/manage/${id}`, { headers: { accept: HTML } })],
			['link page', await odd.get(`/manage/${id}/link`, { headers: { accept: HTML } })],
			['CSV', await odd.get(`/manage/${id}/export.csv`)],
			['practice', await odd.get(`/quiz/${SLUG}`, { headers: { accept: HTML } })],
			['check', await odd.post(`/quiz/${SLUG}/check`, { json: { questionId: 'vote', answer: { type: 'classify', category: 'fact' } }, headers: { accept: JSON_ONLY } })]
		];
		return judged(
			replies.every(([, r]) => r.status < 500),
			'HANDLED',
			replies.map(([what, r]) => `${what} ${r.status}`).join(', ')
		);
	}
};

export const securityHeaders: Probe = {
	name: 'headers on JSON errors and static files',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { code } = await createAssignment(teacher, { title: 'Headers' }, ctx);
		const stranger = new Person(ctx.origin, 'stranger');
		const error = await answerPost(stranger, code, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 });
		const csp = error.headers.get('content-security-policy');
		const icon = await stranger.get('/favicon.svg');
		const nosniff = icon.headers.get('x-content-type-options');
		return judged(
			error.status >= 400 && /json/.test(error.headers.get('content-type') ?? '') && !!csp && icon.status === 200 && nosniff === 'nosniff',
			'HANDLED',
			`answer ${error.status} ${error.headers.get('content-type')}: CSP "${short(csp ?? '(none)', 40)}"; ` +
				`/favicon.svg ${icon.status}: X-Content-Type-Options ${nosniff ?? '(none)'}`
		);
	}
};

export const contentType: Probe = {
	name: 'answer sent as text/plain',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { code } = await createAssignment(teacher, { title: 'Content type' }, ctx);
		const student = new Person(ctx.origin, 'student');
		await joined(student, code, 'Leo', ctx);
		const type = 'text/plain; x=application/json';
		const reply = await student.post(`/a/${code}/answer`, {
			body: JSON.stringify({ questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 }),
			headers: { 'content-type': type, accept: JSON_ONLY }
		});
		let message = '';
		try {
			message = (JSON.parse(reply.text) as { message?: string }).message ?? '';
		} catch {
			message = reply.text;
		}
		return judged(reply.status === 415, 'REFUSED', `Content-Type "${type}": ${reply.status} "${short(message, 60)}"`);
	}
};

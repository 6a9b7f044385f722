/**
 * A student's journey through an assignment, as a browser makes it, and the
 * tallies all the students of a scenario share.
 *
 * Like the page's outbox (src/lib/client/outbox.svelte.ts), a student sends
 * an answer again, with the same seq, until the server acknowledges it: after
 * no response, a 5xx or a 429, waiting 1, 2, 5, 10 then 15 s between tries. Any
 * other refusal is final. Loading the page and finishing are tried again the
 * same way, as a student reloads. Joining is not idempotent (a second join
 * under the name is refused while the first attempt is under way), so it is
 * tried again, as a student presses Join again, only when it most likely did
 * not happen: refused by the balancer or the app as unavailable (502, 503,
 * 504), a 429, or a connection refused. A 502 can also mean the process died
 * after storing the join; the second try is then refused as a name in use
 * (a 409), as the student would be, and counted.
 */
import type { Agent } from 'node:http';
import { cookieFrom, newAgent, send, sleep, Tally, type Reply, type Send, type Target } from '../load-client.ts';
import { int, latencyTable } from './report.ts';
import { COOKIE, HTML, type Item } from './setup.ts';

/** What all the students of a scenario share: where to go, and the tallies. */
export class Journey {
	readonly all = new Tally();
	readonly form = new Tally();
	readonly join = new Tally();
	readonly page = new Tally();
	readonly answer = new Tally();
	readonly finish = new Tally();
	/** `${code}:${student}:${questionId}` for every answer the server acknowledged (2xx). */
	readonly acked = new Set<string>();
	/** Answers the server refused for good (a 4xx other than 429). */
	failedAnswers = 0;
	/** Answers still unacknowledged when the run's time limit came. */
	unacknowledged = 0;
	/** Requests sent again after no response, a 5xx or a 429 (each resend counts). */
	resent = 0;
	/** Answers never sent: the student could not join, or the run's time limit came first. */
	unsentNoJoin = 0;
	unsentLimit = 0;
	studentsStopped = 0;
	/** performance.now() after which students send nothing more. */
	limit = Infinity;
	/** When a fault began and ended (performance.now()), set by the ramp running it. */
	readonly fault: { from?: number; to?: number } = {};
	/** Answers by when they were first sent: before a fault, while it lasted or soon after, later. */
	readonly answerPhases = { before: new Tally(), around: new Tally(), after: new Tally() };

	/** The tally of answers first sent now (`around`: from the fault's start until SETTLE_MS after its end). */
	answerPhase(now = performance.now()): Tally {
		const { from, to } = this.fault;
		if (from === undefined || now < from) return this.answerPhases.before;
		return to === undefined || now < to + SETTLE_MS ? this.answerPhases.around : this.answerPhases.after;
	}

	constructor(
		readonly target: Target,
		readonly code: string,
		readonly items: Item[]
	) {}

	table(): void {
		latencyTable([
			['all requests', this.all],
			['join form (GET)', this.form],
			['join (POST)', this.join],
			['page (GET)', this.page],
			['answer (POST)', this.answer],
			['finish (POST)', this.finish],
			...(this.fault.from === undefined
				? []
				: ([
						['answer, before', this.answerPhases.before],
						['answer, fault', this.answerPhases.around],
						['answer, after', this.answerPhases.after]
					] as [string, Tally][]))
		]);
		if (this.fault.from !== undefined)
			console.log(`  (answers by when first sent: before the fault; from its start until ${SETTLE_MS / 1000} s after its end; after that)`);
		if (this.all.socketErrors.size) console.log('  (a request that failed counts in the latencies with the time it took to fail)');
		const connections = this.all.connections;
		console.log(
			`  client connections opened ${int(connections)}${this.all.retried ? `; requests sent again after a reset keep-alive connection ${int(this.all.retried)}` : ''}`
		);
	}
}

/** How long after a fault's end answers still count as sent around it: the outbox's resends of what it held up. */
const SETTLE_MS = 30_000;

/** As the page's outbox: the waits between tries of one request. */
export const RESEND_MS = [1_000, 2_000, 5_000, 10_000, 15_000];

/** Whether a reply is worth sending an idempotent request again for: none at all, a server error, or a 429. */
const worthResending = (r: Reply) => r.status === 0 || r.status >= 500 || r.status === 429;

/** Whether a request most likely did not take effect, so that even a join may be sent again. */
const likelyNotDone = (r: Reply) => [429, 502, 503, 504].includes(r.status) || r.error === 'ECONNREFUSED';

/** One student on one device: a keep-alive connection of its own, from `address` (shared by a class behind one router). */
export class Student {
	readonly agent: Agent;
	token: string | undefined;
	/** The questions whose verdicts this student's page shows: every answer acknowledged, in practice mode, came back with one. */
	readonly shown: string[] = [];

	constructor(
		readonly j: Journey,
		readonly index: number,
		readonly address: string
	) {
		this.agent = newAgent(address);
	}

	/**
	 * Sends a request until it gets a reply not worth resending, or the run's
	 * time limit comes (then the last reply, or undefined if it came first).
	 */
	async persist(tallies: Tally[], req: Send, again: (r: Reply) => boolean = worthResending): Promise<Reply | undefined> {
		const { j } = this;
		for (let tries = 0; performance.now() <= j.limit; tries++) {
			const r = await send(this.agent, j.target, tallies, req);
			if (!again(r)) return r;
			j.resent++;
			await sleep(RESEND_MS[Math.min(tries, RESEND_MS.length - 1)]!);
		}
		return undefined;
	}

	/** Opens the class link, as a student does before typing a name: the join form, on the connection the join then takes. */
	async open(): Promise<void> {
		const { j } = this;
		await this.persist([j.all, j.form], { method: 'GET', path: `/a/${j.code}`, headers: { accept: HTML } });
	}

	/** Joins as a browser does: the form post, then the page the 303 leads to. */
	async join(): Promise<boolean> {
		const { j } = this;
		const posted = (await this.persist(
			[j.all, j.join],
			{
				method: 'POST',
				path: `/a/${j.code}?/join`,
				headers: {
					origin: j.target.origin,
					'content-type': 'application/x-www-form-urlencoded',
					// As a browser's form post: SvelteKit answers it with a 303 rather than the JSON its own fetch gets.
					accept: HTML
				},
				body: new URLSearchParams({ displayName: `Student ${this.index + 1}` }).toString()
			},
			likelyNotDone
		)) ?? { status: 0, headers: {}, ms: NaN };
		this.token = posted.status === 303 ? cookieFrom(posted.headers, COOKIE) : undefined;
		if (!this.token) {
			if (posted.status >= 200 && posted.status < 400) for (const t of [j.all, j.join]) t.problem(`join ${posted.status} without a cookie`);
			j.unsentNoJoin += j.items.length;
			return false;
		}
		await this.persist([j.all, j.page], {
			method: 'GET',
			path: `/a/${j.code}`,
			headers: { accept: HTML, cookie: `${COOKIE}=${this.token}` }
		});
		return true;
	}

	/** Every answer, one after the other, then finishing (unless `finish` is false); stops early at the run's time limit. */
	async answerAll(thinkMs = 0, finish = true): Promise<void> {
		const { j } = this;
		const headers = {
			origin: j.target.origin,
			'content-type': 'application/json',
			cookie: `${COOKIE}=${this.token}`
		};
		for (let seq = 0; seq < j.items.length; seq++) {
			if (thinkMs) await sleep(thinkMs);
			if (performance.now() > j.limit) {
				j.unsentLimit += j.items.length - seq;
				j.studentsStopped++;
				return;
			}
			const item = j.items[seq]!;
			const r = await this.persist([j.all, j.answer, j.answerPhase()], {
				method: 'POST',
				path: `/a/${j.code}/answer`,
				headers,
				body: item.body(seq)
			});
			if (!r) {
				j.unacknowledged += j.items.length - seq;
				j.studentsStopped++;
				return;
			}
			if (r.status >= 200 && r.status < 300) {
				j.acked.add(`${j.code}:${this.index}:${item.questionId}`);
				this.shown.push(item.questionId);
			} else j.failedAnswers++;
		}
		if (finish) await this.finish();
	}

	/** Finishing the attempt, as the page does after the last answer: naming the verdicts it shows already, so the reply leaves them out. */
	async finish(): Promise<void> {
		const { j } = this;
		await this.persist([j.all, j.finish], {
			method: 'POST',
			path: `/a/${j.code}/finish`,
			// As the page's own fetch: the endpoint takes a JSON object and refuses (415) a body of no type.
			headers: {
				origin: j.target.origin,
				'content-type': 'application/json',
				cookie: `${COOKIE}=${this.token}`
			},
			body: JSON.stringify({ shown: this.shown })
		});
	}

	leave(): void {
		this.agent.destroy();
	}
}

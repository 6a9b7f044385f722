/** A student's journey through an assignment, as a browser makes it, and the tallies all the students of a scenario share. */
import type { Agent } from 'node:http';
import { cookieFrom, newAgent, send, sleep, Tally, type Target } from '../load-client.ts';
import { int, latencyTable } from './report.ts';
import { COOKIE, HTML, type Item } from './setup.ts';

/** What all the students of a scenario share: where to go, and the tallies. */
export class Journey {
	readonly all = new Tally();
	readonly join = new Tally();
	readonly page = new Tally();
	readonly answer = new Tally();
	readonly finish = new Tally();
	/** `${code}:${student}:${questionId}` for every answer the server acknowledged (2xx). */
	readonly acked = new Set<string>();
	/** Answers sent and not acknowledged. */
	failedAnswers = 0;
	/** Answers never sent: the student could not join, or the run's time limit came first. */
	unsentNoJoin = 0;
	unsentLimit = 0;
	studentsStopped = 0;
	/** performance.now() after which students send nothing more. */
	limit = Infinity;

	constructor(
		readonly target: Target,
		readonly code: string,
		readonly items: Item[]
	) {}

	table(): void {
		latencyTable([
			['all requests', this.all],
			['join (POST)', this.join],
			['page (GET)', this.page],
			['answer (POST)', this.answer],
			['finish (POST)', this.finish]
		]);
		if (this.all.socketErrors.size) console.log('  (a request that failed counts in the latencies with the time it took to fail)');
		const connections = this.all.connections;
		console.log(
			`  client connections opened ${int(connections)}${this.all.retried ? `; requests sent again after a reset keep-alive connection ${int(this.all.retried)}` : ''}`
		);
	}
}

/** One student on one device: a keep-alive connection of its own, from `address` (shared by a class behind one router). */
export class Student {
	readonly agent: Agent;
	token: string | undefined;

	constructor(
		readonly j: Journey,
		readonly index: number,
		readonly address: string
	) {
		this.agent = newAgent(address);
	}

	/** Joins as a browser does: the form post, then the page the 303 leads to. */
	async join(): Promise<boolean> {
		const { j } = this;
		const posted = await send(this.agent, j.target, [j.all, j.join], {
			method: 'POST',
			path: `/a/${j.code}?/join`,
			headers: {
				origin: j.target.origin,
				'content-type': 'application/x-www-form-urlencoded',
				// As a browser's form post: SvelteKit answers it with a 303 rather than the JSON its own fetch gets.
				accept: HTML
			},
			body: new URLSearchParams({ displayName: `Student ${this.index + 1}` }).toString()
		});
		this.token = posted.status === 303 ? cookieFrom(posted.headers, COOKIE) : undefined;
		if (!this.token) {
			if (posted.status >= 200 && posted.status < 400) for (const t of [j.all, j.join]) t.problem(`join ${posted.status} without a cookie`);
			j.unsentNoJoin += j.items.length;
			return false;
		}
		await send(this.agent, j.target, [j.all, j.page], {
			method: 'GET',
			path: `/a/${j.code}`,
			headers: { accept: HTML, cookie: `${COOKIE}=${this.token}` }
		});
		return true;
	}

	/** Every answer, one after the other, then finishing; stops early at the run's time limit. */
	async answerAll(thinkMs = 0): Promise<void> {
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
			const r = await send(this.agent, j.target, [j.all, j.answer], {
				method: 'POST',
				path: `/a/${j.code}/answer`,
				headers,
				body: item.body(seq)
			});
			if (r.status >= 200 && r.status < 300) j.acked.add(`${j.code}:${this.index}:${item.questionId}`);
			else j.failedAnswers++;
		}
		await send(this.agent, j.target, [j.all, j.finish], {
			method: 'POST',
			path: `/a/${j.code}/finish`,
			// As the page's own fetch: the endpoint takes an empty JSON object and refuses (415) a body of no type.
			headers: {
				origin: j.target.origin,
				'content-type': 'application/json',
				cookie: `${COOKIE}=${this.token}`
			},
			body: '{}'
		});
	}

	leave(): void {
		this.agent.destroy();
	}
}

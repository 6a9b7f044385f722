/**
 * A class at work, and what one student or a script among them can do to
 * the others: guess codes, flood the server, pass as a classmate, answer
 * from two tabs.
 */
import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, nearMisses } from '../../src/lib/class-code.ts';
import { RULES } from '../../src/lib/server/limits.ts';
import { Person, type Reply } from './client.ts';
import {
	answerPost,
	count,
	createAssignment,
	HTML,
	join,
	joined,
	JSON_ONLY,
	judged,
	originOf,
	pool,
	shown,
	type Probe
} from './context.ts';

const NAMES = [
	'Amara', 'Ben', 'Chloe', 'Diego', 'Elif', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jonas',
	'Keira', 'Liam', 'Maya', 'Nikhil', 'Olivia', 'Pablo', 'Quinn', 'Rosa', 'Samir', 'Tara',
	'Umar', 'Vera', 'Wyatt', 'Ximena', 'Yusuf', 'Zoe', 'Aiden', 'Bea', 'Caleb', 'Daria',
	'Ezra', 'Freya', 'Gabriel', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nora'
];

/** One character changed, as a student copying from the board might. */
function typo(code: string, i: number): string {
	const at = i % CODE_LENGTH;
	const others = CODE_ALPHABET.replace(code[at]!, '');
	return code.slice(0, at) + others[(i * 7) % others.length] + code.slice(at + 1);
}

/** A random code that is not one slip from the real one: what a guessing script sends. */
function guessFor(code: string): string {
	const near = new Set([code, ...nearMisses(code)]);
	for (;;) {
		let guess = '';
		for (let i = 0; i < CODE_LENGTH; i++) guess += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
		if (!near.has(guess)) return guess;
	}
}

export const classOf40: Probe = {
	name: 'class of 40 and a guessing script, one address',
	async run(ctx) {
		// A server of its own: the script spends this address's whole guessing budget.
		const server = await ctx.startServer();
		try {
			const origin = originOf(server);
			const teacher = new Person(origin, 'teacher');
			const { id, code } = await createAssignment(teacher, { title: 'Class of 40' });

			const script = new Person(origin, 'guessing script');
			const guesses: { status: number; retryAfter: string | null }[] = [];
			const guess = async (n: number) => {
				for (let i = 0; i < n; i++) {
					const reply = await script.get(`/a/${guessFor(code)}`, { headers: { accept: HTML }, follow: false });
					guesses.push({ status: reply.status, retryAfter: reply.headers.get('retry-after') });
				}
			};
			const typos: number[] = [];
			const got: boolean[] = [];
			const student = async (i: number) => {
				const device = new Person(origin, NAMES[i]);
				if (i < 36) typos.push((await device.get(`/a/${typo(code, i)}`, { headers: { accept: HTML }, follow: false })).status);
				const reply = await join(device, code, NAMES[i]!);
				const after = reply.status === 303 ? await device.get(`/a/${code}`, { headers: { accept: HTML } }) : undefined;
				got[i] = reply.status === 303 && device.cookie('whosays_attempt') !== undefined && after?.status === 200;
			};
			// The script starts first, then keeps going while the class arrives.
			await guess(40);
			await Promise.all([guess(160), ...NAMES.map((_, i) => student(i))]);

			const gotIn = count(got, Boolean);
			const lookedUp = count(guesses, (g) => g.status === 404);
			const refused = guesses.filter((g) => g.status === 429);
			const withRetry = count(refused, (g) => Number(g.retryAfter) > 0);
			const other = guesses.length - lookedUp - refused.length;
			// The teacher's dashboard, open from the same address, is never refused.
			const dashboard = await teacher.get(`/manage/${id}`, { headers: { accept: HTML } });
			const shownJoined = /(\d+)(?:<!--[^>]*-->)*\s*joined/.exec(dashboard.text)?.[1] ?? '?';
			return {
				...judged(
					gotIn === 40 && lookedUp <= RULES.codeGuesses.limit && other === 0 && withRetry === refused.length && dashboard.status === 200,
					'REFUSED',
					`students who got in: ${gotIn} of 40 (typos first: ${count(typos, (s) => s === 404)}x 404, ${count(typos, (s) => s === 429)}x 429); ` +
						`guesses looked up (404): ${lookedUp}, refused (429): ${refused.length}, other: ${other}; ` +
						`429s with Retry-After: ${withRetry} of ${refused.length}; dashboard ${dashboard.status}, "${shownJoined} joined"`
				),
				footnote: `class of 40 behind one address with a guessing script beside it: ${gotIn} of 40 students got in; ${lookedUp} of ${guesses.length} guesses were looked up`
			};
		} finally {
			await ctx.stopServer(server);
		}
	}
};

export const flood: Probe = {
	name: 'one student floods answers',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { code } = await createAssignment(teacher, { title: 'Flood' }, ctx);
		const flooder = new Person(ctx.origin, 'flooder');
		const classmate = new Person(ctx.origin, 'classmate');
		await joined(flooder, code, 'Jake', ctx);
		await joined(classmate, code, 'Priya', ctx);

		const TOTAL = 2_700;
		const statuses = new Map<number, number>();
		let done = 0;
		let wake: () => void = () => {};
		const underWay = new Promise<void>((resolve) => (wake = resolve));
		const started = performance.now();
		const flooding = pool(
			Array.from({ length: TOTAL }, (_, i) => i),
			64,
			async (seq) => {
				const reply = await answerPost(flooder, code, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq });
				statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
				if (++done === 300) wake();
			}
		).then(() => performance.now() - started);

		// The classmate answers and finishes while the flood is at its height.
		await underWay;
		const answer = await answerPost(classmate, code, { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 0 });
		const finish = await classmate.post(`/a/${code}/finish`, { json: {}, headers: { accept: JSON_ONLY } });
		const duringFlood = done < TOTAL;
		const floodMs = await flooding;

		const accepted = statuses.get(200) ?? 0;
		const tooMany = statuses.get(429) ?? 0;
		const other = TOTAL - accepted - tooMany;
		// A token bucket: the burst, plus what refilled while the flood ran.
		const allowance = RULES.attempt.limit + Math.ceil((RULES.attempt.limit * floodMs) / RULES.attempt.windowMs);
		return judged(
			accepted <= allowance && tooMany > 0 && other === 0 && answer.status === 200 && finish.status === 200,
			'REFUSED',
			`flood: ${TOTAL} posts in ${(floodMs / 1000).toFixed(1)} s: accepted (200) ${accepted}, refused (429) ${tooMany}, other ${other}; ` +
				`classmate ${duringFlood ? 'during' : 'after'} the flood: answer ${answer.status} (${Math.round(answer.ms)} ms), finish ${finish.status} (${Math.round(finish.ms)} ms)`
		);
	}
};

export const lookAlikeNames: Probe = {
	name: 'look-alike names',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { code } = await createAssignment(teacher, { title: 'Names' }, ctx);
		const emma = new Person(ctx.origin, 'Emma');
		const first = await join(emma, code, 'Emma');
		const emmaIn = first.status === 303 && emma.cookie('whosays_attempt') !== undefined;
		const tries: { name: string; want: number; reply?: Reply }[] = [
			{ name: 'Еmma', want: 409 },
			{ name: 'Em\u034Fma', want: 409 },
			{ name: 'Emma\uFE0F', want: 409 },
			{ name: 'Ｅｍｍａ', want: 409 },
			{ name: '\u3164', want: 400 }
		];
		for (const t of tries) t.reply = await join(new Person(ctx.origin, t.name), code, t.name);
		const held = emmaIn && tries.every((t) => t.reply?.status === t.want);
		return judged(
			held,
			'REFUSED',
			`Emma ${first.status}; ` + tries.map((t) => `"${shown(t.name)}" ${t.reply?.status}`).join(', ')
		);
	}
};

export const twoTabs: Probe = {
	name: 'two tabs in test mode, answers out of order',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { id, code } = await createAssignment(teacher, { title: 'Two tabs', mode: 'test' }, ctx);
		const student = new Person(ctx.origin, 'student');
		await joined(student, code, 'Lucas', ctx);
		// ortiz-cost: "named-claim" is right (1 point), "fact" is wrong (0).
		const later = await answerPost(student, code, { questionId: 'ortiz-cost', answer: { type: 'classify', category: 'named-claim' }, seq: 5 });
		const earlier = await answerPost(student, code, { questionId: 'ortiz-cost', answer: { type: 'classify', category: 'fact' }, seq: 3 });
		const status = (r: Reply) => {
			try {
				return (JSON.parse(r.text) as { status?: string }).status ?? `${r.status}`;
			} catch {
				return `${r.status}`;
			}
		};
		const csv = await teacher.get(`/manage/${id}/export.csv`);
		const [header = '', row = ''] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
		const column = header.split(',').indexOf('ortiz-cost');
		const csvScore = row.split(',')[column];
		const finish = await student.post(`/a/${code}/finish`, { json: {}, headers: { accept: JSON_ONLY } });
		let stored = '(none)';
		try {
			const answer = (JSON.parse(finish.text) as { results?: Record<string, { answer?: { category?: string } }> }).results?.['ortiz-cost']?.answer;
			stored = answer?.category ?? '(none)';
		} catch {
			stored = `(finish ${finish.status})`;
		}
		return judged(
			status(later) === 'recorded' && status(earlier) === 'superseded' && stored === 'named-claim' && csvScore === '1',
			'HANDLED',
			`seq 5: ${status(later)}; seq 3: ${status(earlier)}; stored answer: ${stored} (seq 5's: named-claim); CSV ortiz-cost: ${csvScore ?? '(none)'}`
		);
	}
};

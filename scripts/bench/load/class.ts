/**
 * (a) A class of 40 behind one school address: all open the class link at
 * once, all press Start at once, then all answer at once. Each student posts
 * the join form over the connection that loaded it, as a browser does.
 * Beside it, what the framework alone does with the same joins: the bare
 * SvelteKit app's CPU per page, and a class joining it at once in one
 * process and in two.
 */
import type { GetQuiz } from '../../../src/lib/server/assignments.ts';
import { startBareKit } from '../bare-kit.ts';
import { CpuMeter, newAgent, send, Tally, targetOf } from '../load-client.ts';
import { Journey, Student } from './journey.ts';
import { cpuLine, int, met, ms, rateLimitLine, rowCheck } from './report.ts';
import { HTML, openAssignment, startApp, stopApp, type Item } from './setup.ts';

export const CLASS_SIZE = 40;
/** One school's address, as the server sees a class behind one NAT: every student's connection comes from it. */
const SCHOOL_ADDRESS = '127.0.0.7';
/** The warm-up classes' school: its own rate-limit allowance, so the measured class starts with a full one. */
const OTHER_SCHOOL_ADDRESS = '127.0.0.8';
/**
 * Classes that use the server before the measured one, as many as warm up the
 * bare SvelteKit app it is compared with: the server is warm as after a
 * morning's lessons, its page code compiled by V8 like the bare app's.
 */
const WARM_UP_CLASSES = 3;
/** A third school's class, joining one student after another to price a join. */
const ONE_BY_ONE_ADDRESS = '127.0.0.9';

/** A whole class: all open the join form at once, all join at once, then all answer at once. Returns when the last student has finished. */
async function runClass(j: Journey, address: string): Promise<{ joinS: number; answerS: number }> {
	const students = Array.from({ length: CLASS_SIZE }, (_, i) => new Student(j, i, address));
	const t0 = performance.now();
	await Promise.all(students.map((s) => s.open()));
	const joined = await Promise.all(students.map((s) => s.join()));
	const t1 = performance.now();
	await Promise.all(students.filter((_, i) => joined[i]).map((s) => s.answerAll()));
	const t2 = performance.now();
	for (const s of students) s.leave();
	return { joinS: (t1 - t0) / 1000, answerS: (t2 - t1) / 1000 };
}

/** Server CPU milliseconds of one step, and of them those of its event loop's thread. */
interface Cpu {
	all: number;
	main: number;
}

interface StepCpu {
	/** The join form, the join, then its page. */
	join: Cpu;
	answer: Cpu;
	finish: Cpu;
}

/** Server CPU milliseconds each step of a student costs: a class joining, answering and finishing one student after another. */
async function cpuPerStep(j: Journey, pid: number | undefined, address: string): Promise<StepCpu | undefined> {
	const students = Array.from({ length: CLASS_SIZE }, (_, i) => new Student(j, i, address));
	const perStep = async (step: (s: Student) => Promise<unknown>, count: number): Promise<Cpu | undefined> => {
		const cpu = new CpuMeter(pid);
		for (const s of students) await step(s);
		const { serverS, serverMainS } = cpu.read();
		return serverS === undefined || serverMainS === undefined ? undefined : { all: (serverS * 1000) / count, main: (serverMainS * 1000) / count };
	};
	const join = await perStep(async (s) => {
		await s.open();
		await s.join();
	}, CLASS_SIZE);
	const answer = await perStep((s) => s.answerAll(0, false), CLASS_SIZE * j.items.length);
	const finish = await perStep((s) => s.finish(), CLASS_SIZE);
	for (const s of students) s.leave();
	return join === undefined || answer === undefined || finish === undefined ? undefined : { join, answer, finish };
}

/**
 * The framework's floor, in the same run: server CPU milliseconds per GET of
 * the smallest SvelteKit page (one static question, Kit's own `node build`),
 * over one kept-alive connection, after as many to warm it up.
 */
async function bareKitCpuPerPage(count = 400): Promise<number | undefined> {
	const bare = await startBareKit();
	try {
		const target = targetOf(bare.url);
		const agent = newAgent();
		const tally = new Tally();
		const get = () => send(agent, target, [tally], { method: 'GET', path: '/', headers: { accept: HTML } });
		for (let i = 0; i < count; i++) await get();
		const cpu = new CpuMeter(bare.pid);
		for (let i = 0; i < count; i++) await get();
		const { serverS } = cpu.read();
		agent.destroy();
		if (tally.statuses.get(200) !== 2 * count) throw new Error(`The bare SvelteKit page answered ${JSON.stringify([...tally.statuses])}`);
		return serverS === undefined ? undefined : (serverS * 1000) / count;
	} finally {
		await bare.stop();
	}
}

/** A class joining the bare SvelteKit app at once, as the app's students join: the form, its post, then the page its 303 leads to. */
async function bareJoinAtOnce(target: ReturnType<typeof targetOf>, address: string, tally: Tally): Promise<void> {
	const agents = Array.from({ length: CLASS_SIZE }, () => newAgent(address));
	const problems = new Tally();
	await Promise.all(agents.map((agent) => send(agent, target, [tally, problems], { method: 'GET', path: '/', headers: { accept: HTML } })));
	await Promise.all(
		agents.map(async (agent, i) => {
			const posted = await send(agent, target, [tally, problems], {
				method: 'POST',
				path: '/join',
				headers: { origin: target.origin, 'content-type': 'application/x-www-form-urlencoded', accept: HTML },
				body: new URLSearchParams({ displayName: `Student ${i + 1}` }).toString()
			});
			if (posted.status === 303) await send(agent, target, [tally, problems], { method: 'GET', path: '/', headers: { accept: HTML } });
		})
	);
	for (const agent of agents) agent.destroy();
	if (problems.statuses.get(303) !== CLASS_SIZE || problems.statuses.get(200) !== 2 * CLASS_SIZE)
		throw new Error(`The bare SvelteKit join answered ${JSON.stringify([...problems.statuses])}`);
}

/**
 * The framework's floor for the joins, in the same run: a class joining the
 * bare SvelteKit app at once (its one-question page as the form, a form
 * action that only redirects, then the page again), after as many classes
 * as warm up the app (the first of them, on the just-started server, is
 * returned too). With `workers`, as many processes share the port.
 */
async function bareKitClassJoins(workers: number): Promise<{ measured: Tally; first: Tally }> {
	const bare = await startBareKit(workers);
	try {
		const target = targetOf(bare.url);
		const warmUp = Array.from({ length: WARM_UP_CLASSES }, () => new Tally());
		for (const tally of warmUp) await bareJoinAtOnce(target, OTHER_SCHOOL_ADDRESS, tally);
		const measured = new Tally();
		await bareJoinAtOnce(target, SCHOOL_ADDRESS, measured);
		return { measured, first: warmUp[0]! };
	} finally {
		await bare.stop();
	}
}

/** Requests that take 100 ms or more, of all a class sends, that still leave its p99 (nearest rank) under 100 ms. */
const slowAllowed = (requests: number) => requests - Math.ceil(0.99 * requests);

/** Returns the answers acknowledged and not stored. */
export async function classOf40(getQuiz: GetQuiz, list: Item[]): Promise<number> {
	console.log(`\n(a) A class of ${CLASS_SIZE} behind one school address (every connection from ${SCHOOL_ADDRESS}), practice mode`);
	console.log(`    all open the class link at once; all press Start at once and load the page; then all at once, each sends its ${list.length} answers back to back and finishes;`);
	console.log(`    measured after ${WARM_UP_CLASSES} other classes (another school, other assignments) have done the same, as the bare app below is, so the server is warm as in a school day`);
	const app = await startApp(async (db) => ({
		warmUp: await Promise.all(Array.from({ length: WARM_UP_CLASSES }, () => openAssignment(db, getQuiz, 'practice'))),
		measured: await openAssignment(db, getQuiz, 'practice'),
		oneByOne: await openAssignment(db, getQuiz, 'practice')
	}));
	const warmUp = app.seeded.warmUp.map((a) => new Journey(app.target, a.code, list));
	for (const w of warmUp) await runClass(w, OTHER_SCHOOL_ADDRESS);
	const [first] = warmUp as [Journey];
	const j = new Journey(app.target, app.seeded.measured.code, list);
	const cpu = new CpuMeter(app.pid);
	const { joinS, answerS } = await runClass(j, SCHOOL_ADDRESS);
	const usage = cpu.read();
	const oneByOne = new Journey(app.target, app.seeded.oneByOne.code, list);
	const stepCpu = await cpuPerStep(oneByOne, app.pid, ONE_BY_ONE_ADDRESS);
	const stored = await stopApp(app);
	const pageFloor = await bareKitCpuPerPage();
	const bareJoins = await bareKitClassJoins(1);
	const bareJoinsTwo = await bareKitClassJoins(2);

	const wall = joinS + answerS;
	console.log(
		`  requests sent ${int(j.all.sent)} in ${wall.toFixed(2)} s: ${int(j.all.responses / wall)} requests/s; ` +
			`answers acknowledged ${int(j.acked.size)}: ${int(j.acked.size / answerS)} answers/s over the answer phase (${answerS.toFixed(2)} s, joins took ${joinS.toFixed(2)} s)`
	);
	j.table();
	const [p99] = j.all.percentiles(99);
	const errors = j.all.errorCount();
	// To a tenth of a millisecond: a p99 of 99.6 ms meets the target, and rounded to 100 it would read as if it did not.
	console.log(`  TARGET p99 < 100 ms and 0 errors: p99 ${p99!.toFixed(1)} ms, ${int(errors)} errors → ${met(p99! < 100 && errors === 0)}`);
	if (j.unsentNoJoin) console.log(`  students who could not join: ${int(j.unsentNoJoin / list.length)}`);
	const [coldP99] = first.all.percentiles(99);
	const [coldAnswerP99] = first.answer.percentiles(99);
	const coldJoins = new Tally();
	for (const t of [first.form, first.join, first.page]) coldJoins.absorb(t);
	const [coldJoinsP99] = coldJoins.percentiles(99);
	const [bareColdP99] = bareJoins.first.percentiles(99);
	console.log(
		`  the first class, on the just-started server (not measured above): p99 ${ms(coldP99!)} ms, answers p99 ${ms(coldAnswerP99!)} ms, ${int(first.all.errorCount())} errors; ` +
			`its joins p99 ${ms(coldJoinsP99!)} ms, the bare SvelteKit app's first class ${ms(bareColdP99!)} ms`
	);
	rateLimitLine(j.all, '(the measured class)');
	for (const w of warmUp) rateLimitLine(w.all, '(a warm-up class)');
	if (stepCpu !== undefined && pageFloor !== undefined) {
		const requests = 3 * CLASS_SIZE;
		const cpu = (c: Cpu, what: string) => `${c.all.toFixed(1)} ms of CPU ${what}, ${c.main.toFixed(1)} ms of it on the event loop's thread`;
		console.log(
			`  where the joins' time goes: a student joining (the form, the join, then its page) costs the server ${cpu(stepCpu.join, 'a student')} ` +
				`(another class of ${CLASS_SIZE} joining one after another); on that thread the class's joins are ${int(stepCpu.join.main * CLASS_SIZE)} ms of work`
		);
		console.log(
			`  and the finishes': finishing costs ${cpu(stepCpu.finish, 'a student')}, an answer ${cpu(stepCpu.answer, 'an answer')} ` +
				`(the same class); the class's ${CLASS_SIZE} finishes, sent within moments of each other, are ${int(stepCpu.finish.main * CLASS_SIZE)} ms of the thread's work`
		);
		console.log(
			`  beside it, the framework's floor in this run: the smallest SvelteKit page (one static question, Kit's own node build) ` +
				`costs ${pageFloor.toFixed(2)} ms of server CPU a GET; the class's ${requests} join requests at that cost alone take ${int(pageFloor * requests)} ms of one core`
		);
	}
	const appJoins = new Tally();
	appJoins.absorb(j.form);
	appJoins.absorb(j.join);
	appJoins.absorb(j.page);
	const slowLine = (what: string, t: Tally) => {
		const [p50, p99, max] = t.percentiles(50, 99, 100);
		console.log(`    ${what}: ${int(t.atLeast(100))} of ${int(t.completed)} took 100 ms or more (p50 ${ms(p50!)} ms, p99 ${ms(p99!)} ms, max ${ms(max!)} ms)`);
	};
	console.log(
		`  the joins against the framework's own, each class joining at once (${CLASS_SIZE} join forms, ${CLASS_SIZE} form posts answered by a 303, then the ${CLASS_SIZE} pages); ` +
			`p99 under 100 ms lets ${int(slowAllowed(j.all.completed))} of the class's ${int(j.all.completed)} requests take 100 ms or more:`
	);
	slowLine('this app', appJoins);
	slowLine('the bare SvelteKit app (a form action that only redirects, a one-question page), one process', bareJoins.measured);
	slowLine('the same bare app in two processes sharing the port (node:cluster)', bareJoinsTwo.measured);
	const acked = [...warmUp, j, oneByOne].flatMap((c) => [...c.acked]);
	const { lost } = rowCheck(stored, new Set(acked), ` (the ${warmUp.length + 2} classes that answered)`);
	console.log(`  ${cpuLine(usage)}`);
	return lost;
}

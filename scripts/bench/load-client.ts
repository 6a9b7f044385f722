/**
 * What the load benchmark measures with: a keep-alive HTTP client cheap
 * enough to share two cores with the server, latency and error tallies, and
 * CPU time of this process and of a server process.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { loadavg } from 'node:os';

export interface Target {
	/** Where the client connects; an IP, so no lookup per connection. */
	host: string;
	port: number;
	/** The server's own origin, which every POST must carry. */
	origin: string;
}

export function targetOf(url: string): Target {
	const u = new URL(url);
	return { host: u.hostname === 'localhost' ? '127.0.0.1' : u.hostname, port: Number(u.port), origin: u.origin };
}

export interface Reply {
	/** 0 when no response came. */
	status: number;
	headers: IncomingHttpHeaders;
	ms: number;
	/** Why no response came: the socket error's code, or TIMEOUT. */
	error?: string;
}

export interface Send {
	method: 'GET' | 'POST';
	path: string;
	headers: Record<string, string>;
	body?: string;
}

/**
 * Per-request tallies. Latencies are kept raw (a Float64Array that doubles)
 * rather than in a histogram: 200,000 samples sort in a few milliseconds, and
 * percentiles are then exact. A request that fails (timeout, reset) counts in
 * the latencies with the time it took to fail: a student waited that long.
 */
export class Tally {
	#ms = new Float64Array(1024);
	#n = 0;
	readonly statuses = new Map<number, number>();
	readonly socketErrors = new Map<string, number>();
	/** Answers that were 2xx/3xx but not what the next step needs (a join without its cookie). */
	readonly problems = new Map<string, number>();
	sent = 0;
	/** New connections the requests needed, and requests sent again after a reset of a reused one. */
	connections = 0;
	retried = 0;

	/** HTTP responses received (failed requests are in the latencies, not here). */
	responses = 0;

	#sample(ms: number): void {
		if (this.#n === this.#ms.length) {
			const bigger = new Float64Array(this.#n * 2);
			bigger.set(this.#ms);
			this.#ms = bigger;
		}
		this.#ms[this.#n++] = ms;
	}

	record(status: number, ms: number): void {
		this.#sample(ms);
		this.responses++;
		this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
	}

	/** A request that got no response: a socket error or a timeout, after `ms`. */
	socketError(code: string, ms?: number): void {
		if (ms !== undefined) this.#sample(ms);
		this.socketErrors.set(code, (this.socketErrors.get(code) ?? 0) + 1);
	}

	/** Adds another tally's requests to this one (several runs reported as one). */
	absorb(other: Tally): void {
		this.sent += other.sent;
		this.connections += other.connections;
		this.retried += other.retried;
		this.responses += other.responses;
		const samples = other.#ms.subarray(0, other.#n);
		const merged = new Float64Array(Math.max(this.#ms.length, this.#n + samples.length));
		merged.set(this.#ms.subarray(0, this.#n));
		merged.set(samples, this.#n);
		this.#ms = merged;
		this.#n += samples.length;
		for (const [s, c] of other.statuses) this.statuses.set(s, (this.statuses.get(s) ?? 0) + c);
		for (const [e, c] of other.socketErrors) this.socketErrors.set(e, (this.socketErrors.get(e) ?? 0) + c);
		for (const [e, c] of other.problems) this.problems.set(e, (this.problems.get(e) ?? 0) + c);
	}

	problem(what: string): void {
		this.problems.set(what, (this.problems.get(what) ?? 0) + 1);
	}

	/** Requests finished, answered or failed. */
	get completed(): number {
		return this.#n;
	}

	/** Nearest-rank percentiles, in ms. */
	percentiles(...ps: number[]): number[] {
		const sorted = this.#ms.slice(0, this.#n).sort();
		return ps.map((p) => (this.#n ? sorted[Math.min(this.#n - 1, Math.max(0, Math.ceil((p / 100) * this.#n) - 1))]! : NaN));
	}

	/** Requests that took `ms` or longer (failed ones included). */
	atLeast(ms: number): number {
		let n = 0;
		for (let i = 0; i < this.#n; i++) if (this.#ms[i]! >= ms) n++;
		return n;
	}

	/** Responses that are neither 2xx nor 3xx, by status. */
	errorStatuses(): Map<number, number> {
		return new Map([...this.statuses].filter(([s]) => s < 200 || s >= 400).sort(([a], [b]) => a - b));
	}

	errorCount(): number {
		let n = 0;
		for (const count of this.errorStatuses().values()) n += count;
		for (const count of this.socketErrors.values()) n += count;
		for (const count of this.problems.values()) n += count;
		return n;
	}
}

export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A keep-alive agent with one connection: one student's device. A pool shared
 * by thousands of students would open and close connections as its free list
 * overflows (Node keeps at most 256 idle sockets), which no classroom does.
 * `localAddress` binds the device's connection to a source address of its own
 * (any of 127.0.0.0/8 on Linux), so the server tells devices apart by the
 * address it sees, with no setting to trust a header.
 */
export function newAgent(localAddress?: string): Agent {
	return new Agent({ keepAlive: true, maxSockets: 1, ...(localAddress ? { localAddress } : {}) });
}

/**
 * Sends one request and waits for the whole response. Never rejects: a socket
 * error or timeout is tallied and comes back as status 0. A request on a
 * reused connection that the server had just closed as idle is sent once more
 * on a new one, as browsers do; the server never saw the first.
 */
/** The Accept-Encoding Chromium sends. */
export const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

export async function send(agent: Agent, target: Target, tallies: readonly Tally[], req: Send): Promise<Reply> {
	for (const t of tallies) t.sent++;
	const first = await attempt(agent, target, tallies, req);
	if (first !== 'retry') return first;
	for (const t of tallies) t.retried++;
	const second = await attempt(agent, target, tallies, req);
	return second === 'retry' ? { status: 0, headers: {}, ms: NaN, error: 'ECONNRESET' } : second;
}

function attempt(agent: Agent, target: Target, tallies: readonly Tally[], req: Send): Promise<Reply | 'retry'> {
	return new Promise((resolve) => {
		const start = performance.now();
		let settled = false;
		// Accept-Encoding as Chromium sends it with every request: the server compresses for the load what it would for a class.
		const headers: Record<string, string | number> = { host: `localhost:${target.port}`, 'accept-encoding': BROWSER_ENCODINGS, ...req.headers };
		if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
		const r = request({ agent, host: target.host, port: target.port, method: req.method, path: req.path, headers }, (res) => {
			// Bodies are not read here: a status is what a student's browser acts on.
			res.resume();
			res.on('end', () => {
				if (settled) return;
				settled = true;
				const ms = performance.now() - start;
				for (const t of tallies) t.record(res.statusCode ?? 0, ms);
				resolve({ status: res.statusCode ?? 0, headers: res.headers, ms });
			});
			res.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message, false));
		});
		const fail = (code: string, beforeResponse: boolean) => {
			if (settled) return;
			settled = true;
			if (beforeResponse && r.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) return resolve('retry');
			const ms = performance.now() - start;
			for (const t of tallies) t.socketError(code, ms);
			resolve({ status: 0, headers: {}, ms, error: code });
		};
		r.on('socket', () => {
			if (!r.reusedSocket) for (const t of tallies) t.connections++;
		});
		// From the start, not from the connection (as req.setTimeout would): a connection that never opens times out too.
		const timer = setTimeout(() => r.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), REQUEST_TIMEOUT_MS);
		r.on('close', () => clearTimeout(timer));
		r.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message, true));
		r.end(req.body);
	});
}

export function cookieFrom(headers: IncomingHttpHeaders, name: string): string | undefined {
	for (const line of headers['set-cookie'] ?? []) {
		const [pair] = line.split(';');
		const eq = pair!.indexOf('=');
		if (pair!.slice(0, eq).trim() === name) return pair!.slice(eq + 1).trim();
	}
	return undefined;
}

/** CPU seconds (user + system) of a process, read from /proc; undefined where there is none. */
const TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

export function processCpuSeconds(pid: number): number | undefined {
	return cpuSecondsAt(`/proc/${pid}/stat`);
}

/**
 * CPU seconds of a process's main thread alone: for the server, its event
 * loop, where every request waits its turn. The process's figure also counts
 * the thread pool (compression) and the garbage collector's helpers, which
 * run on the other core.
 */
export function mainThreadCpuSeconds(pid: number): number | undefined {
	return cpuSecondsAt(`/proc/${pid}/task/${pid}/stat`);
}

function cpuSecondsAt(file: string): number | undefined {
	try {
		const stat = readFileSync(file, 'utf8');
		// The command name may hold spaces; the fields after it are space-separated.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / TICKS;
	} catch {
		return undefined;
	}
}

/**
 * Seconds a process's main thread (for the server, its event loop) spent
 * runnable but waiting for a core, from /proc/<pid>/schedstat: the share of
 * the machine other programs took from it. Undefined where there is none.
 */
export function processWaitSeconds(pid: number): number | undefined {
	try {
		const wait = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
		return Number.isFinite(wait) ? wait / 1e9 : undefined;
	} catch {
		return undefined;
	}
}

export interface OtherLoad {
	/** Share of one core the other programs used over the sample (100 = one core busy throughout). */
	pct: number;
	/** The busiest of them, with their command lines. */
	busiest: { pid: number; command: string; pct: number }[];
}

/**
 * What other programs keep the machine busy with, sampled over a second
 * before a run (Linux): a leftover server or a build in the background would
 * otherwise pass for the app's own cost. Undefined where /proc cannot say.
 */
export async function otherLoad(sampleMs = 1_000): Promise<OtherLoad | undefined> {
	const ticks = () => {
		const out = new Map<number, number>();
		for (const name of readdirSync('/proc')) {
			const pid = Number(name);
			if (!Number.isInteger(pid) || pid === process.pid) continue;
			const seconds = processCpuSeconds(pid);
			if (seconds !== undefined) out.set(pid, seconds);
		}
		return out;
	};
	try {
		const before = ticks();
		await sleep(sampleMs);
		const after = ticks();
		const used = [...after]
			.map(([pid, s]) => ({ pid, pct: ((s - (before.get(pid) ?? s)) / (sampleMs / 1000)) * 100 }))
			.filter((p) => p.pct > 0)
			.sort((a, b) => b.pct - a.pct);
		const command = (pid: number) => {
			try {
				return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 80) || `pid ${pid}`;
			} catch {
				return `pid ${pid}`;
			}
		};
		return {
			pct: used.reduce((sum, p) => sum + p.pct, 0),
			busiest: used.slice(0, 3).map((p) => ({ ...p, command: command(p.pid) }))
		};
	} catch {
		return undefined;
	}
}

/** Direct children of this process, from /proc (Linux). */
export function childPids(): Set<number> {
	const pids = new Set<number>();
	try {
		for (const task of readdirSync(`/proc/${process.pid}/task`)) {
			const text = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim();
			for (const p of text.split(/\s+/)) if (p) pids.add(Number(p));
		}
	} catch {
		// Not Linux, or /proc hides children: CPU of the server is then not reported.
	}
	return pids;
}

export interface CpuUsage {
	wallS: number;
	clientS: number;
	serverS: number | undefined;
	/** Of serverS, the seconds of the server's main thread (its event loop). */
	serverMainS: number | undefined;
	/** Seconds the server's event loop was ready to run and waited for a core. */
	serverWaitS: number | undefined;
	clientPct: number;
	serverPct: number | undefined;
	load1: [number, number];
}

/**
 * Measures CPU use over a stretch of wall time: this process (the load
 * client) and, if known, the server's process. Shares of one core, so 100%
 * means one core busy the whole time.
 */
export class CpuMeter {
	readonly #serverPid: number | undefined;
	readonly #wall0 = performance.now();
	readonly #client0 = process.cpuUsage();
	readonly #server0: number | undefined;
	readonly #main0: number | undefined;
	readonly #wait0: number | undefined;
	readonly #load0 = loadavg()[0]!;

	constructor(serverPid: number | undefined) {
		this.#serverPid = serverPid;
		this.#server0 = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
		this.#main0 = serverPid === undefined ? undefined : mainThreadCpuSeconds(serverPid);
		this.#wait0 = serverPid === undefined ? undefined : processWaitSeconds(serverPid);
	}

	/**
	 * CPU seconds used since the meter was made (clientS, serverS) and the same
	 * as shares of one core; load1: the 1-minute load average at the start and
	 * now, to show what else the machine was doing.
	 */
	read(): CpuUsage {
		const wallS = (performance.now() - this.#wall0) / 1000;
		const c = process.cpuUsage(this.#client0);
		const clientS = (c.user + c.system) / 1e6;
		const server1 = this.#serverPid === undefined ? undefined : processCpuSeconds(this.#serverPid);
		const serverS = server1 === undefined || this.#server0 === undefined ? undefined : server1 - this.#server0;
		const main1 = this.#serverPid === undefined ? undefined : mainThreadCpuSeconds(this.#serverPid);
		const serverMainS = main1 === undefined || this.#main0 === undefined ? undefined : main1 - this.#main0;
		const wait1 = this.#serverPid === undefined ? undefined : processWaitSeconds(this.#serverPid);
		const serverWaitS = wait1 === undefined || this.#wait0 === undefined ? undefined : wait1 - this.#wait0;
		return {
			wallS,
			clientS,
			serverS,
			serverMainS,
			serverWaitS,
			clientPct: (clientS / wallS) * 100,
			serverPct: serverS === undefined ? undefined : (serverS / wallS) * 100,
			load1: [this.#load0, loadavg()[0]!]
		};
	}
}

/**
 * The connections waiting for a server listening on `port` to accept them,
 * from /proc/net/tcp and tcp6 (a listening socket's rx_queue is its accept
 * queue); undefined where there is no /proc or no such socket.
 */
export function acceptQueue(port: number): number | undefined {
	const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
	let found: number | undefined;
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			// sl local_address rem_address st tx_queue:rx_queue …; st 0A is LISTEN.
			const [, address, , state, queues] = line.trim().split(/\s+/);
			if (state !== '0A' || !address?.endsWith(local)) continue;
			found = (found ?? 0) + parseInt(queues!.split(':')[1]!, 16);
		}
	}
	return found;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts the built app as `npm start` does (node with its flags and server.js, no settings but a
 * port and a scratch database) on a free port, for a benchmark or a journey,
 * and stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startArgs } from '../start-command.ts';

export interface RunningServer {
	url: string;
	dataDir: string;
	/** What the server has printed so far, stdout and stderr interleaved; empty unless started with `capture`. */
	output(): string;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

/** Servers this process started and has not stopped. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGTERM');
});

/**
 * Stops a server with this process if nothing else does: a script that
 * crashes half-way would otherwise leave it running, and it would skew the
 * next measurement on the machine.
 */
export function stopsWithThisProcess(child: ChildProcess): void {
	running.add(child);
	child.once('exit', () => running.delete(child));
}

export interface ServerOptions {
	/** Settings a test of a setting needs; none otherwise, as a teacher starts it. */
	env?: Record<string, string>;
	/** Reuse a data folder (its database survives a restart); a fresh one otherwise, removed on stop. */
	dataDir?: string;
	port?: number;
	/** Keep what the server prints (see `output`) instead of passing its stderr through, to check what it logs. */
	capture?: boolean;
}

export async function startServer({ env = {}, dataDir: given, port: wanted, capture = false }: ServerOptions = {}): Promise<RunningServer> {
	const port = wanted ?? (await freePort());
	const dataDir = given ?? mkdtempSync(path.join(tmpdir(), 'whosays-server-'));
	const url = `http://localhost:${port}`;
	const child: ChildProcess = spawn(process.execPath, startArgs(), {
		env: {
			...withoutAppSettings(process.env),
			PORT: String(port),
			WHOSAYS_DB: path.join(dataDir, 'bench.db'),
			...env
		},
		stdio: ['ignore', 'pipe', capture ? 'pipe' : 'inherit']
	});
	stopsWithThisProcess(child);
	const printed: string[] = [];
	if (capture) {
		child.stdout!.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
		child.stderr!.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
	}
	await waitForListening(child, 'the server', 15_000);
	return {
		url,
		dataDir,
		output: () => printed.join(''),
		stop: () =>
			new Promise((resolve) => {
				const done = () => {
					if (!given) rmSync(dataDir, { recursive: true, force: true });
					resolve();
				};
				// A server that has already exited (a crash under a probe) would never emit 'exit' again.
				if (child.exitCode !== null || child.signalCode !== null) return done();
				child.once('exit', done);
				child.kill('SIGTERM');
			})
	};
}

/** The caller's environment less anything the app reads, so a setting in a shell cannot leak into a measurement. */
export function withoutAppSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const app = /^(ORIGIN|PROTOCOL_HEADER|HOST_HEADER|PORT_HEADER|ADDRESS_HEADER|XFF_DEPTH|HOST|PORT|BODY_SIZE_LIMIT|KEEP_ALIVE_TIMEOUT|HEADERS_TIMEOUT|SHUTDOWN_TIMEOUT|WHOSAYS_.*|DATABASE_.*)$/;
	return Object.fromEntries(Object.entries(env).filter(([name]) => !app.test(name)));
}

/**
 * Resolves when a started app (ours or the bare one) says it is listening, as
 * many times as it has processes; fails if it exits or takes longer than `ms`.
 */
export function waitForListening(child: ChildProcess, what: string, ms: number, processes = 1): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${what} did not start within ${ms / 1000} s`)), ms);
		let listening = 0;
		child.stdout!.on('data', (chunk: Buffer) => {
			listening += chunk.toString().split('Listening').length - 1;
			if (listening >= processes) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${what} exited with code ${code} while starting`));
		});
	});
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';

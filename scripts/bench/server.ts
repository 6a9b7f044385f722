/** Starts the built app on a free port for a benchmark, and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
	url: string;
	dataDir: string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
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

export interface ServerOptions {
	env?: Record<string, string>;
	/** Reuse a data folder (its database survives a restart); a fresh one otherwise, removed on stop. */
	dataDir?: string;
	port?: number;
}

export async function startServer({ env = {}, dataDir: given, port: wanted }: ServerOptions = {}): Promise<RunningServer> {
	const port = wanted ?? (await freePort());
	const dataDir = given ?? mkdtempSync(path.join(tmpdir(), 'whosays-server-'));
	const url = `http://localhost:${port}`;
	const child: ChildProcess = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: url,
			WHOSAYS_DB: path.join(dataDir, 'bench.db'),
			// As npm start runs it: students' connections stay open while they think.
			KEEP_ALIVE_TIMEOUT: '65',
			HEADERS_TIMEOUT: '66',
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the server did not start within 15 s')), 15_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Listening')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
	});
	return {
		url,
		dataDir,
		stop: () =>
			new Promise((resolve) => {
				child.once('exit', () => {
					if (!given) rmSync(dataDir, { recursive: true, force: true });
					resolve();
				});
				child.kill('SIGTERM');
			})
	};
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';

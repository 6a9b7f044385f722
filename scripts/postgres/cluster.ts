/**
 * A throwaway PostgreSQL cluster in a temporary folder, for the tests and the
 * load benchmark: initdb, then pg_ctl start on a free port, then stop and
 * remove. PostgreSQL refuses to run as root, so as root (CI) the folder
 * belongs to the `postgres` user and the commands run as it (runuser).
 *
 * The binaries come from PG_BIN, else Debian's /usr/lib/postgresql/<version>/bin
 * (the newest), else the PATH; `findPostgres` says whether there are any.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../bench/server.ts';

const DEBIAN = '/usr/lib/postgresql';

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPostgres(): string | undefined {
	const has = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
	if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : undefined;
	if (existsSync(DEBIAN)) {
		const versions = readdirSync(DEBIAN)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const v of versions) if (has(path.join(DEBIAN, v, 'bin'))) return path.join(DEBIAN, v, 'bin');
	}
	for (const dir of (process.env.PATH ?? '').split(':')) if (dir && has(dir)) return dir;
	return undefined;
}

export interface Cluster {
	port: number;
	/** The server's major version, as it reports it. */
	version: string;
	/** A URL for `database` on this cluster, as the superuser `postgres` (trust authentication: the cluster lives in a temp folder on loopback). */
	url(database?: string): string;
	/** Creates an empty database; returns its URL. */
	createDatabase(name: string): Promise<string>;
	/** The server's processes (the postmaster and its children), for CPU figures. */
	pids(): number[];
	/** Stops the server and starts it again: `fast` as an administrator would, `immediate` as a crash (recovery from the log on start). */
	restart(mode: 'fast' | 'immediate'): Promise<void>;
	stop(): Promise<void>;
}

export interface ClusterOptions {
	/**
	 * Off for the unit tests: no fsync, since a crash there loses only a test
	 * run. On for the benchmark, whose restart under load must lose no
	 * acknowledged answer.
	 */
	durable: boolean;
	/** Connections the server accepts: the test pools and app processes add up. */
	maxConnections?: number;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
	const bin = findPostgres();
	if (!bin) throw new Error('PostgreSQL is not installed (no initdb and pg_ctl in PG_BIN, /usr/lib/postgresql/*/bin or the PATH)');
	const root = process.getuid?.() === 0;
	const dir = mkdtempSync(path.join(tmpdir(), 'whosays-pg-'));
	const data = path.join(dir, 'data');
	if (root) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const as = (command: string, args: string[]): [string, string[]] =>
		root ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
	const run = (command: string, args: string[]) => {
		const result = spawnSync(...as(command, args), { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
		return result.stdout;
	};
	// A restart under load must not stop this process's own clients meanwhile (the benchmark's students).
	const runAside = async (command: string, args: string[]) => {
		try {
			await promisify(execFile)(...as(command, args), { encoding: 'utf8' });
		} catch (error) {
			const e = error as { code?: number; stderr?: string; stdout?: string };
			throw new Error(`${command} failed (${e.code}): ${e.stderr || e.stdout}`);
		}
	};
	run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	const settings = [
		`-p ${port}`,
		`-k ${dir}`,
		'-c listen_addresses=127.0.0.1',
		`-c max_connections=${options.maxConnections ?? 200}`,
		...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])
	].join(' ');
	const log = path.join(dir, 'server.log');
	const startArgs = ['-D', data, '-o', settings, '-l', log, '-w', '-t', '60', 'start'];
	const stopArgs = (mode: 'fast' | 'immediate') => ['-D', data, '-m', mode, '-w', '-t', '60', 'stop'];
	const start = () => run('pg_ctl', startArgs);
	const stop = (mode: 'fast' | 'immediate') => run('pg_ctl', stopArgs(mode));
	start();
	const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
	const query = async (statement: string) => {
		const client = new pg.Client({ connectionString: url() });
		await client.connect();
		try {
			return await client.query<Record<string, unknown>>(statement);
		} finally {
			await client.end();
		}
	};
	const version = String((await query('show server_version')).rows[0]?.server_version ?? '?');
	let running = true;
	return {
		port,
		version: version.split(' ')[0]!,
		url,
		async createDatabase(name) {
			if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name of ours: ${name}`);
			await query(`create database ${name}`);
			return url(name);
		},
		pids() {
			try {
				const main = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
				const children = readdirSync(`/proc/${main}/task`).flatMap((task) =>
					readFileSync(`/proc/${main}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
				);
				return [main, ...children];
			} catch {
				return [];
			}
		},
		async restart(mode) {
			await runAside('pg_ctl', stopArgs(mode));
			await runAside('pg_ctl', startArgs);
		},
		async stop() {
			if (!running) return;
			running = false;
			try {
				stop('fast');
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

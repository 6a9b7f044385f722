/**
 * A district in miniature: N app processes (`node server.js` with npm start's flags, as npm start
 * runs it) on one PostgreSQL database, behind nginx from Debian's packages,
 * with the settings docs/deploy.md gives a district. For the browser journeys
 * on PostgreSQL (playwright.postgres.config.ts runs this file) and the load
 * benchmark's fault runs (which stop and start app processes under load).
 *
 * Run as a command it starts the fleet on PORT against a fresh database made
 * in the cluster WHOSAYS_E2E_POSTGRES names, and stops it on SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startArgs } from '../start-command.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { freePort, waitForListening, withoutAppSettings } from '../bench/server.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export function findNginx(): string | undefined {
	return [process.env.NGINX_BIN, ...NGINX].find((file): file is string => !!file && existsSync(file));
}

/** What each app process behind the balancer is told: docs/deploy.md explains each line. */
export function districtSettings(databaseUrl: string, port: number): Record<string, string> {
	return {
		PORT: String(port),
		// Bound to loopback: only nginx reaches an app process.
		HOST: '127.0.0.1',
		DATABASE_URL: databaseUrl,
		DATABASE_POOL_SIZE: '10',
		// The address and protocol a student used, as nginx saw them; the Host header is passed on as it came.
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		PROTOCOL_HEADER: 'x-forwarded-proto'
	};
}

/** The nginx configuration for a balancer on `port` in front of the app ports, with its files in `dir`. */
export function nginxConfig(port: number, appPorts: readonly number[], dir: string): string {
	return `# Written by scripts/postgres/fleet.ts; docs/deploy.md shows the same balancer for a server.
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 16384; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	upstream app {
${appPorts.map((p) => `		server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
		keepalive 64;
	}
	server {
		listen ${port};
		client_max_body_size 1m;
		location / {
			proxy_pass http://app;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $http_host;
			# Replaces whatever the client sent: the app trusts the last address only (XFF_DEPTH=1).
			proxy_set_header X-Forwarded-For $remote_addr;
			proxy_set_header X-Forwarded-Proto $scheme;
			# A request nginx could not hand to one process (it died, or is starting) goes to the next.
			proxy_next_upstream error timeout http_502;
			proxy_read_timeout 60s;
		}
	}
}
`;
}

export interface App {
	port: number;
	pid(): number | undefined;
	/** Kills the process outright, as a crash or a pulled plug would (SIGKILL). */
	kill(): Promise<void>;
	/** Starts it again on the same port. */
	start(): Promise<void>;
	stop(): Promise<void>;
}

function app(databaseUrl: string, port: number, extraEnv: Record<string, string>): App {
	let child: ChildProcess | undefined;
	/** Set while this file ends the process on purpose; any other exit is said out loud. */
	let ending = false;
	const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
	const end = (signal: NodeJS.Signals) =>
		new Promise<void>((resolve) => {
			if (exited()) return resolve();
			ending = true;
			child!.once('exit', () => {
				ending = false;
				resolve();
			});
			child!.kill(signal);
		});
	return {
		port,
		pid: () => (exited() ? undefined : child!.pid),
		async start() {
			child = spawn(process.execPath, startArgs(), {
				env: { ...withoutAppSettings(process.env), ...districtSettings(databaseUrl, port), ...extraEnv },
				stdio: ['ignore', 'pipe', 'inherit']
			});
			const started = child;
			started.once('exit', (code, signal) => {
				if (!ending) console.error(`The app process on port ${port} (pid ${started.pid}) exited by itself: ${signal ?? `code ${code}`}`);
			});
			await waitForListening(started, 'an app process', 30_000);
			// What it says afterwards is news (a signal from elsewhere, say), but not while this file stops it.
			started.stdout!.on('data', (chunk: Buffer) => {
				if (!ending) process.stdout.write(`[app on port ${port}] ${chunk.toString()}`);
			});
		},
		kill: () => end('SIGKILL'),
		stop: () => end('SIGTERM')
	};
}

export interface Fleet {
	/** The balancer's address, as students reach it. */
	url: string;
	apps: App[];
	/** nginx's processes (master and worker), for CPU figures. */
	balancerPids(): number[];
	stop(): Promise<void>;
}

export interface FleetOptions {
	databaseUrl: string;
	processes: number;
	/** The balancer's port; a free one if left out. */
	port?: number;
	/** More settings for every app process (a profiler, say). */
	env?: Record<string, string>;
}

/** Starts the app processes one after another (the first migrates the database), then nginx in front. */
export async function startFleet({ databaseUrl, processes, port, env = {} }: FleetOptions): Promise<Fleet> {
	const nginx = findNginx();
	if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx, or set NGINX_BIN)');
	const apps: App[] = [];
	const dir = mkdtempSync(path.join(tmpdir(), 'whosays-nginx-'));
	let balancer: ChildProcess | undefined;
	const stop = async () => {
		if (balancer && balancer.exitCode === null) {
			const done = new Promise((resolve) => balancer!.once('exit', resolve));
			balancer.kill('SIGQUIT');
			await done;
		}
		await Promise.all(apps.map((a) => a.stop()));
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		for (let i = 0; i < processes; i++) {
			const a = app(databaseUrl, await freePort(), env);
			apps.push(a);
			await a.start();
		}
		const listen = port ?? (await freePort());
		const conf = path.join(dir, 'nginx.conf');
		writeFileSync(conf, nginxConfig(listen, apps.map((a) => a.port), dir));
		const test = spawnSync(nginx, ['-t', '-q', '-c', conf, '-p', dir], { encoding: 'utf8' });
		if (test.status !== 0) throw new Error(`nginx refused its configuration: ${test.stderr}`);
		balancer = spawn(nginx, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
		await untilAnswering(`http://127.0.0.1:${listen}/`);
		const balancerPids = () => {
			const main = balancer?.exitCode === null ? balancer.pid : undefined;
			if (main === undefined) return [];
			try {
				const children = readFileSync(`/proc/${main}/task/${main}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
				return [main, ...children];
			} catch {
				return [main];
			}
		};
		return { url: `http://localhost:${listen}`, apps, balancerPids, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

async function untilAnswering(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).status < 500) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`nothing answered at ${url}`);
}

/** Makes a fresh, empty database in the cluster `adminUrl` points at; returns its URL. */
export async function freshDatabase(adminUrl: string, prefix: string): Promise<string> {
	const name = `${prefix}_${Date.now()}_${process.pid}`;
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		// The name is ours, made of [a-z0-9_]: nothing from outside reaches this statement.
		await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const admin = process.env.WHOSAYS_E2E_POSTGRES;
	if (!admin) throw new Error('WHOSAYS_E2E_POSTGRES must name a PostgreSQL cluster to make the journeys’ database in');
	const fleet = await startFleet({
		databaseUrl: await freshDatabase(admin, 'whosays_e2e'),
		processes: Number(process.env.FLEET_PROCESSES ?? 2),
		port: Number(process.env.PORT)
	});
	console.log(`Listening on ${fleet.url}: ${fleet.apps.length} app processes behind nginx`);
	const quit = () => void fleet.stop().then(() => process.exit(0));
	process.once('SIGTERM', quit);
	process.once('SIGINT', quit);
}

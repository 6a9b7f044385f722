/**
 * How the built app is started, read from the `start` script in package.json
 * (its part after the build), so the browser tests, the benchmarks and the
 * probes start it exactly as `npm start` does, flags included.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The arguments after `node` in the start script: Node's flags, then server.js. */
export function startArgs(): string[] {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
	const serve = pkg.scripts.start.split('&&').at(-1)!.trim().split(/\s+/);
	if (serve[0] !== 'node' || serve.at(-1) !== 'server.js')
		throw new Error(`package.json's start script should end with "node [flags] server.js", not "${serve.join(' ')}"`);
	return serve.slice(1);
}

/** The same, as one shell command. */
export const startCommand = (): string => ['node', ...startArgs()].join(' ');

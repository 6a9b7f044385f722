/**
 * npm run test:postgres: the suite's PostgreSQL pass. Starts a throwaway
 * PostgreSQL cluster (cluster.ts), runs the database specs against it (every
 * spec under src/lib/server and the SQLite-to-PostgreSQL copy's), then the
 * browser journeys that reach the database once more, against two app
 * processes behind nginx (playwright.postgres.config.ts), and stops the cluster.
 *
 * Without PostgreSQL installed it says so in one line and passes, so npm test
 * needs nothing but Node and Chromium; .ci/run installs PostgreSQL and nginx
 * first. Without nginx, the journeys are skipped the same way.
 */
import { spawn } from 'node:child_process';
import { findPostgres, startCluster } from './cluster.ts';
import { findNginx } from './fleet.ts';

const DATABASE_SPECS = ['src/lib/server', 'scripts/db-to-postgres.pg.spec.ts'];

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

if (!findPostgres()) {
	console.log('PostgreSQL not found (no initdb in PG_BIN, /usr/lib/postgresql/*/bin or the PATH): skipping the PostgreSQL pass.');
	process.exit(0);
}

const started = performance.now();
const cluster = await startCluster({ durable: false });
let failed = 0;
const stop = () => void cluster.stop().finally(() => process.exit(1));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
	console.log(`PostgreSQL ${cluster.version} on port ${cluster.port}: the database specs`);
	const specs = await cluster.createDatabase('whosays_specs');
	failed += await run('npx', ['vitest', 'run', ...DATABASE_SPECS], { WHOSAYS_TEST_POSTGRES: specs });
	if (!findNginx()) console.log('nginx not found (apt-get install -y nginx): skipping the browser journeys behind a balancer.');
	else {
		console.log('The browser journeys: two app processes on PostgreSQL behind nginx');
		failed += await run('npx', ['playwright', 'test', '--config', 'playwright.postgres.config.ts'], { WHOSAYS_E2E_POSTGRES: cluster.url() });
	}
} finally {
	process.off('SIGINT', stop);
	process.off('SIGTERM', stop);
	await cluster.stop();
}
console.log(`PostgreSQL pass ${failed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);

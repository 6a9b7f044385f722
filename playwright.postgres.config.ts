/**
 * The browser journeys once more, as a district runs the app: two app
 * processes on one PostgreSQL database behind nginx (scripts/postgres/fleet.ts).
 * scripts/postgres/test.ts runs it with WHOSAYS_E2E_POSTGRES naming a
 * throwaway cluster; the journeys themselves are the same files, less those
 * that never reach the database (open practice, the author pages and the
 * accessibility runs of the practice player): behind the balancer they would
 * test what the first pass tested, at a quarter of the suite's time.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// Beside the SQLite suite's port, so both can run from one checkout.
const port = Number(new URL(String(base.use?.baseURL)).port) + 1000;

export default defineConfig({
	...base,
	// Test results apart from the SQLite run's, which they would otherwise replace.
	outputDir: 'test-results/postgres',
	testIgnore: ['**/accessibility.e2e.ts', '**/author.e2e.ts', '**/draft.e2e.ts', '**/quiz.e2e.ts'],
	use: { ...base.use, baseURL: `http://localhost:${port}` },
	webServer: {
		command: 'node --import tsx scripts/postgres/fleet.ts',
		port,
		env: { PORT: String(port), FLEET_PROCESSES: '2', WHOSAYS_E2E_POSTGRES: process.env.WHOSAYS_E2E_POSTGRES ?? '' },
		reuseExistingServer: false,
		timeout: 120_000,
		gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 }
	}
});

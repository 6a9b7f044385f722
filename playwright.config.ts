import { defineConfig, devices } from '@playwright/test';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, TEST_CHROMIUM } from './scripts/chromium.ts';
import { startCommand } from './scripts/start-command.ts';

// A port per checkout, so two checkouts on one machine can run their suites side by side.
const fromPath = [...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 1000;
const port = Number(process.env.E2E_PORT ?? 4200 + fromPath);

/** The browser tests' own database, fresh for every run; each test seeds what it needs. */
export const E2E_DB = path.join(tmpdir(), `whosays-e2e-${port}-${process.pid}.db`);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	forbidOnly: true,
	// Two browsers at once: on two cores, 4.2 min for the journeys against 5.4 with one (the
	// headless shell leaves room), and 5.6 min with a third process keeping one core busy.
	workers: Math.min(2, availableParallelism()),
	retries: 0,
	reporter: [['list']],
	// Room for a busy two-core machine; a journey that plays a whole quiz sets its own.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: TEST_CHROMIUM, args: CHROMIUM_ARGS }
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	// Started as `npm start` starts it, but for the port and a scratch database.
	webServer: {
		command: startCommand(),
		port,
		env: { PORT: String(port), WHOSAYS_DB: E2E_DB },
		reuseExistingServer: false,
		timeout: 60_000
	}
});

import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { islands } from './scripts/build/islands.ts';
import { quizCheck } from './src/lib/server/quiz-plugin.ts';

export default defineConfig({
	plugins: [quizCheck(), islands(), sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		// Specs of what only PostgreSQL does (*.pg.spec.ts) run in the PostgreSQL pass, which names its database.
		exclude: process.env.WHOSAYS_TEST_POSTGRES ? configDefaults.exclude : [...configDefaults.exclude, '**/*.pg.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// A few specs start the command-line tools; on a busy two-core machine that takes seconds.
		testTimeout: 30_000
	}
});

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { islands } from './scripts/build/islands.ts';
import { quizCheck } from './src/lib/server/quiz-plugin.ts';

export default defineConfig({
	plugins: [quizCheck(), islands(), sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true }
	}
});

/**
 * Builds each entry of src/islands into one self-contained file in
 * build/client/_islands, after the SvelteKit build (npm run build runs both).
 * Styles come from the SvelteKit build, which renders the same components.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

const entries = Object.fromEntries(
	readdirSync('src/islands')
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'props.ts')
		.map((f) => [f.replace(/\.ts$/, ''), `src/islands/${f}`])
);

export default defineConfig({
	plugins: [svelte({ emitCss: false, compilerOptions: { runes: true, css: 'external' } })],
	resolve: { conditions: ['browser'] },
	build: {
		outDir: 'build/client/_islands',
		emptyOutDir: true,
		copyPublicDir: false,
		modulePreload: false,
		target: 'es2022',
		rollupOptions: {
			input: entries,
			output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' }
		}
	}
});

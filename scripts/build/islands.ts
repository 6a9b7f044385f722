/**
 * Islands: the student pages' browser code, without SvelteKit's client router.
 *
 * A student page is rendered on the server with `csr = false`, and one small
 * script hydrates the quiz player in place. The router and its runtime would
 * cost more than the player itself (about 61 KiB of script on the wire for the
 * quiz page against about 40), which a school Chromebook on a slow network
 * pays before the first click.
 *
 * A page imports its island as `import island from '.../practice.ts?island'`
 * and gets `{ src, preload }`: the script's address and the chunks it imports,
 * for `<script type="module">` and `<link rel="modulepreload">`.
 *
 * - Development: the island's source, served and transformed by Vite.
 * - Build: while SvelteKit builds the server, the islands are bundled once for
 *   the browser and emitted into SvelteKit's own `_app/immutable/assets`,
 *   which SvelteKit copies into the client output. From there they are what
 *   every other asset is: content-hashed names, precompressed (brotli and
 *   gzip) by adapter-node, served with immutable caching, and served by
 *   `vite preview` too.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';
import type { IslandAsset } from '../../src/islands/island.ts';


const QUERY = '?island';
// SvelteKit's immutable assets folder (its `appDir` is left at the default `_app`).
const ASSETS = '_app/immutable/assets';

type Bundle = Map<string, Rollup.OutputChunk>;

/** One island bundled for the browser: its entry and any chunks it imports. */
async function bundle(config: ResolvedConfig, file: string): Promise<Bundle> {
	const input = { [`island-${path.basename(file, '.ts')}`]: file };
	const output = (await build({
		configFile: false,
		root: config.root,
		logLevel: 'warn',
		mode: config.mode,
		// Styles come from SvelteKit's server build, which renders the same components.
		plugins: [svelte({ configFile: false, emitCss: false, compilerOptions: { runes: true, css: 'external' } })],
		resolve: { conditions: ['browser'] },
		build: {
			write: false,
			target: 'es2022',
			modulePreload: false,
			rollupOptions: {
				input,
				output: {
					format: 'es',
					entryFileNames: `${ASSETS}/[name].[hash].js`,
					chunkFileNames: `${ASSETS}/island-[name].[hash].js`
				}
			}
		}
	})) as Rollup.RollupOutput | Rollup.RollupOutput[];
	const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
	return new Map(chunks.map((c) => [c.fileName, c]));
}

/** The entry's own file and every chunk it statically imports, in load order. */
function assetOf(chunks: Bundle, entry: Rollup.OutputChunk): IslandAsset {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
	};
	for (const imported of entry.imports) visit(imported);
	return { src: `/${entry.fileName}`, preload: [...seen].map((file) => `/${file}`) };
}

export function islands(): Plugin {
	let config: ResolvedConfig;
	const bundled = new Map<string, Promise<Bundle>>();
	return {
		name: 'who-says:islands',
		configResolved(resolved) {
			config = resolved;
		},
		async resolveId(source, importer) {
			if (!source.endsWith(QUERY)) return null;
			const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
			return resolved ? `${resolved.id}${QUERY}` : null;
		},
		async load(id) {
			if (!id.endsWith(QUERY)) return null;
			const file = id.slice(0, -QUERY.length);
			let asset: IslandAsset;
			if (config.command === 'serve') {
				asset = { src: `/${path.relative(config.root, file).split(path.sep).join('/')}`, preload: [] };
			} else if (!config.build.ssr) {
				// SvelteKit's client build compiles every page, but a page with
				// `csr = false` never loads its client code: the server build's
				// answer is the one that reaches the HTML.
				asset = { src: '', preload: [] };
			} else {
				let made = bundled.get(file);
				const first = !made;
				if (!made) bundled.set(file, (made = bundle(config, file)));
				const chunks = await made;
				if (first) for (const chunk of chunks.values()) this.emitFile({ type: 'asset', fileName: chunk.fileName, source: chunk.code });
				const entry = [...chunks.values()].find((c) => c.isEntry && c.facadeModuleId === file);
				if (!entry) this.error(`The island ${file} was not built`);
				asset = assetOf(chunks, entry);
			}
			return `export default ${JSON.stringify(asset)};`;
		}
	};
}


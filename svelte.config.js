import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Asset addresses from the site's root, not relative to the page: a finished quiz moves its address
		// to …/done without loading a page, and a relative icon address then pointed at a file that is not there.
		paths: { relative: false },
		// A page's stylesheets under 8 KB go inside its HTML: a slow school network then spends no
		// round trip on them before the first paint, and brotli packs them with the page.
		inlineStyleThreshold: 8192,
		// Scripts only from this origin (SvelteKit's own inline scripts carry a nonce);
		// inline styles stay allowed for Svelte's style: directives, never inline scripts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;

/**
 * Load data that only the server's render reads. Student pages have no
 * SvelteKit client (csr = false, see routes/(student)/+layout.server.ts): the
 * page's island reads its props from the page itself. SvelteKit still turns
 * each page's load data into JavaScript as it renders (devalue's uneval, for
 * a client router it then does not send). Data marked here is written by the
 * transport hook (src/hooks.ts) as an empty placeholder instead. A page so
 * marked cannot be drawn by the client router of a page that has one, so
 * links into student pages load them whole (`data-sveltekit-reload`).
 */
const marked = new WeakSet<object>();

/** Marks a load's data as for the server's render alone, and returns it. */
export function renderedOnly<T extends object>(data: T): T {
	marked.add(data);
	return data;
}

export function isRenderedOnly(value: unknown): boolean {
	return typeof value === 'object' && value !== null && marked.has(value);
}

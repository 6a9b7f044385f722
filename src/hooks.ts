import type { Transport } from '@sveltejs/kit';
import { isRenderedOnly } from '$lib/rendered-only.ts';

export const transport: Transport = {
	/** A student page's load data (see rendered-only.ts): its render has it, no browser needs it. */
	RenderedOnly: {
		encode: (value) => isRenderedOnly(value) && [],
		decode: () => {
			throw new Error('This data was rendered on the server and not sent: its page has csr = false');
		}
	}
};

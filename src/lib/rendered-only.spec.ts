import { describe, expect, it } from 'vitest';
import { transport } from '../hooks.ts';
import { renderedOnly } from './rendered-only.ts';

const { encode, decode } = transport.RenderedOnly!;

describe('load data for the server render alone', () => {
	it('is written as a placeholder, whatever it holds', () => {
		const data = renderedOnly({ quiz: { article: { body: 'A long article' } } });
		expect(encode(data)).toEqual([]);
	});

	it('leaves all other data to SvelteKit', () => {
		expect(encode({ quiz: { article: { body: 'A long article' } } })).toBe(false);
		expect(encode('text')).toBe(false);
		expect(encode(null)).toBe(false);
	});

	it('refuses to be read back in a browser, saying why', () => {
		expect(() => decode([])).toThrow(/csr = false/);
	});
});

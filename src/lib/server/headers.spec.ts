import { describe, expect, it } from 'vitest';
import { withSecurityHeaders } from './headers.ts';

const headersFor = (path: string) => withSecurityHeaders(new Response('page'), new URL(`http://school.test${path}`)).headers;

describe('headers every response carries', () => {
	it('keeps a student page out of the browser cache, so Back never shows an old step', () => {
		for (const path of ['/a/K7M4PX', '/a/K7M4PX/done', '/quiz/eastfield-library-closure', '/join'])
			expect(headersFor(path).get('cache-control'), path).toBe('no-store');
		expect(headersFor('/').get('cache-control')).toBeNull();
		expect(headersFor('/author').get('cache-control')).toBeNull();
	});

	it('keeps a teacher page out of caches, search engines and other sites’ logs', () => {
		const headers = headersFor('/manage/0f1e');
		expect([headers.get('cache-control'), headers.get('referrer-policy'), headers.get('x-robots-tag')]).toEqual(['no-store', 'same-origin', 'noindex, nofollow']);
		expect(headersFor('/a/K7M4PX').get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});
});

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, pickEncoding } from './compress.ts';

const page = `<!doctype html><p>${'Who says so, and how do they know? '.repeat(200)}</p>`;
const html = (body: string, headers: Record<string, string> = {}) =>
	new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
const asking = (accept: string) => new Request('http://localhost/', { headers: { 'accept-encoding': accept } });

describe('pickEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(pickEncoding('gzip, deflate')).toBe('gzip');
		expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(pickEncoding('*')).toBe('br');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding(null)).toBeNull();
	});
});

describe('compress', () => {
	it('sends a page brotli-compressed to a browser that takes it, and says so', async () => {
		const sent = await compress(asking('gzip, br'), html(page));
		expect(sent.headers.get('content-encoding')).toBe('br');
		expect(sent.headers.get('vary')).toMatch(/Accept-Encoding/);
		const body = Buffer.from(await sent.arrayBuffer());
		expect(body.length).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(body).toString()).toBe(page);
	});

	it('falls back to gzip, and leaves the response alone for a client that takes neither', async () => {
		const gz = await compress(asking('gzip'), html(page));
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);
		const plain = await compress(asking('identity'), html(page));
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(page);
	});

	it('compresses a large body (a big class’s CSV) just the same', async () => {
		const csv = 'name,answer,correct\n'.repeat(10_000) + Math.random().toString(36).repeat(2_000);
		for (const accept of ['br', 'gzip']) {
			const sent = await compress(asking(accept), new Response(csv, { headers: { 'content-type': 'text/csv' } }));
			expect(sent.headers.get('content-encoding')).toBe(accept);
			const body = Buffer.from(await sent.arrayBuffer());
			expect(Number(sent.headers.get('content-length'))).toBe(body.length);
			expect((accept === 'br' ? brotliDecompressSync(body) : gunzipSync(body)).toString()).toBe(csv);
		}
	});

	it('keeps status and headers, and leaves small bodies, other types and server-sent events as they are', async () => {
		const refused = await compress(asking('br'), new Response(JSON.stringify({ message: 'x'.repeat(2000) }), { status: 400, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }));
		expect(refused.status).toBe(400);
		expect(refused.headers.get('cache-control')).toBe('no-store');
		expect(refused.headers.get('content-encoding')).toBe('br');
		expect((await compress(asking('br'), html('<p>short</p>'))).headers.get('content-encoding')).toBeNull();
		const stream = new Response('data: x\n\n'.repeat(500), { headers: { 'content-type': 'text/event-stream' } });
		expect((await compress(asking('br'), stream)).headers.get('content-encoding')).toBeNull();
	});
});

/**
 * Compresses pages and JSON on their way out, as a proxy in front would; a
 * classroom laptop has none. adapter-node serves built files precompressed
 * but sends what SvelteKit renders as it is: a quiz page's HTML is about
 * 45 KB raw and under 10 KB compressed, on a school network that is slow.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/plain|image\/svg\+xml)\b/;
// Below this a response fits in a packet or two anyway.
const MIN_BYTES = 1024;
/**
 * Quality 3 of 11. Measured on a quiz page (39 KB of HTML): 0.20 ms for
 * 10.0 KB at quality 3, 0.36 ms for 9.5 KB at 4, 0.58 ms for 8.9 KB at 5.
 * Told the body's size, brotli sizes its tables to it.
 */
const brotliOptions = (size: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: size } });
/**
 * Up to this size a body is compressed in line. Node's asynchronous brotli
 * goes through the thread pool twice (the data, then the end of the stream),
 * and each time waits for the event loop to come round: a page rendered in
 * 2 ms left two or three turns later. With a class of 40 joining at once
 * (`npm run bench:load`, scenario a), 0 to 15 of its 120 join requests took
 * 100 ms or more in line at quality 3, against 14 to 24 through the pool at
 * quality 3, 22 to 43 at quality 5, and 11 to 42 in line at quality 4. A bigger
 * body (a large class's CSV) goes through the pool, off the event loop.
 */
const IN_LINE_BYTES = 128 * 1024;

/** The encoding to use for a request's Accept-Encoding, if any. */
export function pickEncoding(accept: string | null): 'br' | 'gzip' | null {
	const offered = new Map<string, number>();
	for (const part of (accept ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		offered.set(name, q ? Number(q.slice(2)) : 1);
	}
	const allows = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
	if (allows('br')) return 'br';
	if (allows('gzip')) return 'gzip';
	return null;
}

/** The response compressed for this request, or as it was when that would not help. */
export async function compress(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (!response.body || response.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return response;
	// Most responses (an answer's verdict) say they are small: they leave before the header is read.
	if (Number(response.headers.get('content-length') ?? Infinity) < MIN_BYTES) return response;
	const encoding = pickEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return response;
	const raw = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	if (raw.length < MIN_BYTES) return new Response(raw, { status: response.status, statusText: response.statusText, headers });
	const options = brotliOptions(raw.length);
	const inLine = raw.length <= IN_LINE_BYTES;
	let body: Buffer<ArrayBuffer>;
	if (encoding === 'br') body = inLine ? brotliCompressSync(raw, options) : await brotli(raw, options);
	else body = inLine ? gzipSync(raw) : await gzipped(raw);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.length));
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

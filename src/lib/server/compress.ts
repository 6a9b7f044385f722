/**
 * Compresses pages and JSON on their way out, as a proxy in front would; a
 * classroom laptop has none. adapter-node serves built files precompressed
 * but sends what SvelteKit renders as it is: a quiz page's HTML is about
 * 45 KB raw and under 10 KB compressed, on a school network that is slow.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/plain|image\/svg\+xml)\b/;
// Below this a response fits in a packet or two anyway.
const MIN_BYTES = 1024;
/**
 * Quality 5 of 11: most of brotli's gain at about a millisecond for a page.
 * Told the body's size, brotli sizes its tables to it: a quiz page then
 * takes 0.90 ms instead of 1.12, for the same bytes.
 */
const brotliOptions = (size: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: size } });

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
	// Through the thread pool, not in line: in line cost less CPU a page, but joins in the ramp of 5,000
	// waited seconds behind the blocked thread (join p95 1.5–7.5 s against 0.3–1.0 s through the pool).
	const body = encoding === 'br' ? await brotli(raw, brotliOptions(raw.length)) : await gzipped(raw);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.length));
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The fast lane for answers. A class sends one request per answer, and
 * SvelteKit's handling of a request (a web Request and Response made from
 * Node's, cookies, hooks, routing) cost more than storing the answer itself:
 * about 270 µs of CPU a request on the benchmark machine. server.js sends
 * POST /a/<code>/answer here, straight from Node's http server, with the
 * same rules as every other request: the same origin check, headers, rate
 * limit, cookie and answer logic (answer-request.ts) as the SvelteKit route.
 *
 * The lane is registered once SvelteKit has started (hooks.server.ts), so it
 * shares this bundle's database handle and rate limiter; until then server.js
 * passes answers to SvelteKit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerRequest, type AnswerResponse } from './answer-request.ts';
import { getDb } from './db/index.ts';
import { allowAddress, getQuiz, TOO_MANY } from './web.ts';

export const LANE = Symbol.for('whosays.answer-lane');

/** What server.js finds under LANE: which requests the lane takes, and how it answers them. */
export interface Lane {
	accepts(method: string | undefined, url: string | undefined): boolean;
	handle(req: IncomingMessage, res: ServerResponse): void;
}

const PATH = /^\/a\/([^/?#]+)\/answer(?:\?.*)?$/;
const BODY_LIMIT = 64 * 1024;

/** Whether server.js should send this request down the lane. */
export function isAnswerRequest(method: string | undefined, url: string | undefined): boolean {
	return method === 'POST' && PATH.test(url ?? '');
}

// Read once: process.env is slow to read, and these do not change while the server runs.
const ENV = {
	origin: process.env.ORIGIN,
	addressHeader: process.env.ADDRESS_HEADER?.toLowerCase(),
	xffDepth: Number(process.env.XFF_DEPTH ?? 1),
	protocolHeader: process.env.PROTOCOL_HEADER?.toLowerCase(),
	hostHeader: process.env.HOST_HEADER?.toLowerCase()
};

/** The client's address as adapter-node reads it: a proxy's header when ADDRESS_HEADER says so. */
function clientAddress(req: IncomingMessage): string {
	const header = ENV.addressHeader;
	if (!header) return req.socket.remoteAddress ?? '';
	const value = String(req.headers[header] ?? '');
	if (header !== 'x-forwarded-for') return value;
	const hops = value.split(',');
	return (hops[hops.length - ENV.xffDepth] ?? hops[0] ?? '').trim();
}

function expectedOrigin(req: IncomingMessage): string {
	if (ENV.origin) return ENV.origin;
	const protocol = ENV.protocolHeader ? String(req.headers[ENV.protocolHeader] ?? 'https') : 'http';
	const host = ENV.hostHeader ? req.headers[ENV.hostHeader] : req.headers.host;
	return `${protocol}://${String(host)}`;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
	}
	return undefined;
}

function send(res: ServerResponse, { status, body }: AnswerResponse): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'cache-control': 'no-store'
	});
	res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= BODY_LIMIT) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > BODY_LIMIT ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
	if (req.headers.origin !== expectedOrigin(req)) {
		req.resume();
		return send(res, { status: 403, body: { message: 'This request did not come from this site, so it was refused.' } });
	}
	if (!allowAddress(clientAddress(req), 'answer')) {
		req.resume();
		return send(res, { status: 429, body: { message: TOO_MANY } });
	}
	// A class code is plain letters and digits; anything undecodable is simply not one.
	const raw = PATH.exec(req.url ?? '')?.[1] ?? '';
	let code = raw;
	try {
		code = decodeURIComponent(raw);
	} catch {
		code = '';
	}
	const body = await readBody(req);
	if (body === null) return send(res, { status: 413, body: { message: 'The answer is too large.' } });
	const contentType = req.headers['content-type'] ?? null;
	const token = cookie(req, 'whosays_attempt');
	send(res, await answerRequest({ code, token, contentType, body }, await getDb(), new Date(), getQuiz));
}

/** The lane as server.js calls it; an unexpected failure answers 500 and is logged, never thrown. */
export const answerLane: Lane = {
	accepts: isAnswerRequest,
	handle(req, res) {
		answer(req, res).catch((error: unknown) => {
			console.error('Answer lane:', error);
			if (!res.headersSent) send(res, { status: 500, body: { message: 'Please try again in a moment.' } });
			else res.end();
		});
	}
};

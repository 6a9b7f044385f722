/**
 * What a browser receives for a page: every response as it came over the
 * wire, from Chromium's own network log (CDP `Network.loadingFinished`
 * `encodedDataLength`: compressed body plus headers, what DevTools calls
 * "transferred"), sorted into JavaScript, CSS, the HTML document and the rest.
 * A script's body is kept to search it (for zod), its headers to check that
 * it came compressed and cacheable for good.
 */
import type { CDPSession, Page } from '@playwright/test';

export type Kind = 'js' | 'css' | 'html' | 'other';

export interface Received {
	url: string;
	kind: Kind;
	status: number;
	/** Bytes on the wire, headers included; 0 when the browser's cache answered. */
	bytes: number;
	fromCache: boolean;
	encoding: string | null;
	cacheControl: string | null;
	/** The decoded body of a script, to search. */
	body?: string;
}

export interface Totals {
	js: number;
	css: number;
	html: number;
	other: number;
	total: number;
}

interface Pending {
	url: string;
	type: string;
	status: number;
	mime: string;
	headers: Record<string, string>;
	fromCache: boolean;
}

function kindOf(type: string, mime: string, url: string): Kind {
	if (type === 'Document') return 'html';
	if (type === 'Script' || /javascript/.test(mime) || /\.m?js$/.test(new URL(url).pathname)) return 'js';
	if (type === 'Stylesheet' || mime === 'text/css') return 'css';
	return 'other';
}

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** Records one page's network traffic from the moment it is attached. */
export class WireLog {
	private received: Received[] = [];
	private pending = new Map<string, Pending>();
	/** Requests sent and not yet finished, failed or read: the page is settled when this is empty. */
	private inFlight = new Set<string>();
	private idleWaiters: (() => void)[] = [];

	private constructor(private readonly cdp: CDPSession) {}

	static async attach(page: Page): Promise<WireLog> {
		const cdp = await page.context().newCDPSession(page);
		const log = new WireLog(cdp);
		cdp.on('Network.requestWillBeSent', (e) => {
			// A redirect ends one response and reuses its id for the next request.
			if (e.redirectResponse) {
				const hop = log.pending.get(e.requestId);
				log.received.push({
					url: e.redirectResponse.url,
					kind: kindOf(e.type ?? hop?.type ?? '', '', e.redirectResponse.url),
					status: e.redirectResponse.status,
					bytes: e.redirectResponse.encodedDataLength,
					fromCache: false,
					encoding: null,
					cacheControl: null
				});
			}
			log.pending.set(e.requestId, { url: e.request.url, type: e.type ?? '', status: 0, mime: '', headers: {}, fromCache: false });
			log.inFlight.add(e.requestId);
		});
		cdp.on('Network.responseReceived', (e) => {
			const p = log.pending.get(e.requestId);
			if (!p) return;
			p.type = e.type || p.type;
			p.status = e.response.status;
			p.mime = e.response.mimeType;
			p.headers = lower(e.response.headers);
			p.fromCache = Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker);
		});
		cdp.on('Network.requestServedFromCache', (e) => {
			const p = log.pending.get(e.requestId);
			if (p) p.fromCache = true;
		});
		cdp.on('Network.loadingFinished', (e) => void log.finish(e.requestId, e.encodedDataLength));
		cdp.on('Network.loadingFailed', (e) => log.done(e.requestId));
		await cdp.send('Network.enable');
		return log;
	}

	private async finish(id: string, bytes: number) {
		const p = this.pending.get(id);
		if (!p) return this.done(id);
		const kind = kindOf(p.type, p.mime, p.url);
		const entry: Received = {
			url: p.url,
			kind,
			status: p.status,
			bytes,
			fromCache: p.fromCache,
			encoding: p.headers['content-encoding'] ?? null,
			cacheControl: p.headers['cache-control'] ?? null
		};
		if (kind === 'js') {
			try {
				const { body, base64Encoded } = await this.cdp.send('Network.getResponseBody', { requestId: id });
				entry.body = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
			} catch {
				// The body is gone (the page moved on); the bytes still count.
			}
		}
		this.received.push(entry);
		this.done(id);
	}

	private done(id: string) {
		this.pending.delete(id);
		this.inFlight.delete(id);
		if (this.inFlight.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
	}

	/** Resolves when no request is in flight. */
	idle(): Promise<void> {
		return this.inFlight.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/**
	 * The page has settled: its load event has fired and no request is in
	 * flight, still none after the next two frames (so a request the page
	 * starts right after load is waited for too).
	 */
	async settle(page: Page): Promise<void> {
		await page.waitForLoadState('load');
		await this.idle();
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		await this.idle();
	}

	/** Everything received since the last call, and a fresh start. */
	take(): Received[] {
		return this.received.splice(0);
	}

	async detach(): Promise<void> {
		await this.cdp.detach();
	}
}

export function totals(received: readonly Received[]): Totals {
	const t: Totals = { js: 0, css: 0, html: 0, other: 0, total: 0 };
	for (const r of received) {
		t[r.kind] += r.bytes;
		t.total += r.bytes;
	}
	return t;
}

/** Does any script received carry zod? Its error class and its core type name survive minification. */
export const hasZod = (received: readonly Received[]) =>
	received.some((r) => r.kind === 'js' && r.body !== undefined && /ZodError|\$ZodType/.test(r.body));

/** Scripts that came from the network without compression or without an immutable Cache-Control. */
export function scriptProblems(received: readonly Received[]): string[] {
	return received
		.filter((r) => r.kind === 'js' && !r.url.startsWith('data:'))
		.flatMap((r) => {
			const missing = [
				!r.fromCache && !r.encoding ? 'no Content-Encoding' : '',
				!/\bimmutable\b/.test(r.cacheControl ?? '') ? `Cache-Control "${r.cacheControl ?? ''}" is not immutable` : ''
			].filter(Boolean);
			return missing.length ? [`${new URL(r.url).pathname}: ${missing.join(', ')}`] : [];
		});
}

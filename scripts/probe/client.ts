/**
 * One person's browser, as far as the server can tell: a cookie jar around
 * fetch. Each student, teacher or script gets its own, so the server sees
 * exactly the cookies a real browser of theirs would send, and nothing else.
 * Redirects are followed here, hop by hop, so a cookie set on the way
 * (a join's attempt cookie, say) is kept as a browser keeps it.
 */

interface Cookie {
	name: string;
	value: string;
	path: string;
	/** Epoch ms, or null for a session cookie. */
	expires: number | null;
}

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	/** Where the last hop landed (after redirects, when followed). */
	url: URL;
	/** From sending the first request to reading the last body. */
	ms: number;
}

export interface Send {
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	/** A form, sent urlencoded. */
	form?: Record<string, string>;
	/** A value sent as JSON. */
	json?: unknown;
	/** A raw body, with the content type in `headers`. */
	body?: string;
	/** Follow redirects (a browser does); false to see the 3xx itself. */
	follow?: boolean;
	/** Leave out the Origin header an unsafe request from this site carries, or send another. */
	origin?: string | null;
	timeoutMs?: number;
}

/** Whether a cookie with path `cookiePath` is sent to `requestPath` (RFC 6265 5.1.4). */
function pathMatches(cookiePath: string, requestPath: string): boolean {
	if (requestPath === cookiePath) return true;
	if (!requestPath.startsWith(cookiePath)) return false;
	return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** The path a cookie without a Path attribute gets: the request's directory. */
function defaultPath(requestPath: string): string {
	const slash = requestPath.lastIndexOf('/');
	return slash <= 0 ? '/' : requestPath.slice(0, slash);
}

export class Person {
	readonly #cookies = new Map<string, Cookie>();

	constructor(
		/** The server's origin, e.g. http://127.0.0.1:3000. */
		readonly origin: string,
		readonly label = 'someone'
	) {}

	/** Puts a cookie in the jar by hand (a forged or malformed one). */
	setCookie(name: string, value: string, path = '/'): void {
		this.#cookies.set(`${name};${path}`, { name, value, path, expires: null });
	}

	/** The cookies the jar holds now, whatever their path. */
	cookies(): { name: string; value: string; path: string }[] {
		this.#expire();
		return [...this.#cookies.values()].map(({ name, value, path }) => ({ name, value, path }));
	}

	cookie(name: string): string | undefined {
		return this.cookies().find((c) => c.name === name)?.value;
	}

	#expire(): void {
		const now = Date.now();
		for (const [key, c] of this.#cookies) if (c.expires !== null && c.expires <= now) this.#cookies.delete(key);
	}

	#header(path: string): string | undefined {
		this.#expire();
		const sent = [...this.#cookies.values()]
			.filter((c) => pathMatches(c.path, path))
			// Longer paths first, as browsers send them.
			.sort((a, b) => b.path.length - a.path.length)
			.map((c) => `${c.name}=${c.value}`);
		return sent.length ? sent.join('; ') : undefined;
	}

	#store(setCookies: string[], requestPath: string): void {
		for (const line of setCookies) {
			const [pair = '', ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq < 1) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			let path = defaultPath(requestPath);
			let expires: number | null = null;
			let maxAge: number | null = null;
			for (const attribute of attributes) {
				const [key = '', ...rest] = attribute.split('=');
				const v = rest.join('=').trim();
				switch (key.trim().toLowerCase()) {
					case 'path':
						if (v.startsWith('/')) path = v;
						break;
					case 'expires':
						expires = Date.parse(v);
						break;
					case 'max-age':
						maxAge = Number(v);
						break;
				}
			}
			// Max-Age wins over Expires (RFC 6265 5.3).
			if (maxAge !== null && Number.isFinite(maxAge)) expires = Date.now() + maxAge * 1000;
			const key = `${name};${path}`;
			if (expires !== null && (Number.isNaN(expires) || expires <= Date.now())) this.#cookies.delete(key);
			else this.#cookies.set(key, { name, value, path, expires });
		}
	}

	async request(path: string, send: Send = {}): Promise<Reply> {
		const started = performance.now();
		let url = new URL(path, this.origin);
		let method = send.method ?? (send.form || send.json !== undefined || send.body !== undefined ? 'POST' : 'GET');
		const headers: Record<string, string> = { ...send.headers };
		let body: string | undefined = send.body;
		if (send.form) {
			body = new URLSearchParams(send.form).toString();
			headers['content-type'] ??= 'application/x-www-form-urlencoded';
		} else if (send.json !== undefined) {
			body = JSON.stringify(send.json);
			headers['content-type'] ??= 'application/json';
		}
		if (method === 'POST' && send.origin !== null) headers.origin = send.origin ?? this.origin;
		for (let hop = 0; ; hop++) {
			const cookie = this.#header(url.pathname);
			const response = await fetch(url, {
				method,
				headers: cookie ? { ...headers, cookie } : headers,
				body: method === 'POST' ? body : undefined,
				redirect: 'manual',
				signal: AbortSignal.timeout(send.timeoutMs ?? 30_000)
			});
			this.#store(response.headers.getSetCookie(), url.pathname);
			const location = response.headers.get('location');
			if (send.follow === false || !location || response.status < 300 || response.status > 399 || hop >= 10) {
				const text = await response.text();
				return { status: response.status, headers: response.headers, text, url, ms: performance.now() - started };
			}
			await response.body?.cancel();
			url = new URL(location, url);
			if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
				method = 'GET';
				body = undefined;
				delete headers['content-type'];
				delete headers.origin;
			}
		}
	}

	get(path: string, send: Omit<Send, 'method'> = {}): Promise<Reply> {
		return this.request(path, { ...send, method: 'GET' });
	}

	post(path: string, send: Omit<Send, 'method'> = {}): Promise<Reply> {
		return this.request(path, { ...send, method: 'POST' });
	}
}

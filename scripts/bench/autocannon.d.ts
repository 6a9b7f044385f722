/**
 * The part of autocannon 9's API the load benchmark uses; the package ships
 * no types, and strict mode refuses an untyped import.
 */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	namespace autocannon {
		interface RequestData {
			method: string;
			path: string;
			headers: Record<string, string>;
			body?: string | Buffer;
		}

		type Context = Record<string, unknown>;

		interface Request {
			/** Called before each request is sent; its return value is what is sent. */
			setupRequest?: (req: RequestData, context: Context) => RequestData;
			/** Called with each response, and the context its request was set up with. */
			onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
		}

		interface Options {
			url: string;
			connections?: number;
			pipelining?: number;
			duration?: number;
			/** Requests in all; when set, the run ends after the last response instead of at a time. */
			amount?: number;
			timeout?: number;
			requests?: Request[];
			headers?: Record<string, string>;
		}

		interface Result {
			duration: number;
			errors: number;
			timeouts: number;
			non2xx: number;
			totalRequests: number;
			totalCompletedRequests: number;
			statusCodeStats: Record<string, { count: number }>;
		}

		interface Instance extends EventEmitter, PromiseLike<Result> {}
	}

	function autocannon(options: autocannon.Options): autocannon.Instance;
	export = autocannon;
}

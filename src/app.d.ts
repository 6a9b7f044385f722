// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** A short id to quote when reporting an unexpected error. */
			errorId?: string;
		}
		interface Locals {
			/** Seconds until a refused request may be tried again, for the Retry-After of a 429 page. */
			retryAfter?: number;
			/** The database stayed locked by another program: the error page goes out as 503. */
			busy?: boolean;
		}
	}
}

export {};

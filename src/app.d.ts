// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** A short id to quote when reporting an unexpected error. */
			errorId?: string;
			/** A class code that opens no class, as the student gave it: the error page offers it back in the code box. */
			typed?: string;
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

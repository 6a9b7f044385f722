// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** A short id to quote when reporting an unexpected error. */
			errorId?: string;
		}
	}
}

export {};

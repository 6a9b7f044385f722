/**
 * One way to refuse a request, for every route: a status, a message a student
 * or teacher can read, and for a 429 when to come back. JSON endpoints answer
 * with `problem`; pages and form actions throw `refuse`, which SvelteKit shows
 * on the error page (the hook adds Retry-After from `locals`).
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { isAssignmentError } from './errors.ts';
import type { Refusal } from './limits.ts';
import { parseBody } from './requests.ts';

/** A JSON answer for a refusal: `{ message }`, with Retry-After for a 429. */
export function problem(status: number, message: string, retryAfter?: number): Response {
	return json({ message }, { status, headers: retryAfter ? { 'retry-after': String(retryAfter) } : {} });
}

/** A rate-limit refusal as a JSON answer. */
export function tooMany(refusal: Refusal): Response {
	return problem(refusal.status, refusal.message, refusal.retryAfter);
}

/** Shows a rate-limit refusal on the error page, with Retry-After. */
export function refuse(event: Pick<RequestEvent, 'locals'>, refusal: Refusal): never {
	event.locals.retryAfter = refusal.retryAfter;
	error(refusal.status, refusal.message);
}

/** Service refusals become their HTTP status and message; anything else is unexpected and rethrown. */
export function refusal(thrown: unknown): Response {
	if (isAssignmentError(thrown)) return problem(thrown.status, thrown.message);
	throw thrown;
}

/** Parses a JSON request body with a schema; a 400 or 415 with a clear message otherwise. */
export async function parseJson<T extends z.ZodType>(
	request: Request,
	schema: T
): Promise<{ ok: true; data: z.output<T> } | { ok: false; response: Response }> {
	const parsed = parseBody(request.headers.get('content-type'), await request.text(), schema);
	return parsed.ok ? parsed : { ok: false, response: problem(parsed.status, parsed.message) };
}

/**
 * What the assignment routes share: the quiz lookup, rate limits, the
 * student's resume cookie, and turning a refusal into an HTTP answer.
 */
import { json, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseBody } from './requests.ts';
import type { GetQuiz } from './assignments.ts';
import { resumeAttempt, type Attempt } from './attempts.ts';
import { findQuiz } from './catalogue.ts';
import { secureFor } from './cookies.ts';
import { getDb, type Db } from './db/index.ts';
import { isAssignmentError } from './errors.ts';
import { FAILED_LOOKUPS, RateLimiter, rateKey, STUDENT_TRAFFIC } from './rate-limit.ts';
import { normalizeCode } from './student-code.ts';

export const getQuiz: GetQuiz = (slug) => findQuiz(slug);

/** Per process, not per user: one bucket per client address and route group. */
const studentTraffic = new RateLimiter(STUDENT_TRAFFIC);
const failedLookups = new RateLimiter(FAILED_LOOKUPS);

export type Group = 'answer' | 'join' | 'manage' | 'code';

/** Takes one request of a group from the client's allowance; false when it is used up. */
export function allowRequest(event: Pick<RequestEvent, 'getClientAddress'>, group: Group): boolean {
	return allowAddress(event.getClientAddress(), group);
}

export function allowAddress(clientAddress: string, group: Group): boolean {
	return studentTraffic.consume(rateKey(group, clientAddress)).allowed;
}

/** Whether this client may still look up a code or token; guessing is what this stops. */
export function mayLookUp(event: Pick<RequestEvent, 'getClientAddress'>): boolean {
	return failedLookups.check(rateKey('lookup', event.getClientAddress())).allowed;
}

export function lookupFailed(event: Pick<RequestEvent, 'getClientAddress'>): void {
	failedLookups.consume(rateKey('lookup', event.getClientAddress()));
}

export const TOO_MANY = 'Too many tries from this network. Wait a few minutes, then try again.';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

/** The student's key back into their attempt, scoped to the assignment's own address. */
export function attemptCookie(code: string) {
	return { name: 'whosays_attempt', path: `/a/${code}` } as const;
}

export function readAttemptCookie(cookies: Cookies, code: string): string | undefined {
	return cookies.get(attemptCookie(code).name);
}

/** Kept for a day, so a closed lid or a restarted browser resumes; cleared when the attempt ends. */
export function setAttemptCookie({ cookies, url }: CookieEvent, code: string, token: string): void {
	const { name, path } = attemptCookie(code);
	cookies.set(name, token, { path, httpOnly: true, sameSite: 'lax', secure: secureFor(url), maxAge: 24 * 60 * 60 });
}

export function clearAttemptCookie({ cookies, url }: CookieEvent, code: string): void {
	const { name, path } = attemptCookie(code);
	cookies.delete(name, { path, httpOnly: true, sameSite: 'lax', secure: secureFor(url) });
}

/** A JSON answer for a refusal, with the message a person can read. */
export function problem(status: number, message: string): Response {
	return json({ message }, { status });
}

/** Service refusals become their HTTP status and message; anything else is unexpected and rethrown. */
export function refusal(error: unknown): Response {
	if (isAssignmentError(error)) return problem(error.status, error.message);
	throw error;
}

/** Parses a JSON request body with a schema; a 400 with a clear message otherwise. */
export async function parseJson<T extends z.ZodType>(
	request: Request,
	schema: T
): Promise<{ ok: true; data: z.output<T> } | { ok: false; response: Response }> {
	const parsed = parseBody(request.headers.get('content-type'), await request.text(), schema);
	return parsed.ok ? parsed : { ok: false, response: problem(parsed.status, parsed.message) };
}

/**
 * The attempt a student's request is about: from the cookie for this class
 * code, never from the body. A refusal is returned as the response to send.
 */
export async function attemptOf(
	event: Pick<RequestEvent, 'getClientAddress' | 'cookies'> & { params: { code: string } }
): Promise<{ ok: true; db: Db; code: string; attempt: Attempt } | { ok: false; response: Response }> {
	if (!allowRequest(event, 'answer')) return { ok: false, response: problem(429, TOO_MANY) };
	const code = normalizeCode(event.params.code);
	const token = code ? readAttemptCookie(event.cookies, code) : undefined;
	const db = await getDb();
	const attempt = token ? await resumeAttempt(db, token) : undefined;
	if (!code || !attempt || attempt.assignment.code.replace('-', '') !== code) return { ok: false, response: noAttempt() };
	return { ok: true, db, code, attempt };
}

export function noAttempt(): Response {
	return problem(401, 'This browser has no attempt at this assignment; open the class link and join again.');
}

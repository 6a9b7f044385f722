/**
 * A student's way back into their attempt: an HttpOnly cookie holding the
 * resume token, scoped to the assignment's own address, and the attempt a
 * request belongs to (from that cookie, never from the body).
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { NO_ATTEMPT, withoutAttempt } from './answer-request.ts';
import { forgetAttemptPlace } from './attempt-place.ts';
import { resumeAttempt, type Attempt } from './attempts.ts';
import { secureFor } from './cookies.ts';
import { getDb, type Db } from './db/index.ts';
import { problem, tooMany } from './http.ts';
import { limits } from './limits.ts';
import { normalizeCode } from '../class-code.ts';
import { resultsPath } from '../client/place.ts';

const NAME = 'whosays_attempt';
/** Kept for a day, so a closed lid or a restarted browser resumes; moved to the results address when the attempt ends. */
const MAX_AGE = 24 * 60 * 60;

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

const options = (url: URL, code: string) =>
	({ path: `/a/${code}`, httpOnly: true, sameSite: 'lax', secure: secureFor(url) }) as const;

export function readAttemptCookie(cookies: Cookies): string | undefined {
	return cookies.get(NAME);
}

export function setAttemptCookie({ cookies, url }: CookieEvent, code: string, token: string): void {
	cookies.set(NAME, token, { ...options(url, code), maxAge: MAX_AGE });
}

/**
 * The attempt is over: its key leaves the class link for the results address,
 * and the step the class link remembered goes with it.
 */
export function moveToResults({ cookies, url }: CookieEvent, code: string, token: string): void {
	cookies.delete(NAME, options(url, code));
	cookies.set(NAME, token, { ...options(url, code), path: resultsPath(code) });
	forgetAttemptPlace(code, cookies, url, { finished: false });
}

/** Forgets the attempt in this browser, under way or finished: its key and its step, at both addresses. */
export function forgetAttempt({ cookies, url }: CookieEvent, code: string): void {
	cookies.delete(NAME, options(url, code));
	cookies.delete(NAME, { ...options(url, code), path: resultsPath(code) });
	forgetAttemptPlace(code, cookies, url, { finished: false });
	forgetAttemptPlace(code, cookies, url, { finished: true });
}

/**
 * The attempt a student's request is about, counted against that attempt's
 * allowance. A refusal comes back as the response to send.
 */
export async function attemptOf(
	event: Pick<RequestEvent, 'cookies'> & { params: { code: string } }
): Promise<{ ok: true; db: Db; code: string; attempt: Attempt } | { ok: false; response: Response }> {
	const code = normalizeCode(event.params.code);
	const token = code ? readAttemptCookie(event.cookies) : undefined;
	const db = await getDb();
	const attempt = token ? await resumeAttempt(db, token) : undefined;
	if (!code) return { ok: false, response: problem(401, NO_ATTEMPT) };
	if (!attempt || attempt.assignment.code !== code) {
		const refused = await withoutAttempt(db, code);
		return { ok: false, response: problem(refused.status, refused.message) };
	}
	const refused = limits.takeForAttempt(attempt.id);
	if (refused) return { ok: false, response: tooMany(refused) };
	return { ok: true, db, code, attempt };
}

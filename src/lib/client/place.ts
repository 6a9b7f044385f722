/**
 * The student's place in a quiz, kept in a cookie the server reads: a reload,
 * a crashed script or a return to the page is rendered by the server at the
 * same step. The cookie belongs to its page's address only. Not HttpOnly,
 * since the page writes it after each step; it holds the student's own
 * answers and never a verdict.
 */
export const PLACE = 'whosays_place';

export interface PlaceCookie {
	name: string;
	/** The page's address, which alone receives the cookie. */
	path: string;
	/** Seconds to keep it. */
	maxAge: number;
}

export function writePlace(cookie: PlaceCookie, value: string): void {
	const secure = location.protocol === 'https:' ? '; Secure' : '';
	document.cookie = `${cookie.name}=${encodeURIComponent(value)}; Path=${cookie.path}; Max-Age=${cookie.maxAge}; SameSite=Lax${secure}`;
}

export function forgetPlace(cookie: PlaceCookie): void {
	document.cookie = `${cookie.name}=; Path=${cookie.path}; Max-Age=0; SameSite=Lax`;
}

/** Open practice keeps the place for a month: it is the student's own, and nothing of it is on the server. */
export function practicePlace(slug: string): PlaceCookie {
	return { name: PLACE, path: `/quiz/${slug}`, maxAge: 30 * 24 * 60 * 60 };
}

/** An assignment's place lives as long as its attempt cookie: a day. */
export function attemptPlace(code: string): PlaceCookie {
	return { name: PLACE, path: `/a/${code}`, maxAge: 24 * 60 * 60 };
}

/**
 * Where a finished attempt's results are shown. From the finish on, the
 * cookie belongs to this address alone, and only until the browser closes: a
 * reload keeps the results, while the class link opens a fresh join form for
 * the next student on a shared Chromebook.
 */
export const resultsPath = (code: string) => `/a/${code}/done`;

/** An assignment's place fits one attempt at one version of its quiz. */
export function attemptStamp(quizVersion: string, attemptId: string): string {
	return `${quizVersion}:${attemptId}`;
}

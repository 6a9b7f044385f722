/**
 * Headers every response carries, whoever made it: pages get SvelteKit's own
 * Content-Security-Policy (with its nonces); JSON, CSV, redirects and error
 * responses of endpoints get a policy that allows nothing, since they are never
 * meant to run or show anything as a page.
 */
const NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Teacher pages carry a secret in their history: keep them out of caches, other sites' logs and search engines. */
export function isPrivate(pathname: string): boolean {
	return pathname.startsWith('/manage/') || pathname.startsWith('/m/');
}

/**
 * A student page shows the student's own place in the quiz, which changes
 * without the address changing: never from the browser's cache. Served from
 * it, Back showed an old step, whose script then wrote that old place back.
 */
export function isStudentPage(pathname: string): boolean {
	return pathname.startsWith('/a/') || pathname.startsWith('/quiz/') || pathname === '/join';
}

export function withSecurityHeaders(response: Response, url: URL): Response {
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	if (!headers.has('content-security-policy')) headers.set('Content-Security-Policy', NOTHING);
	if (isPrivate(url.pathname)) {
		// Never to another site; to this one, so the browser names the origin of the dashboard's own form
		// posts (with no-referrer it sends "Origin: null", and a scriptless post is refused as cross-site).
		headers.set('Referrer-Policy', 'same-origin');
		headers.set('Cache-Control', 'no-store');
		headers.set('X-Robots-Tag', 'noindex, nofollow');
	} else {
		headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
		if (isStudentPage(url.pathname)) headers.set('Cache-Control', 'no-store');
	}
	return response;
}

/**
 * Whether a cookie is marked Secure: when the request came over https. A
 * laptop serving a class at http://192.168.1.20:3000 has no TLS, and a browser
 * drops a Secure cookie sent over plain http, which would end every session.
 * (SvelteKit's own default is Secure everywhere but http://localhost.)
 */
export function secureFor(url: URL): boolean {
	return url.protocol === 'https:';
}

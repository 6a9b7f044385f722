/**
 * Student pages run without SvelteKit's client router, to keep their script
 * small for a school Chromebook on a slow network: the server renders each
 * page, and the page's island (src/islands) hydrates the quiz player in place.
 * They are never served from the browser's cache (see isStudentPage in
 * $lib/server/headers.ts), set with the other headers, so no load runs here.
 */
export const csr = false;

/**
 * Student pages run without SvelteKit's client router, to keep their script
 * small for a school Chromebook on a slow network: the server renders each
 * page, and the page's island (src/islands) hydrates the quiz player in place.
 */
export const csr = false;

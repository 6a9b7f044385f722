/**
 * Debian's Chromium, as the browser tests and the benchmarks launch it.
 *
 * The tests drive Chromium's headless shell (Debian's chromium-headless-shell,
 * the browser Playwright itself runs headless tests in): the same engine
 * without the desktop browser around it, about a fifth less CPU and wall time
 * for the journeys on a two-core machine. The benchmarks time pages and run
 * Lighthouse in the full browser, as a student's is. CHROME_PATH sets both.
 *
 * Without the background-networking flags Chromium keeps trying to reach
 * Google's services, which a closed network refuses many times a second.
 */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const TEST_CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium-headless-shell';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

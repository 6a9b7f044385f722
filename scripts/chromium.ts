/**
 * Debian's Chromium, as the browser tests and the benchmarks launch it.
 * Without the background-networking flags Chromium keeps trying to reach
 * Google's services, which a closed network refuses many times a second.
 */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

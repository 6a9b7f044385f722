/**
 * How long until a moment, in words anyone reads at a glance: "in 2 days and
 * 5 hours". Said relative to the server's clock, it needs no time zone, which
 * a page rendered on the server does not know for the student reading it.
 */
import { plural } from './quiz/text.ts';

export function timeUntil(now: Date, then: Date): string {
	const minutes = Math.ceil((then.getTime() - now.getTime()) / 60_000);
	if (minutes <= 1) return 'in a minute or less';
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	const rest = minutes % 60;
	if (days > 0) return `in ${plural(days, 'day')}${hours ? ` and ${plural(hours, 'hour')}` : ''}`;
	if (hours > 0) return `in ${plural(hours, 'hour')}${rest ? ` and ${plural(rest, 'minute')}` : ''}`;
	return `in ${plural(rest, 'minute')}`;
}

/**
 * "Thursday, December 3 at 10:01 AM": a moment on the reader's own clock and
 * calendar, to check a relative time against. Only a browser knows its
 * reader's zone and language, so a page adds this once it runs there; the
 * arguments are for tests.
 */
export function clockTime(then: Date, locale?: string, timeZone?: string): string {
	return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone }).format(then);
}

/** How often a page waiting for its class redraws "opens in …", so the words stay true and a wake from sleep is seen. */
const OPENING_TICK_MS = 15_000;

/**
 * What a page waiting for its class to open does next, on the server's clock
 * (`serverNow`, not the device's, which may be set wrong): reload once the
 * class has opened, or else look again in `wait` ms.
 */
export function openingStep(serverNow: number, opensAt: number): { open: true } | { open: false; wait: number } {
	const left = opensAt - serverNow;
	return left <= 0 ? { open: true } : { open: false, wait: Math.min(left, OPENING_TICK_MS) };
}

/**
 * A moment as a `datetime-local` field holds it ("2026-12-03T10:05"), on the
 * clock of wherever this runs: the server's zone on the server, the reader's
 * in their browser.
 */
export function wallTime(at: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

import { describe, expect, it } from 'vitest';
import { clockTime, openingStep, timeUntil, wallTime } from './time-until.ts';

const now = new Date('2026-12-01T09:00:00Z');
const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('how long until a moment, in words', () => {
	it('says the two largest units, rounding up to the minute', () => {
		expect(timeUntil(now, after(0.5))).toBe('in a minute or less');
		expect(timeUntil(now, after(25))).toBe('in 25 minutes');
		expect(timeUntil(now, after(60))).toBe('in 1 hour');
		expect(timeUntil(now, after(61))).toBe('in 1 hour and 1 minute');
		expect(timeUntil(now, after(2 * 1440 + 5 * 60 + 30))).toBe('in 2 days and 5 hours');
		expect(timeUntil(now, after(1440))).toBe('in 1 day');
	});
});

describe('a moment on the reader\'s clock', () => {
	it('gives the day, the date and the time in the reader\'s zone and words', () => {
		expect(clockTime(now, 'en-GB', 'Europe/London')).toBe('Tuesday 1 December at 9:00');
		expect(clockTime(now, 'en-US', 'America/New_York')).toBe('Tuesday, December 1 at 4:00 AM');
		expect(clockTime(after(16 * 60), 'en-US', 'America/Los_Angeles')).toBe('Tuesday, December 1 at 5:00 PM');
	});
});

describe('a page waiting for its class to open', () => {
	it('looks again every 15 s, then exactly when the class opens, and reloads from then on', () => {
		const opensAt = after(10).getTime();
		expect(openingStep(now.getTime(), opensAt)).toEqual({ open: false, wait: 15_000 });
		expect(openingStep(opensAt - 4_000, opensAt)).toEqual({ open: false, wait: 4_000 });
		expect(openingStep(opensAt, opensAt)).toEqual({ open: true });
		expect(openingStep(opensAt + 60_000, opensAt)).toEqual({ open: true });
	});
});

describe('a moment as a date-and-time field holds it', () => {
	it('gives the local date and time to the minute, with leading zeros', () => {
		expect(wallTime(new Date(2026, 0, 5, 7, 3, 59))).toBe('2026-01-05T07:03');
		expect(wallTime(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31T23:59');
	});
});

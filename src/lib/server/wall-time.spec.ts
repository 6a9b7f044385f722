import { afterEach, describe, expect, it } from 'vitest';
import { serverTimeZone, wallTimeToUtc } from './wall-time.ts';

const zone = process.env.TZ;
afterEach(() => {
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

describe('a time typed by a teacher', () => {
	it('is read with the offset the browser sent', () => {
		// New York in winter: getTimezoneOffset() is 300 (five hours behind UTC).
		expect(wallTimeToUtc('2026-12-02T09:00', 300)).toBe('2026-12-02T14:00:00.000Z');
		expect(wallTimeToUtc('2026-12-02T09:00', -60)).toBe('2026-12-02T08:00:00.000Z');
	});

	it('without one (a form sent without scripts), is read in the server’s own time zone, not as UTC', () => {
		process.env.TZ = 'America/New_York';
		expect(serverTimeZone()).toBe('America/New_York');
		expect(wallTimeToUtc('2026-12-02T09:00', null)).toBe('2026-12-02T14:00:00.000Z');
		// Summer time there: four hours behind.
		expect(wallTimeToUtc('2026-07-02T09:00', null)).toBe('2026-07-02T13:00:00.000Z');
	});

	it('is nothing when empty, and refused when the date does not exist', () => {
		expect(wallTimeToUtc('', 0)).toBeUndefined();
		expect(wallTimeToUtc('2026-02-30T09:00', 0)).toBeNull();
		expect(wallTimeToUtc('2026-02-30T09:00', null)).toBeNull();
		expect(wallTimeToUtc('2026-12-02 09:00', 0)).toBeNull();
	});
});

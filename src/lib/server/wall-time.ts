/**
 * A time a teacher typed in a form ("2026-12-02T09:00", no zone) as a moment.
 * With scripts, the page sends the browser's offset with it. Without, the
 * server reads it in its own time zone: the laptop it runs on in a classroom
 * is the teacher's, where UTC would move a 9:00 opening hours away.
 */

export const NO_SUCH_TIME = 'There is no such date and time: check the day, the month and the hour.';
export const BAD_OFFSET = 'The time zone sent with the form is not one there is; reload the page and try again.';

/** A time zone offset in minutes, as browsers give it (UTC-14 to UTC+14). */
export const MAX_OFFSET = 14 * 60;

/** The zone times are read in without the browser's offset, by name: "Europe/Paris". */
export const serverTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * `local` in the zone `offsetMinutes` from UTC (as `Date.getTimezoneOffset()`
 * counts it: minutes to add to reach UTC), or in the server's zone when null;
 * undefined when empty; null for a date that does not exist (February 30),
 * which JavaScript would quietly turn into March 2.
 */
export function wallTimeToUtc(local: string, offsetMinutes: number | null): string | undefined | null {
	if (!local) return undefined;
	const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!parts) return null;
	const [y, mo, d, h, mi] = parts.slice(1).map(Number) as [number, number, number, number, number];
	const asUtc = new Date(Date.UTC(y, mo - 1, d, h, mi));
	if (asUtc.getUTCMonth() !== mo - 1 || asUtc.getUTCDate() !== d || h > 23 || mi > 59) return null;
	if (offsetMinutes === null) return new Date(y, mo - 1, d, h, mi).toISOString();
	return new Date(asUtc.getTime() + offsetMinutes * 60_000).toISOString();
}

/**
 * The browser's offset sent with a time typed in a form (`opensAtOffset`
 * beside `opensAt`, its offset at that time): null when the page's
 * script did not run (the server's zone is used), undefined when it is not
 * an offset there is (a tampered form).
 */
export function formOffset(sent: FormDataEntryValue | null): number | null | undefined {
	const text = String(sent ?? '').trim();
	if (text === '') return null;
	const offset = Number(text);
	return Number.isInteger(offset) && Math.abs(offset) <= MAX_OFFSET ? offset : undefined;
}

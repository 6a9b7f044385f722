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

import type { ClassReport } from '$lib/server/dashboard.ts';

/**
 * The class in one line, "9 joined · 1 finished · 3 answering · 5 with no answers yet": every student who joined is
 * in one of the parts, so the parts add up to the joined count. The class average follows when there is one.
 */
export function classLine(totals: ClassReport['totals']): string {
	const parts = [`${totals.students} joined`, `${totals.finished} finished${totals.retaking ? ` (${totals.retaking} retaking)` : ''}`, `${totals.inProgress} answering`];
	if (totals.notStarted) parts.push(`${totals.notStarted} with no answers yet`);
	if (totals.meanPercent !== null) parts.push(`class average ${totals.meanPercent}%`);
	return parts.join(' · ');
}

/**
 * The page of a class that opens later. While the student waits on it, it
 * keeps "opens in …" true, adds the time on the student's own clock, and
 * reloads when the class opens, so the join form appears without a reload
 * pressed. Timed on the server's clock (the page says when it was made): a
 * device's own clock may be set wrong. The reload waits up to 3 s more, at
 * random, so a class waiting on the page does not ask at one instant. Every
 * minute it also asks the server for the page again, and reloads when that
 * no longer waits for the same time: the teacher opened the class early.
 */
import { clockTime, openingStep, timeUntil } from '../lib/time-until.ts';

const ASK_EVERY_MS = 60_000;
const WAITING = 'time[data-made-at]';

/** Reloads when the server's page no longer waits for this opening time; a failed request is tried at the next ask. */
async function askServer(opening: string): Promise<void> {
	try {
		const response = await fetch(location.href, { cache: 'no-store' });
		if (!response.ok) return;
		const page = new DOMParser().parseFromString(await response.text(), 'text/html');
		if (page.querySelector<HTMLTimeElement>(WAITING)?.dateTime !== opening) location.reload();
	} catch {
		// No connection: the next ask tries again.
	}
}

const time = document.querySelector<HTMLTimeElement>(WAITING);
if (time) {
	const opensAt = Date.parse(time.dateTime);
	// The server's clock minus this device's.
	const skew = Date.parse(time.dataset.madeAt ?? '') - Date.now();
	const ownClock = ` (${clockTime(new Date(opensAt))})`;
	const hint = document.getElementById('opening-hint');
	if (hint) hint.textContent = 'Keep this page open: it lets you in when the assignment opens.';
	let timer: ReturnType<typeof setTimeout> | undefined;
	let asked = Date.now();
	const look = () => {
		clearTimeout(timer);
		if (Date.now() - asked >= ASK_EVERY_MS) {
			asked = Date.now();
			void askServer(time.dateTime);
		}
		const now = Date.now() + skew;
		const step = openingStep(now, opensAt);
		if (step.open) {
			timer = setTimeout(() => location.reload(), Math.random() * 3_000);
			return;
		}
		time.textContent = timeUntil(new Date(now), new Date(opensAt)) + ownClock;
		timer = setTimeout(look, step.wait);
	};
	// A laptop woken from sleep, or a tab brought back, looks at once.
	document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && look());
	look();
}

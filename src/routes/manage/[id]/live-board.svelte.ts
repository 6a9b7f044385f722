/**
 * An open dashboard's line to the server: the figures the live stream pushes
 * (follow.ts), or that the page asks for while the stream is down, and what
 * to tell the teacher about it. Browser only: start() once the page is mounted.
 */
import { invalidate } from '$app/navigation';
import type { Figures } from '$lib/server/board.ts';
import { clockTime } from '$lib/time-until.ts';
import { follow, type LiveStatus } from './follow.ts';

/** The stream's states, and `unreachable`: the server did not answer the last check (a dropped network, a restart). */
export type BoardStatus = LiveStatus | 'unreachable';

const STATUS_TEXT: Record<LiveStatus, string> = {
	connecting: 'Updates by itself as students work.',
	live: 'Live: updates by itself as students join, answer and finish.',
	polling: 'The live connection dropped: checking every few seconds until it is back.',
	paused: 'Paused while this tab is hidden.'
};

/** What the dashboard says of its figures, read at `builtAt`. */
export function statusLine(status: BoardStatus, builtAt: string): string {
	if (status !== 'unreachable') return STATUS_TEXT[status];
	return `Cannot reach the server: these figures are from ${clockTime(new Date(builtAt))}. Trying again every few seconds.`;
}

export class LiveBoard {
	status = $state<BoardStatus>('connecting');
	/** The newest figures pushed or fetched here; the page keeps whichever of these and its loaded ones is newer. */
	pushed = $state<Figures | null>(null);
	readonly #id: () => string;
	#stop: (() => void) | undefined;
	#reloadDue = false;

	/** `id`: the assignment's, read when needed. */
	constructor(id: () => string) {
		this.#id = id;
	}

	start(): void {
		this.stop();
		this.#stop = follow({
			url: `/manage/${this.#id()}/live`,
			onfigures: (figures) => (this.pushed = figures),
			poll: () => void this.check(false),
			onstatus: (status) => (this.status = status)
		});
	}

	stop(): void {
		this.#stop?.();
		this.#stop = undefined;
	}

	/**
	 * Asks the server for the figures, and with `reload` for the page's data too (the class opening or closing by
	 * the clock; kept due until the server answers). Only a server that answers reloads the data: a load that
	 * fails would put SvelteKit's error page in front of a projected dashboard. One that says no (access ended,
	 * the class deleted) reloads it as well, so the page shows why.
	 */
	async check(reload: boolean): Promise<void> {
		this.#reloadDue ||= reload;
		let response: Response;
		try {
			response = await fetch(`/manage/${this.#id()}/figures`, { headers: { accept: 'application/json' } });
			if (response.ok) this.pushed = (await response.json()) as Figures;
		} catch {
			this.status = 'unreachable';
			return;
		}
		if (response.status >= 500 || response.status === 429) {
			this.status = 'unreachable';
			return;
		}
		if (this.status === 'unreachable') this.status = 'polling';
		if (response.ok && !this.#reloadDue) return;
		this.#reloadDue = false;
		await invalidate('manage:report');
	}
}

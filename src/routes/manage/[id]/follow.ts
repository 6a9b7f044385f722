/**
 * Keeps an open dashboard current: server-sent events while the stream
 * holds; polling while it is down (the browser retries the stream meanwhile);
 * nothing at all while the tab is hidden. Browser only.
 */
import type { Figures } from '$lib/server/board.ts';

export type LiveStatus = 'connecting' | 'live' | 'polling' | 'paused';

export interface FollowOptions {
	/** The event stream's address. */
	url: string;
	onfigures: (figures: Figures) => void;
	/** Fetches the figures by other means, while the stream is down. */
	poll: () => void;
	onstatus: (status: LiveStatus) => void;
	pollMs?: number;
}

/** Starts following; returns how to stop. */
export function follow({ url, onfigures, poll, onstatus, pollMs = 4000 }: FollowOptions): () => void {
	let source: EventSource | null = null;
	let timer: ReturnType<typeof setInterval> | null = null;

	const stopPolling = () => {
		if (timer !== null) clearInterval(timer);
		timer = null;
	};
	const startPolling = () => {
		if (timer !== null) return;
		onstatus('polling');
		timer = setInterval(() => {
			poll();
			// A stream the server refused (a restart, a busy moment) is not retried by the browser: try it again here.
			if (source === null || source.readyState === EventSource.CLOSED) connect();
		}, pollMs);
	};
	const disconnect = () => {
		source?.close();
		source = null;
	};
	const connect = () => {
		disconnect();
		const s = new EventSource(url);
		source = s;
		s.addEventListener('open', () => {
			stopPolling();
			onstatus('live');
		});
		s.addEventListener('figures', (e) => onfigures(JSON.parse((e as MessageEvent<string>).data) as Figures));
		// This browser's access ended (a new manage link, the class deleted): look again now, and show what the server says.
		s.addEventListener('ended', () => {
			disconnect();
			startPolling();
			poll();
		});
		s.addEventListener('error', () => {
			if (source === s) startPolling();
		});
	};
	const visibility = () => {
		if (document.visibilityState === 'visible') {
			onstatus('connecting');
			connect();
		} else {
			stopPolling();
			disconnect();
			onstatus('paused');
		}
	};

	document.addEventListener('visibilitychange', visibility);
	visibility();
	return () => {
		document.removeEventListener('visibilitychange', visibility);
		stopPolling();
		disconnect();
	};
}

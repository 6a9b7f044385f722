/**
 * Saved quiz progress in the browser's localStorage, one entry per quiz,
 * stamped with the quiz version so a changed quiz is recognised.
 * Storage can be full, disabled or edited by hand: every call survives that.
 */
const PREFIX = 'whosays:progress:';

interface Saved {
	version: string;
	snapshot: unknown;
}

/** What was found: a snapshot to resume, nothing, or progress that cannot be used and why. */
export type Loaded = { snapshot: unknown; problem: null } | { snapshot: null; problem: null | 'changed' | 'unreadable' };

export function loadProgress(key: string, version: string): Loaded {
	let raw: string | null = null;
	try {
		raw = localStorage.getItem(PREFIX + key);
	} catch {
		return { snapshot: null, problem: null };
	}
	if (raw === null) return { snapshot: null, problem: null };
	let saved: Partial<Saved> | null = null;
	try {
		saved = JSON.parse(raw) as Partial<Saved>;
	} catch {
		saved = null;
	}
	if (saved && saved.version === version && saved.snapshot) return { snapshot: saved.snapshot, problem: null };
	clearProgress(key);
	return { snapshot: null, problem: saved && typeof saved.version === 'string' ? 'changed' : 'unreadable' };
}

export function saveProgress(key: string, version: string, snapshot: unknown): boolean {
	try {
		localStorage.setItem(PREFIX + key, JSON.stringify({ version, snapshot } satisfies Saved));
		return true;
	} catch {
		return false;
	}
}

export function clearProgress(key: string): void {
	try {
		localStorage.removeItem(PREFIX + key);
	} catch {
		// Nothing to clear when storage is unavailable.
	}
}

/**
 * Work kept in this browser tab (sessionStorage), so that a reload, Back, or
 * reopening a closed tab brings it back. Storage may be full or blocked: the
 * work then lives on the page alone, as it did before.
 */

export function keepInTab(key: string, value: unknown): void {
	try {
		sessionStorage.setItem(key, JSON.stringify(value));
	} catch {
		// Full, or blocked by the browser's settings.
	}
}

/** What was kept under `key`, parsed; undefined when nothing was, or it cannot be read. */
export function readFromTab(key: string): unknown {
	try {
		const raw = sessionStorage.getItem(key);
		return raw === null ? undefined : JSON.parse(raw);
	} catch {
		return undefined;
	}
}

/** Drops what was kept under `key`: the work is done (sent and accepted). */
export function forgetInTab(key: string): void {
	try {
		sessionStorage.removeItem(key);
	} catch {
		// Blocked: nothing was kept.
	}
}

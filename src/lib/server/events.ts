/**
 * What happens in a class, announced to whoever watches it (an open
 * dashboard): a student joined, answered, finished, or the teacher changed
 * something; the teacher ended every other browser's access (a new manage
 * link, the class deleted); or this process may have missed some of it
 * (`unheard`: it stopped hearing the other processes for a while).
 * Subscribers hear about one assignment at a time.
 *
 * In memory, for one process (a SQLite file has one); on PostgreSQL, where
 * any process may serve the teacher and another the student, over LISTEN and
 * NOTIFY (db/notify-events.ts).
 */
import { getDb, storeTarget } from './db/index.ts';
import { NotifiedEvents } from './db/notify-events.ts';
import { isPostgresUrl } from './db/postgres.ts';
import { logWarning } from './log.ts';

export type ClassEventKind = 'joined' | 'answered' | 'finished' | 'changed' | 'access-ended' | 'unheard';

export interface ClassEvent {
	assignmentId: string;
	kind: ClassEventKind;
	/** With `access-ended`: the hash of the teacher session whose access goes on (the one that ended the others'). */
	keep?: string;
}

export type ClassListener = (event: ClassEvent) => void;

export interface ClassEvents {
	publish(event: ClassEvent): void;
	/** Listens to one assignment; returns how to stop. */
	subscribe(assignmentId: string, listener: ClassListener): () => void;
}

export class InProcessEvents implements ClassEvents {
	readonly #listeners = new Map<string, Set<ClassListener>>();

	publish(event: ClassEvent): void {
		for (const listener of this.#listeners.get(event.assignmentId) ?? []) {
			try {
				listener(event);
			} catch {
				// One watcher failing must not stop the others, nor the request that announced it.
			}
		}
	}

	/** The assignments someone in this process listens to. */
	watched(): string[] {
		return [...this.#listeners.keys()];
	}

	subscribe(assignmentId: string, listener: ClassListener): () => void {
		const set = this.#listeners.get(assignmentId) ?? new Set<ClassListener>();
		set.add(listener);
		this.#listeners.set(assignmentId, set);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.#listeners.delete(assignmentId);
		};
	}
}

function forThisStore(): ClassEvents {
	const target = storeTarget();
	const here = new InProcessEvents();
	return isPostgresUrl(target) ? new NotifiedEvents({ url: target, db: getDb, here, onError: logWarning }) : here;
}

/** The process's class events: listeners per assignment, not per user. */
export const classEvents: ClassEvents = forThisStore();

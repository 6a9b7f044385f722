/** Class events between app processes over LISTEN/NOTIFY: run by the PostgreSQL pass only (npm run test:postgres). */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempDb } from '../../../test-support/db.ts';
import { InProcessEvents, type ClassEvent } from '../events.ts';
import { NotifiedEvents } from './notify-events.ts';

const until = async (done: () => boolean, ms = 2_000) => {
	for (let i = 0; i < ms / 10 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

// LISTEN/NOTIFY is PostgreSQL's; on SQLite one process hears its own events in memory (events.spec.ts).
describe('class events between app processes on PostgreSQL', () => {
	it('reach a watcher in one process from a request in another, once, for its assignment only', async () => {
		const { db, target } = await tempDb();
		const processes = [0, 1].map(
			() => new NotifiedEvents({ url: target, db: async () => db, here: new InProcessEvents(), onError: (_, e) => { throw e; } })
		);
		const [teacher, student] = processes as [NotifiedEvents, NotifiedEvents];
		try {
			const heard: ClassEvent[] = [];
			const stop = teacher.subscribe('class-a', (e) => heard.push(e));
			await teacher.ready();
			student.publish({ assignmentId: 'class-b', kind: 'joined' });
			student.publish({ assignmentId: 'class-a', kind: 'answered' });
			await until(() => heard.length >= 1);
			teacher.publish({ assignmentId: 'class-a', kind: 'changed' });
			await until(() => heard.length >= 2);
			expect(heard).toEqual([
				{ assignmentId: 'class-a', kind: 'answered' },
				{ assignmentId: 'class-a', kind: 'changed' }
			]);
			// A class answering at once is heard as one event.
			for (let i = 0; i < 30; i++) student.publish({ assignmentId: 'class-a', kind: 'answered' });
			await until(() => heard.length >= 3);
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(heard).toHaveLength(3);
			stop();
			student.publish({ assignmentId: 'class-a', kind: 'finished' });
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(heard).toHaveLength(3);
		} finally {
			await Promise.all(processes.map((p) => p.close()));
		}
	});

	it('carry the session whose access goes on, and tell watchers to look again after the database dropped the listener', async () => {
		const { db, target } = await tempDb();
		const warnings: string[] = [];
		const processes = [0, 1].map(
			() => new NotifiedEvents({ url: target, db: async () => db, here: new InProcessEvents(), onError: (context) => warnings.push(context) })
		);
		const [teacher, other] = processes as [NotifiedEvents, NotifiedEvents];
		try {
			const heard: ClassEvent[] = [];
			teacher.subscribe('class-a', (e) => heard.push(e));
			await teacher.ready();
			other.publish({ assignmentId: 'class-a', kind: 'access-ended', keep: 'session-hash' });
			await until(() => heard.length >= 1);
			expect(heard).toEqual([{ assignmentId: 'class-a', kind: 'access-ended', keep: 'session-hash' }]);

			// A restart, as the listener sees it: the server ends its connection.
			await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'who-says events'`.execute(db);
			await until(() => heard.length >= 2, 10_000);
			expect(heard[1]).toEqual({ assignmentId: 'class-a', kind: 'unheard' });
			expect(warnings).toEqual(['Stopped hearing class events from the database; connecting again:']);
			// Listening again: events reach it as before.
			other.publish({ assignmentId: 'class-a', kind: 'joined' });
			await until(() => heard.length >= 3);
			expect(heard[2]).toEqual({ assignmentId: 'class-a', kind: 'joined' });
		} finally {
			await Promise.all(processes.map((p) => p.close()));
		}
	});
});

import { describe, expect, it } from 'vitest';
import { tempDb, TEST_POSTGRES } from '../../../test-support/db.ts';
import { InProcessEvents, type ClassEvent } from '../events.ts';
import { NotifiedEvents } from './notify-events.ts';

const until = async (done: () => boolean) => {
	for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

// LISTEN/NOTIFY is PostgreSQL's; on SQLite one process hears its own events in memory (events.spec.ts).
describe.skipIf(!TEST_POSTGRES)('class events between app processes on PostgreSQL', () => {
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
});

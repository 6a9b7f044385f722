import { describe, expect, it } from 'vitest';
import { InProcessEvents, type ClassEvent } from './events.ts';

describe('class events', () => {
	it('reach the watchers of that assignment only, until they stop', () => {
		const events = new InProcessEvents();
		const heard: ClassEvent[] = [];
		const stop = events.subscribe('a', (e) => heard.push(e));
		events.subscribe('b', () => {
			throw new Error('a failing watcher');
		});
		events.publish({ assignmentId: 'a', kind: 'joined' });
		events.publish({ assignmentId: 'b', kind: 'answered' });
		stop();
		events.publish({ assignmentId: 'a', kind: 'finished' });
		expect(heard).toEqual([{ assignmentId: 'a', kind: 'joined' }]);
		expect(events.watched()).toEqual(['b']);
	});
});

import { describe, expect, it } from 'vitest';
import type { ClassEvent } from '../events.ts';
import { payloads } from './notify-events.ts';

describe('class events on the wire', () => {
	it('go in payloads PostgreSQL takes (under 8,000 bytes), every event once, in order', () => {
		const events: ClassEvent[] = Array.from({ length: 150 }, (_, i) => ({ assignmentId: `class-${i}`, kind: 'access-ended', keep: 'k'.repeat(43) }));
		const sent = payloads(events);
		expect(sent.length).toBeGreaterThan(1);
		for (const payload of sent) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
		expect(sent.flatMap((p) => JSON.parse(p) as ClassEvent[])).toEqual(events);
	});
});

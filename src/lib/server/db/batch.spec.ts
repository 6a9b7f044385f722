import { describe, expect, it } from 'vitest';
import { Batcher, type Settled } from './batch.ts';

/** A batcher that records the batches it ran and answers each item with itself, doubled. */
function recording(options: { max?: number; fail?: (items: string[]) => boolean } = {}) {
	const batches: string[][] = [];
	const batcher = new Batcher<string, string>(
		async (items) => {
			batches.push(items);
			await new Promise((resolve) => setTimeout(resolve, 5));
			if (options.fail?.(items)) throw new Error('the database went away');
			return items.map((item): Settled<string> => (item === 'bad' ? { ok: false, error: new Error('refused') } : { ok: true, value: item + item }));
		},
		{ keyOf: (item) => item.split(':')[0]!, max: options.max ?? 100 }
	);
	return { batcher, batches };
}

describe('sending requests that arrive together as one batch', () => {
	it('sends what arrives in one turn together and answers each item with its own outcome', async () => {
		const { batcher, batches } = recording();
		const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => batcher.add(item)));
		expect(batches).toEqual([['a', 'bad', 'c']]);
		expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['aa', 'refused', 'cc']);
	});

	it('gathers what arrives while a batch is out into the next one', async () => {
		const { batcher, batches } = recording();
		const first = batcher.add('a');
		await new Promise((resolve) => setImmediate(resolve));
		const later = [batcher.add('b'), batcher.add('c')];
		await Promise.all([first, ...later]);
		expect(batches).toEqual([['a'], ['b', 'c']]);
	});

	it('holds each key once, so a second item for it waits for the next batch in the order sent', async () => {
		const { batcher, batches } = recording();
		await Promise.all(['x:1', 'y:1', 'x:2', 'x:3'].map((item) => batcher.add(item)));
		expect(batches).toEqual([['x:1', 'y:1'], ['x:2'], ['x:3']]);
	});

	it('keeps a batch within its size', async () => {
		const { batcher, batches } = recording({ max: 2 });
		await Promise.all(['a', 'b', 'c'].map((item) => batcher.add(item)));
		expect(batches).toEqual([['a', 'b'], ['c']]);
	});

	it('fails every item of a batch the database refused, and carries on with the next', async () => {
		const { batcher } = recording({ fail: (items) => items.includes('a') });
		const failed = Promise.allSettled([batcher.add('a'), batcher.add('b')]);
		await new Promise((resolve) => setImmediate(resolve));
		const next = batcher.add('c');
		expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await next).toBe('cc');
	});
});

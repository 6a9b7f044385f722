import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the rate limiter', () => {
	it('lets a burst up to the limit through, then one request per refill interval', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 30, windowMs: 10 * 60_000 }, time);
		for (let i = 0; i < 30; i++) expect(limiter.consume('k').allowed).toBe(true);
		expect(limiter.check('k')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
		// Another key is untouched.
		expect(limiter.check('other').allowed).toBe(true);
		time.advance(19_999);
		expect(limiter.check('k').allowed).toBe(false);
		time.advance(1);
		expect(limiter.consume('k').allowed).toBe(true);
		expect(limiter.check('k').allowed).toBe(false);
		time.advance(10 * 60_000);
		expect(limiter.check('k')).toMatchObject({ allowed: true, remaining: 30 });
	});

	it('takes nothing when checking or refusing', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, clock());
		expect(limiter.check('k').remaining).toBe(2);
		expect(limiter.consume('k', 3)).toEqual({ allowed: false, remaining: 2, retryAfterMs: Infinity });
		expect(limiter.consume('k', 2)).toMatchObject({ allowed: true, remaining: 0 });
	});

	it('does not hand out tokens when the clock steps back', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 1, windowMs: 1000 }, time);
		limiter.consume('k');
		time.advance(-5000);
		expect(limiter.check('k').allowed).toBe(false);
		time.advance(5000 + 1000);
		expect(limiter.check('k').allowed).toBe(true);
	});

	it('keeps memory bounded, dropping full buckets first', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 5, windowMs: 1000 }, { ...time, maxKeys: 3 });
		limiter.consume('busy', 5);
		limiter.consume('a');
		limiter.consume('b');
		time.advance(1000); // a and b refill; busy refills too, but is used again below
		limiter.consume('busy', 5);
		limiter.consume('c');
		expect(limiter.size).toBeLessThanOrEqual(3);
		expect(limiter.check('busy').allowed).toBe(false);
	});

	it('refuses a rule that can never allow anything', () => {
		expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
	});
});

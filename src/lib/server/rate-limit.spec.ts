import { describe, expect, it } from 'vitest';
import { FAILED_LOOKUPS, RateLimiter, rateKey, STUDENT_TRAFFIC } from './rate-limit.ts';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the rate limiter', () => {
	it('lets a whole class behind one school IP answer freely', () => {
		const time = clock();
		const limiter = new RateLimiter(STUDENT_TRAFFIC, time);
		const ip = rateKey('answer', '203.0.113.7');
		// 40 students, one answer every 10 seconds each, for ten minutes: 240 a minute.
		let refused = 0;
		for (let second = 0; second < 600; second++) {
			for (let student = 0; student < 40; student++) {
				if (second % 10 === student % 10 && !limiter.consume(ip).allowed) refused++;
			}
			time.advance(1000);
		}
		expect(refused).toBe(0);
	});

	it('lets a class of 40 join and send every answer of a 30-question quiz at once', () => {
		const limiter = new RateLimiter(STUDENT_TRAFFIC, clock());
		const ip = rateKey('answer', '203.0.113.7');
		const requests = 40 * (1 + 30 + 1);
		const refused = Array.from({ length: requests }, () => limiter.consume(ip).allowed).filter((ok) => !ok);
		expect(refused).toEqual([]);
	});

	it('stops a flood at 2,400 a minute, then lets requests through as the bucket refills', () => {
		const time = clock();
		const limiter = new RateLimiter(STUDENT_TRAFFIC, time);
		for (let i = 0; i < 2400; i++) expect(limiter.consume('ip').allowed).toBe(true);
		expect(limiter.consume('ip')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 25 });
		time.advance(25);
		expect(limiter.consume('ip')).toMatchObject({ allowed: true, remaining: 0 });
		expect(limiter.consume('ip').allowed).toBe(false);
	});

	it('allows 30 failed code lookups per IP, then one every 20 seconds', () => {
		const time = clock();
		const limiter = new RateLimiter(FAILED_LOOKUPS, time);
		const guesser = rateKey('code', '198.51.100.1');
		for (let i = 0; i < 30; i++) limiter.consume(guesser);
		expect(limiter.check(guesser)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
		// Another IP, and another route group for the same IP, are untouched.
		expect(limiter.check(rateKey('code', '198.51.100.2')).allowed).toBe(true);
		expect(limiter.check(rateKey('manage', '198.51.100.1')).allowed).toBe(true);
		time.advance(19_999);
		expect(limiter.check(guesser).allowed).toBe(false);
		time.advance(1);
		expect(limiter.consume(guesser).allowed).toBe(true);
		expect(limiter.check(guesser).allowed).toBe(false);
		time.advance(10 * 60_000);
		expect(limiter.check(guesser)).toMatchObject({ allowed: true, remaining: 30 });
	});

	it('takes nothing when checking or refusing, and forgets a key on reset', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, clock());
		expect(limiter.check('k').remaining).toBe(2);
		expect(limiter.consume('k', 3)).toEqual({ allowed: false, remaining: 2, retryAfterMs: Infinity });
		expect(limiter.consume('k', 2)).toMatchObject({ allowed: true, remaining: 0 });
		limiter.reset('k');
		expect(limiter.check('k')).toMatchObject({ allowed: true, remaining: 2 });
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

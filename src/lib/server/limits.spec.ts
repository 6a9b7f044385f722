import { describe, expect, it } from 'vitest';
import { nearMisses } from '../class-code.ts';
import { tempDb } from '../../test-support/db.ts';
import { addressKey, Limits, RULES } from './limits.ts';
import { sharedLimitsFor } from './shared-limits.ts';

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** The app's limits, kept as the store under test keeps them (on a fresh database), on a clock the test moves. */
async function limitsAt(now: () => number): Promise<Limits> {
	const { db, target } = await tempDb();
	return new Limits({ now, shared: sharedLimitsFor(target, async () => db) });
}

const SCHOOL = '203.0.113.7';
const CLASS = 'K7M4PX';

describe('class codes from one school address', () => {
	it("never count a class's typos: 36 near misses leave the whole allowance", async () => {
		const limits = await limitsAt(clock().now);
		for (const typo of nearMisses(CLASS).slice(0, 36)) {
			expect(await limits.beforeCodeLookup(SCHOOL, typo)).toBeNull();
			await limits.afterCodeLookup(SCHOOL, typo, 'near-miss');
		}
		for (let i = 0; i < RULES.codeGuesses.limit; i++) expect(await limits.beforeCodeLookup(SCHOOL, `GUESS${i}`)).toBeNull();
	});

	it('let a class of 40 in, 36 typos among them, while a guessing script beside them is stopped', async () => {
		const limits = await limitsAt(clock().now);
		// The teacher's dashboard is open on the school network.
		await limits.vouch(SCHOOL, CLASS);
		const typos = nearMisses(CLASS);
		let guessesLookedUp = 0;
		let admitted = 0;
		for (let student = 0; student < 40; student++) {
			// A script guesses between every two students.
			for (let g = 0; g < 5; g++) {
				const guess = `Z${String(student * 5 + g).padStart(5, '2').replace(/[01]/g, '9')}`;
				if ((await limits.beforeCodeLookup(SCHOOL, guess)) === null) {
					guessesLookedUp++;
					await limits.afterCodeLookup(SCHOOL, guess, 'unknown');
				}
			}
			// A typo is looked up while the network has allowance left; after that it is refused
			// like any code the network has not opened, and the student types the code again.
			if (student < 36 && (await limits.beforeCodeLookup(SCHOOL, typos[student]!)) === null)
				await limits.afterCodeLookup(SCHOOL, typos[student]!, 'near-miss');
			if ((await limits.beforeCodeLookup(SCHOOL, CLASS)) === null) {
				admitted++;
				await limits.afterCodeLookup(SCHOOL, CLASS, 'found');
			}
		}
		expect(admitted).toBe(40);
		expect(guessesLookedUp).toBe(RULES.codeGuesses.limit);
	});

	it('once a code has opened from an address it keeps opening there, while new codes are refused with a wait', async () => {
		const time = clock();
		const limits = await limitsAt(time.now);
		await limits.afterCodeLookup(SCHOOL, CLASS, 'found');
		for (let i = 0; i < RULES.codeGuesses.limit; i++) await limits.afterCodeLookup(SCHOOL, `GUESS${i}`, 'unknown');
		expect(await limits.beforeCodeLookup(SCHOOL, CLASS)).toBeNull();
		const refused = await limits.beforeCodeLookup(SCHOOL, 'RT9WQ2');
		expect(refused).toMatchObject({ status: 429 });
		expect(refused!.retryAfter).toBeGreaterThan(0);
		expect(refused!.retryAfter).toBeLessThanOrEqual(60);
		// Another network is not affected.
		expect(await limits.beforeCodeLookup('198.51.100.1', 'RT9WQ2')).toBeNull();
		// The allowance comes back with time.
		time.advance(refused!.retryAfter * 1000);
		expect(await limits.beforeCodeLookup(SCHOOL, 'RT9WQ2')).toBeNull();
	});
});

describe('answers and finishing', () => {
	it('are limited per attempt: one student flooding never slows a classmate', async () => {
		const limits = await limitsAt(clock().now);
		let refused = 0;
		for (let i = 0; i < 2_700; i++) if (limits.takeForAttempt('flooder')) refused++;
		expect(refused).toBe(2_700 - RULES.attempt.limit);
		expect(limits.takeForAttempt('classmate')).toBeNull();
	});

	it('leave room for a student answering a 30-question quiz as fast as they can click', async () => {
		const limits = await limitsAt(clock().now);
		expect(Array.from({ length: 31 }, () => limits.takeForAttempt('quick')).filter(Boolean)).toEqual([]);
	});
});

describe('manage links', () => {
	it('count only links that open nothing, in a budget of their own', async () => {
		const limits = await limitsAt(clock().now);
		for (let i = 0; i < RULES.codeGuesses.limit + 5; i++) await limits.afterCodeLookup(SCHOOL, `GUESS${i}`, 'unknown');
		expect(await limits.manageLookupFailed(SCHOOL)).toBeNull();
		for (let i = 1; i < RULES.manageGuesses.limit; i++) await limits.manageLookupFailed(SCHOOL);
		expect(await limits.manageLookupFailed(SCHOOL)).toMatchObject({ status: 429 });
	});
});

describe('addressKey', () => {
	it('keeps IPv4 as it is and keys IPv6 by its /64, so a client cannot rotate through its own block', async () => {
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff::9'));
		expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
	});
});

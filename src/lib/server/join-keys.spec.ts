import { describe, expect, it } from 'vitest';
import { joinedWith, newJoinKey, rememberJoin } from './join-keys.ts';
import { newToken } from './tokens.ts';

describe('a join form sent twice', () => {
	it('gets the first join’s attempt for two minutes, and nothing for a key never used or not a key', () => {
		const key = newJoinKey();
		const token = newToken();
		rememberJoin(key, token, 1_000);
		expect(joinedWith(key, 1_000 + 119_000)).toBe(token);
		expect(joinedWith(key, 1_000 + 120_000)).toBeUndefined();
		expect(joinedWith(newJoinKey(), 1_000)).toBeUndefined();
		rememberJoin('not a key', token, 1_000);
		expect(joinedWith('not a key', 1_000)).toBeUndefined();
	});
});

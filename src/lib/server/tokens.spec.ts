import { describe, expect, it } from 'vitest';
import { hashIfToken, hashToken, newToken, sameHash } from './tokens.ts';

describe('bearer tokens', () => {
	it('hash a token once for the lookup, and refuse anything not shaped like one before it is hashed', () => {
		const token = newToken();
		expect(hashIfToken(token)).toBe(hashToken(token));
		expect(sameHash(hashIfToken(token)!, hashToken(token))).toBe(true);
		for (const junk of [undefined, '', 'x'.repeat(42), `${token.slice(0, 42)}!`, 42]) expect(hashIfToken(junk)).toBeNull();
	});
});

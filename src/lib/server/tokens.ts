/**
 * Bearer secrets (manage tokens, resume tokens, session cookies): 256 random
 * bits, base64url so they sit in a URL or a cookie untouched, and stored only
 * as a SHA-256 hash so a copy of the database opens nothing.
 *
 * A fast hash is right here, unlike for passwords: the input is random and
 * 256 bits long, so there is nothing to guess from a leaked hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** False for anything our tokens never look like, so junk is refused before it reaches the database. */
export function isTokenShaped(value: unknown): value is string {
	return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The hash of a value shaped like one of our tokens, or null for anything else (a missing cookie, junk). */
export function hashIfToken(value: unknown): string | null {
	return isTokenShaped(value) ? hashToken(value) : null;
}

/**
 * Compares two hex hashes in constant time. Rows are found by an index on the
 * hash, whose timing could at most tell an attacker about hashes of tokens they
 * chose, which says nothing about a real token; the comparison after the
 * lookup keeps the check itself free of timing differences all the same.
 */
export function sameHash(a: string, b: string): boolean {
	const x = Buffer.from(a, 'hex');
	const y = Buffer.from(b, 'hex');
	return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

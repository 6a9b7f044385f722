/**
 * A join form sent twice: Start pressed again on a slow network, after the
 * first press's answer (and its cookie) was dropped. The second would find
 * the name taken by the first and lock the student out of their own name. Each
 * join form carries a one-off key; for two minutes, the same key gets the
 * attempt its first join made. Kept in this process's memory: a restart
 * forgets them, which costs nothing but that second chance.
 */
import { isTokenShaped, newToken } from './tokens.ts';

const KEPT_MS = 2 * 60_000;
const joins = new Map<string, { resumeToken: string; until: number }>();

export const newJoinKey = newToken;

export function rememberJoin(key: string, resumeToken: string, now: number): void {
	if (!isTokenShaped(key)) return;
	for (const [k, j] of joins) if (j.until <= now) joins.delete(k);
	joins.set(key, { resumeToken, until: now + KEPT_MS });
}

/** The resume token the first join with this key was given, while it is kept. */
export function joinedWith(key: string, now: number): string | undefined {
	const kept = isTokenShaped(key) ? joins.get(key) : undefined;
	return kept && kept.until > now ? kept.resumeToken : undefined;
}

/**
 * The order a student meets the questions in, when the assignment shuffles
 * them: drawn once when the attempt starts and stored with it, so a reload and
 * a resume on another device show the same order.
 */

/** An integer in [0, max): node:crypto's randomInt in the app, a fixed one in tests. */
export type RandomInt = (max: number) => number;

/** Fisher–Yates. */
export function shuffled<T>(items: readonly T[], pick: RandomInt): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = pick(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

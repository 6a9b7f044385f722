/** "Did you mean …?" for a misspelt field name, category id or question type. */

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const keep = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = keep;
		}
	}
	return row[b.length]!;
}

/** The known word an unknown one most likely meant, if any is close. */
export function didYouMean(unknown: string, known: readonly string[]): string | null {
	// Names of fields are short; a long unknown word is no typo of one.
	if (unknown.length > 64) return null;
	const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
	let best: string | null = null;
	let bestScore = Infinity;
	for (const k of known) {
		const d = squash(k) === squash(unknown) ? 0 : distance(unknown.toLowerCase(), k.toLowerCase());
		if (d < bestScore) [best, bestScore] = [k, d];
	}
	return best !== null && bestScore <= Math.max(2, Math.floor(unknown.length / 3)) ? best : null;
}

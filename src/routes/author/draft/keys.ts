/**
 * The review list's keyboard model: what a key does on a claim. Digits and
 * letters work anywhere inside a claim; arrows, Home/End, Enter and Space
 * only on the claim itself, so a focused radio button or checkbox keeps its
 * own keys.
 */
export type KeyAction =
	| { type: 'choose'; category: string }
	| { type: 'move'; to: 'next' | 'previous' | 'first' | 'last' }
	| { type: 'accept' }
	| { type: 'include' };

export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
}

const RESERVED = new Set(['j', 'k', 'x']);

/** Each category's digit, and the first letter of its id when no other category or command claims it. */
export function categoryKeys(categories: readonly { id: string }[]): { digit: string | null; letter: string | null }[] {
	const initials = categories.map((c) => c.id[0]?.toLowerCase() ?? '');
	return categories.map((_, i) => {
		const letter = initials[i]!;
		const unique = /^[a-z]$/.test(letter) && !RESERVED.has(letter) && initials.indexOf(letter) === initials.lastIndexOf(letter);
		return { digit: i < 9 ? String(i + 1) : null, letter: unique ? letter : null };
	});
}

const ON_CLAIM: Record<string, KeyAction> = {
	ArrowDown: { type: 'move', to: 'next' },
	ArrowUp: { type: 'move', to: 'previous' },
	Home: { type: 'move', to: 'first' },
	End: { type: 'move', to: 'last' },
	Enter: { type: 'accept' },
	' ': { type: 'accept' }
};

const ANYWHERE: Record<string, KeyAction> = {
	j: { type: 'move', to: 'next' },
	k: { type: 'move', to: 'previous' },
	x: { type: 'include' }
};

/** `onClaim` is true when the claim itself has focus, not one of its controls. */
export function keyAction(press: KeyPress, onClaim: boolean, categories: readonly { id: string }[]): KeyAction | null {
	if (press.ctrlKey || press.metaKey || press.altKey) return null;
	if (onClaim && press.key in ON_CLAIM) return ON_CLAIM[press.key]!;
	const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
	if (key in ANYWHERE) return ANYWHERE[key]!;
	const keys = categoryKeys(categories);
	const index = keys.findIndex((k) => k.digit === key || k.letter === key);
	return index >= 0 ? { type: 'choose', category: categories[index]!.id } : null;
}

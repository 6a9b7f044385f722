/**
 * The code students type to join: six characters, read aloud in a classroom
 * and typed on a Chromebook, shown as "K7M-4PX".
 *
 * The alphabet leaves out 0/O, 1/I/L, which look alike, and U, which avoids
 * most accidental words (Crockford's choice). 30^6 is about 729 million codes,
 * so with the strict rate limit on failed lookups, guessing an open code is
 * hopeless long before a class has finished.
 *
 * The canonical form ("K7M4PX") is the only one stored and passed around;
 * views show it with formatCode.
 */
import { quoteList } from './quiz/text.ts';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 6;

const CANONICAL = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A fresh code in its stored form, "K7M4PX"; `pick` is a random integer in [0, max) (crypto's randomInt on the server). */
export function newStudentCode(pick: (max: number) => number): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
	return code;
}

/**
 * The typed characters of a code, without case, spaces or dashes. A Japanese
 * or Chinese keyboard types full-width letters and digits ("Ｋ７Ｍ－４ＰＸ"),
 * which NFKC folds to plain ones; its dash may be any dash sign, the minus
 * sign or the long-vowel mark "ー", which sits where "-" does on a Japanese keyboard.
 */
const compact = (input: string) =>
	fromLink(input.normalize('NFKC'))
		.toUpperCase()
		.replace(/[\s\p{Pd}\u2212\u30FC_.]/gu, '');

/**
 * The code in a class link pasted whole ("http://192.168.1.20:3000/a/K7M-4PX", or its results page): what follows
 * "/a/". Anything else is taken as typed.
 */
const fromLink = (input: string) => /\/a\/([^/?#]*)/i.exec(input)?.[1] ?? input;

/** "k7m 4px", "K7M-4PX" → "K7M4PX"; null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
	const code = compact(input);
	return CANONICAL.test(code) ? code : null;
}

/** Why a typed code cannot be one, in a student's words: the look-alikes the alphabet leaves out are named. */
export function codeProblem(input: string): string {
	const code = compact(input);
	const unused = [...new Set(code.match(/[0O1ILU]/g))];
	if (code.length === CODE_LENGTH && unused.length)
		return `Class codes never use O, 0, I, 1, L or U, and this one has ${quoteList(unused)}: check the code with your teacher.`;
	return 'A class code has 6 letters and digits, like K7M-4PX. Check it with your teacher.';
}

/** "K7M4PX" → "K7M-4PX": two halves are easier to read out and to type. */
export function formatCode(code: string): string {
	const half = CODE_LENGTH / 2;
	return `${code.slice(0, half)}-${code.slice(half)}`;
}

/**
 * The codes one slip away from a typed code: one character swapped for another
 * or two neighbours the wrong way round, as a student copying from a board
 * makes them. A typed code that is a near miss of a real one is a typo, not a
 * guess (see limits.ts).
 */
export function nearMisses(code: string): string[] {
	const out = new Set<string>();
	for (let i = 0; i < code.length; i++) {
		for (const c of CODE_ALPHABET) if (c !== code[i]) out.add(code.slice(0, i) + c + code.slice(i + 1));
		if (i + 1 < code.length && code[i] !== code[i + 1]) out.add(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
	}
	return [...out];
}

/**
 * Students' names, as typed on a shared Chromebook or a phone. A name is shown
 * to the teacher as the student typed it, cleaned of what no one can see; it
 * is compared by its look, so "Emma", "ＥＭＭＡ", "Emma" with an invisible mark
 * and "Еmma" with a Cyrillic Е are one name in a class.
 */

/**
 * Characters that show nothing: format controls, joiners, variation selectors,
 * Hangul fillers and the rest of Unicode's default-ignorable characters, and
 * control characters.
 */
const INVISIBLE = '[\\p{Default_Ignorable_Code_Point}\\p{Cc}\\p{Cf}]';

/**
 * Scripts whose letters a zero-width joiner or non-joiner reshapes: in
 * Persian "علی‌رضا" the non-joiner keeps علی and رضا apart, and in Hindi
 * and the other Indic scripts the joiners choose a conjunct's form. There
 * they are part of the spelling (Unicode's IDNA rules allow them in such
 * words too, RFC 5892 appendix A).
 */
const SHAPED =
	'\\p{scx=Arabic}\\p{scx=Syriac}\\p{scx=Nko}\\p{scx=Mongolian}\\p{scx=Devanagari}\\p{scx=Bengali}\\p{scx=Gurmukhi}\\p{scx=Gujarati}' +
	'\\p{scx=Oriya}\\p{scx=Tamil}\\p{scx=Telugu}\\p{scx=Kannada}\\p{scx=Malayalam}\\p{scx=Sinhala}';
/** A joiner inside a word of those scripts (kept, as group 1), or any other invisible character (dropped). */
const UNSEEN = new RegExp(`((?<=[${SHAPED}])[\\u200C\\u200D](?=[${SHAPED}]))|${INVISIBLE}`, 'gu');

/** The name as it will be shown: NFKC, nothing invisible but the joiners a script spells with, single spaces. */
export function cleanName(typed: string): string {
	return typed
		.normalize('NFKC')
		.replace(UNSEEN, (_, joiner?: string) => joiner ?? '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Letters of other scripts that look like Latin ones, folded for comparison
 * only (Unicode's confusables, restricted to the Cyrillic and Greek letters
 * a name typed to pass as another would use).
 */
const LOOK_ALIKES: Record<string, string> = {
	а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
	і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y', ɩ: 'i', ı: 'i',
	α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w',
	'0': 'o', '1': 'l', '|': 'l', '’': "'", ʼ: "'", '‘': "'", '`': "'", '–': '-', '‐': '-', '‑': '-'
};

/**
 * Capitals of other scripts that look like Latin capitals, folded before the
 * name is lower-cased: a Greek "Μia" lower-cases to "μia", which looks like
 * no Latin name, though on screen it is "Mia".
 */
const CAPITAL_LOOK_ALIKES: Record<string, string> = {
	Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
	А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J'
};

/**
 * The form of a name used to tell students apart: case, spacing,
 * punctuation, accents, apostrophe style and look-alike letters do not make
 * a new student ("Zoe.", "Z o e" and "Zoe" are one name). Not for display
 * (UTS #39 calls this a skeleton).
 */
export function nameKey(name: string): string {
	let capitals = '';
	for (const ch of cleanName(name)) capitals += CAPITAL_LOOK_ALIKES[ch] ?? ch;
	// Joiners change a word's shape, not which name it is.
	const folded = capitals.toLowerCase().normalize('NFKD').replace(/[\p{M}\u200C\u200D]/gu, '');
	let key = '';
	for (const ch of folded) key += LOOK_ALIKES[ch] ?? ch;
	// "l" and "I" look alike in most school fonts; spaces and punctuation set no name apart.
	return key.replace(/i/g, 'l').replace(/[\s\p{P}]/gu, '');
}

/**
 * Turns a lexicon's readable patterns into regular expressions, once per
 * lexicon object.
 */
import type { CueFamily, Lexicon } from './lexicon/types.ts';

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

export interface CompiledFamily {
	family: CueFamily;
	/** Position in the lexicon; on equal weight the earlier family wins. */
	order: number;
	regex: RegExp;
}

export interface CompiledLexicon {
	families: CompiledFamily[];
	/** A subject and a finite verb: the start of a clause. */
	clauseStart: RegExp;
	/** A pronoun subject and a finite verb. */
	pronounClause: RegExp;
	/** A subject, then a public-act verb: "the president signed". */
	publicActClause: RegExp;
	/** ", and" before a clause with its own subject. */
	coordinator: RegExp;
	/** " and" with no comma, which starts a claim only before a pronoun subject. */
	bareCoordinator: RegExp;
	subordinator: RegExp;
	leadingSubordinator: RegExp;
	/** A sentence that opens with a subject and its relative clause, up to the relative: "Students who ". */
	subjectRelative: RegExp;
	relative: RegExp;
	eventLink: RegExp;
	restrictive: RegExp;
	determiner: RegExp;
	complementTaker: RegExp;
	/** The first finite verb and up to two words after it: a claim's gist when it has no cue. */
	verbPhrase: RegExp;
}

/** Words this long, and no shorter, are matched with one typo in a family that tolerates them. */
const TYPO_WORD = 6;
/** What may stand around such a word in a pattern: it is a whole word, with no "?" or class after it. */
const TYPO_BEFORE = /^$|[ (|?]/u;
const TYPO_AFTER = /^$|[ |)]/u;

/**
 * A lower-case word with any one letter after the first left out, changed,
 * added or swapped with the next: "familar", "famliiar" for "familiar".
 */
function oneTypoSource(word: string): string {
	const [head, rest] = [word[0]!, word.slice(1)];
	const variants = new Set([rest]);
	for (let i = 0; i <= rest.length; i++) {
		const [before, after] = [rest.slice(0, i), rest.slice(i)];
		variants.add(`${before}\\p{Ll}${after}`);
		if (after) variants.add(`${before}\\p{Ll}?${after.slice(1)}`);
		if (after.length > 1) variants.add(`${before}${after[1]}${after[0]}${after.slice(2)}`);
	}
	const upper = head.toUpperCase();
	return `${upper === head ? head : `[${head}${upper}]`}(?:${[...variants].join('|')})`;
}

/** Compiles one pattern to regular-expression source (see lexicon/types.ts for the syntax). */
function patternSource(pattern: string, classes: Lexicon['classes'], seen: readonly string[] = [], typos = false): string {
	let out = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i]!;
		const startsWord = typos && LOWER.test(ch) && TYPO_BEFORE.test(pattern[i - 1] ?? '');
		const word = startsWord ? /^\p{Ll}+/u.exec(pattern.slice(i))![0] : '';
		if (word.length >= TYPO_WORD && TYPO_AFTER.test(pattern[i + word.length] ?? '')) {
			out += oneTypoSource(word);
			i += word.length - 1;
		} else if (ch === '\\') {
			const next = pattern[i + 1] ?? '';
			if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') {
				const close = pattern.indexOf('}', i);
				out += pattern.slice(i, close + 1);
				i = close;
			} else {
				out += ch + next;
				i++;
			}
		} else if (ch === '[') {
			let j = i + 1;
			while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
			out += pattern.slice(i, j + 1);
			i = j;
		} else if (ch === '{') {
			const close = pattern.indexOf('}', i);
			const name = pattern.slice(i + 1, close);
			if (/^\d*,?\d*$/.test(name)) out += `{${name}}`;
			else out += classSource(name, classes, seen);
			i = close;
		} else if (ch === "'") out += "['’ʼ‘]";
		else if (ch === '"') out += '["“”„]';
		else if (ch === '–') out += '[–—-]';
		else if (ch === ' ') out += '\\s+';
		else if (LOWER.test(ch) && !LETTER.test(pattern[i - 1] ?? '') && pattern[i - 1] !== '\\') {
			const upper = ch.toUpperCase();
			out += upper === ch ? ch : `[${ch}${upper}]`;
		} else out += ch;
	}
	return out;
}

function classSource(name: string, classes: Lexicon['classes'], seen: readonly string[]): string {
	if (name === 'Name') return nameSource(classes, seen);
	const entries = classes[name];
	if (!entries) throw new Error(`The lexicon pattern uses {${name}}, but the lexicon has no class "${name}"`);
	if (seen.includes(name)) throw new Error(`The lexicon class "${name}" refers to itself`);
	// Longest first, so that "ABC News" is tried before "ABC".
	const sorted = [...entries].sort((a, b) => b.length - a.length);
	return `(?:${sorted.map((e) => patternSource(e, classes, [...seen, name])).join('|')})`;
}

function nameSource(classes: Lexicon['classes'], seen: readonly string[]): string {
	const stop = classes.notName ? `(?!${classSource('notName', classes, seen)}${NOT_WORD_AFTER})` : '';
	const word = `${stop}\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.\\-]*`;
	return `(?:${word}(?:[ \\u00a0]+${word}){0,4})`;
}

/** A whole-word, global, unicode regular expression for a list of patterns. */
function wordsRegex(patterns: readonly string[], classes: Lexicon['classes'], typos = false): RegExp {
	const body = patterns.map((p) => patternSource(p, classes, [], typos)).join('|');
	return new RegExp(`${NOT_WORD_BEFORE}(?:${body})${NOT_WORD_AFTER}`, 'gu');
}

function alternatives(words: readonly string[], classes: Lexicon['classes']): string {
	return `(?:${[...words].sort((a, b) => b.length - a.length).map((w) => patternSource(w, classes)).join('|')})`;
}

/** A joining word between whitespace; group 1 is the word, and the match ends where the next clause starts. */
function connector(before: string, words: readonly string[], classes: Lexicon['classes']): RegExp {
	return new RegExp(`${before}(${alternatives(words, classes)})\\s+`, 'gu');
}

const cache = new WeakMap<Lexicon, CompiledLexicon>();

export function compile(lexicon: Lexicon): CompiledLexicon {
	const hit = cache.get(lexicon);
	if (hit) return hit;
	const { classes, clauses } = lexicon;
	const pronoun = alternatives(clauses.pronouns, classes);
	const determiner = alternatives(clauses.determiners, classes);
	const finite = alternatives(clauses.finiteVerbs, classes);
	const word = "[\\p{L}’'\\-]+";
	const capital = "\\p{Lu}[\\p{L}’'.\\-]*";
	const verb = `(?:${finite}|${clauses.regularVerb})${NOT_WORD_AFTER}`;
	const bareSubject = `(?!${finite}${NOT_WORD_AFTER})${clauses.pluralNoun}`;
	const subject = `(?:${pronoun}|${determiner}(?:\\s+${word}){1,3}?|${capital}(?:\\s+${capital}){0,3}|${bareSubject})`;
	const adverb = '(?:\\p{Ll}+\\s+)?';
	const compiled: CompiledLexicon = {
		families: lexicon.cues.map((family, order) => ({
			family,
			order,
			regex: wordsRegex(family.patterns, classes, family.toleratesTypos)
		})),
		clauseStart: new RegExp(`^${subject}${NOT_WORD_AFTER}\\s+${adverb}${verb}`, 'u'),
		pronounClause: new RegExp(`^${pronoun}\\s+${adverb}${verb}`, 'u'),
		publicActClause: new RegExp(
			`^${subject}\\s+(?:${finite}\\s+)?${alternatives(clauses.publicActVerbs, classes)}${NOT_WORD_AFTER}`,
			'u'
		),
		coordinator: connector(',\\s+', clauses.coordinators, classes),
		bareCoordinator: connector('\\s+', clauses.coordinators, classes),
		subordinator: new RegExp(
			`(?:,\\s+|\\s+)((?:${alternatives(clauses.subordinatorAdverbs, classes)}\\s+)?${alternatives(clauses.subordinators, classes)})\\s+`,
			'gu'
		),
		leadingSubordinator: new RegExp(`^${alternatives(clauses.subordinators, classes)}\\s+`, 'u'),
		subjectRelative: new RegExp(`^["“‘']?(?:${word}\\s+){1,3}${alternatives(clauses.subjectRelatives, classes)}\\s`, 'u'),
		relative: connector(',\\s+', clauses.relatives, classes),
		eventLink: connector('(?:,\\s+|\\s+)', clauses.eventLinks, classes),
		restrictive: connector('\\s+', clauses.restrictiveRelatives, classes),
		determiner: new RegExp(`^${determiner}$`, 'u'),
		complementTaker: new RegExp(`^${alternatives(clauses.complementTakers, classes)}$`, 'u'),
		verbPhrase: new RegExp(`${NOT_WORD_BEFORE}${verb}(?:\\s+[\\p{L}\\p{N}]+(?:['’.,\\-][\\p{L}\\p{N}]+)*){0,2}`, 'u')
	};
	cache.set(lexicon, compiled);
	return compiled;
}

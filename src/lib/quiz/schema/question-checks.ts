/** Cross-checks inside one question: its answer, its why-nots, its decoys and options. */
import { didYouMean } from '../suggest.ts';
import { spansOf, tokenize, tokensIn, wholeWordsAt } from '../text.ts';
import { findMismatch } from '../verbatim.ts';
import { isObject, issue, listOf, quoted, type Ctx, type Loose, type Path, type Soundness } from './soundness.ts';

type At = (...rest: Path) => Path;

/** How a value used twice is told: what else was expected, and the fix. */
interface Twice {
	expected: string;
	hint: string;
	/** What makes two values the same; the values themselves by default. */
	key?: (value: string) => string;
}

const ID_TWICE: Twice = { expected: 'an id no other entry uses', hint: 'rename one of them' };

/** Texts students read: one that differs only in spaces at its ends or in letter case reads the same on a button. */
export const readsAlike = (what: string, hint: string): Twice => ({
	expected: `a ${what} no other entry has`,
	hint,
	key: (value) => value.trim().toLowerCase()
});

/** Reports each value used a second time, at that entry, naming the entry that has it first. */
export function checkUnique(ctx: Ctx, values: (string | undefined)[], base: (i: number) => Path, what: string, twice: Twice = ID_TWICE) {
	const seen = new Map<string, number>();
	values.forEach((value, i) => {
		if (value === undefined) return;
		const key = twice.key ? twice.key(value) : value;
		const first = seen.get(key);
		if (first === undefined) seen.set(key, i);
		else
			issue(ctx, base(i), `${what} "${value}" is used twice`, {
				found: value,
				expected: twice.expected,
				hint: twice.hint,
				sameAs: base(first).slice(0, -1)
			});
	});
}

export function checkInside(ctx: Ctx, quoteText: string, phrase: string, path: Path, what: string) {
	if (quoteText.includes(phrase)) {
		if (tokenize(phrase).length === 0)
			issue(ctx, path, `The ${what} "${phrase}" holds no word a student can mark`, {
				found: phrase,
				expected: 'at least one word (letters or digits)',
				hint: 'students mark whole words; include the word next to the punctuation'
			});
		else if (!wholeWordsAt(quoteText, phrase)) {
			const start = quoteText.indexOf(phrase);
			const tokens = tokenize(quoteText);
			const words = tokensIn(tokens, [{ start, end: start + phrase.length }]).map((i) => tokens[i]!.text);
			issue(ctx, path, `The ${what} "${phrase}" is only part of a word in the quote: "${words.join(' ')}"`, {
				found: phrase,
				expected: 'whole words of the quote',
				hint: `students mark whole words; write the whole word ("${words.join(' ')}"), or pick the words that stand on their own`
			});
		}
		return;
	}
	const miss = findMismatch([quoteText], phrase, { copy: `the ${what}`, source: 'the quote', rule: `a ${what} must sit inside the quote` });
	issue(ctx, path, `The ${what} "${phrase}" is not inside the quote`, {
		found: phrase,
		expected: 'words copied from this question’s quote',
		hint: miss?.passage
			? `first difference at character ${miss.at + 1}: ${miss.hint}`
			: `a ${what} must be part of the quote, character for character`,
		at: miss?.passage ? miss.at : undefined
	});
}


export function checkClassify(ctx: Ctx, q: Loose, at: At, sound: Soundness, categoryIds: string[] | null) {
	if (q.cite === true && sound.ok(at('cues')) && listOf(q.cues).length === 0)
		issue(ctx, at('cite'), 'A question that asks students to mark cue words has none listed', {
			found: '"cite": true and "cues": []',
			expected: 'at least one cue, or no "cite"',
			hint: 'list the source words to mark in "cues", or remove "cite" for a claim with no source word'
		});
	const answer = sound.text(q.answer, at('answer'));
	if (!categoryIds) return;
	const meant = (guess: string | null, fallback: string) => (guess ? `did you mean "${guess}"?` : fallback);
	if (answer !== undefined && !categoryIds.includes(answer))
		issue(ctx, at('answer'), `The answer "${answer}" is not one of the quiz's categories`, {
			found: answer,
			expected: `one of ${quoted(categoryIds)}`,
			hint: meant(didYouMean(answer, categoryIds), 'the answer names a category id; to add a category, list all of them in "categories"')
		});
	if (!isObject(q.whyNot) || !sound.ok(at('whyNot'))) return;
	const whyNot = q.whyNot;
	// "anonymus" or "Fact" is one slip: told at the key (a key that breaks the id format, already by its
	// format), and not again as the category it was meant for missing.
	const misspelt = new Set<string>();
	for (const key of sound.keysWithProblems(at('whyNot'))) {
		const guess = didYouMean(key, categoryIds);
		if (guess) misspelt.add(guess);
	}
	for (const key of Object.keys(whyNot)) {
		if (!sound.ok(at('whyNot', key))) continue;
		if (!categoryIds.includes(key)) {
			const guess = didYouMean(key, categoryIds);
			if (guess) misspelt.add(guess);
			issue(ctx, at('whyNot', key), `whyNot names "${key}", which is not a category`, {
				found: key,
				expected: `one of ${quoted(categoryIds.filter((c) => c !== answer))}`,
				hint: meant(guess, 'each key of whyNot is the id of a wrong category')
			});
		} else if (key === answer)
			issue(ctx, at('whyNot', key), `whyNot explains the right answer "${key}"`, {
				found: key,
				expected: 'only the wrong categories',
				hint: 'put why the answer is right in "explanation", and remove this entry'
			});
	}
	if (answer === undefined || !categoryIds.includes(answer)) return;
	for (const c of categoryIds) {
		if (c !== answer && !Object.hasOwn(whyNot, c) && !misspelt.has(c))
			issue(ctx, at('whyNot'), `whyNot has nothing for "${c}"`, {
				expected: `a text for every wrong category: ${quoted(categoryIds.filter((x) => x !== answer))}`,
				hint: `add "${c}": "why a student might choose it and why it does not fit"`
			});
	}
}

/** The words of the quote a student marks to mark these phrases, as grading counts them. */
function wordsOf(quoteText: string, phrases: readonly string[]): number[] {
	return tokensIn(tokenize(quoteText), spansOf(quoteText, phrases).filter((s) => s !== null));
}

/** A decoy may not cover a word a cue covers; the same word elsewhere in the quote is fine. */
export function checkDecoys(ctx: Ctx, q: Loose, quoteText: string | undefined, at: At, sound: Soundness) {
	if (quoteText === undefined) return;
	const cues = listOf(q.cues)
		.map((c, i) => sound.text(c, at('cues', i)))
		.filter((c): c is string => c !== undefined);
	const cueWords = new Set(wordsOf(quoteText, cues));
	listOf(q.decoys).forEach((d, j) => {
		const decoy = isObject(d) ? sound.text(d.text, at('decoys', j, 'text')) : undefined;
		if (decoy === undefined) return;
		if (!wholeWordsAt(quoteText, decoy)) return checkInside(ctx, quoteText, decoy, at('decoys', j, 'text'), 'decoy');
		if (wordsOf(quoteText, [decoy]).some((w) => cueWords.has(w)))
			issue(ctx, at('decoys', j, 'text'), `The decoy "${decoy}" overlaps a cue`, {
				found: decoy,
				expected: 'words of the quote that are not cue words',
				hint: 'a word cannot be both right and wrong to mark; shorten the decoy or the cue'
			});
	});
}

export function checkChoice(ctx: Ctx, q: Loose, at: At, sound: Soundness) {
	if (!sound.ok(at('options'))) return;
	const options = listOf(q.options).map((o, j) => (isObject(o) && sound.ok(at('options', j)) ? o : null));
	const optionIds = options.map((o, j) => (o ? sound.text(o.id, at('options', j, 'id')) : undefined));
	checkUnique(ctx, optionIds, (j) => at('options', j, 'id'), 'The option id');
	checkUnique(
		ctx,
		options.map((o, j) => (o ? sound.text(o.text, at('options', j, 'text')) : undefined)),
		(j) => at('options', j, 'text'),
		'The option text',
		readsAlike('text', 'students would see two answers that read the same; reword one of them')
	);
	const answer = sound.text(q.answer, at('answer'));
	if (answer !== undefined && optionIds.length === 0) {
		issue(ctx, at('answer'), `The answer "${answer}" names an option, but the question has no options`, {
			found: answer,
			expected: 'options to choose from, one of them with this id',
			hint: 'list the options students choose from in "options": [{ "id": "a", "text": "..." }, ...]'
		});
		return;
	}
	// With an id missing or used twice, "the right option" is not known.
	if (optionIds.includes(undefined) || new Set(optionIds).size < optionIds.length || answer === undefined) return;
	if (!optionIds.includes(answer)) {
		const guess = didYouMean(answer, optionIds as string[]);
		issue(ctx, at('answer'), `The answer "${answer}" is not one of the options`, {
			found: answer,
			expected: `one of ${quoted(optionIds as string[])}`,
			hint: guess ? `did you mean "${guess}"?` : 'the answer names the id of the right option'
		});
		return;
	}
	options.forEach((o, j) => {
		if (!o) return;
		if (o.id !== answer && o.whyNot === undefined)
			issue(ctx, at('options', j, 'whyNot'), `The wrong option "${String(o.id)}" needs a whyNot`, {
				expected: 'a "whyNot" text saying why this option is wrong',
				hint: 'students who pick it read this text'
			});
		else if (o.id === answer && o.whyNot !== undefined)
			issue(ctx, at('options', j, 'whyNot'), `The right option "${answer}" has a whyNot`, {
				expected: 'no whyNot on the right option',
				hint: 'put why it is right in "explanation", and remove this whyNot'
			});
	});
}

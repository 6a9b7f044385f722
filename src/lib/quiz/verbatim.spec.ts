import { describe, expect, it } from 'vitest';
import { findMismatch } from './verbatim.ts';

const article = [
	'The library will close on Friday for repairs.',
	'The repairs could cost more than $400,000, according to a council report seen by the Courier.'
];

describe('the first difference between a quote and the article', () => {
	it('is the first character that differs when two letters are swapped', () => {
		const miss = findMismatch(article, 'The repairs cuold cost more than $400,000');
		expect(miss).toMatchObject({ paragraph: 1, at: 13, found: 'u', expected: 'o' });
	});

	it('is where a changed word starts, even when the quote matches again after it', () => {
		const miss = findMismatch(article, 'The repairs could cost over $400,000, according to a council report');
		expect(miss).toMatchObject({ paragraph: 1, at: 23, found: 'o', expected: 'm' });
	});

	it('is found from the words after a wrong first word', () => {
		const miss = findMismatch(article, 'Teh repairs could cost more than $400,000');
		expect(miss).toMatchObject({ paragraph: 1, found: 'h', expected: 'e' });
		expect(miss!.at).toBe(2);
	});

	it('names a straight quote typed for a curly one at its place', () => {
		const miss = findMismatch(['She said “no comment” and left.'], 'She said "no comment" and left.');
		expect(miss).toMatchObject({ at: 9, found: '"', expected: '“' });
	});
});

describe('the hint about the first difference', () => {
	const depot = ['The district is also considering closing the bus depot on Mill Road, a person familiar with the plans said.'];
	const hint = (quote: string) => findMismatch(depot, quote)!.hint;

	it('says a quote cannot skip words with an ellipsis, and to quote a shorter passage', () => {
		expect(hint('closing the bus depot … a person familiar')).toBe(
			'the quote has an ellipsis (…) where the article goes on; the quote cannot skip words: it must be one passage copied whole, so quote a shorter passage instead'
		);
		expect(hint('closing the bus depot [...] a person familiar')).toContain('cannot skip words');
		expect(hint('closing the bus depot...')).toBe(
			'the quote ends with an ellipsis (...) where the article goes on; end it where the words you copied end, without the ellipsis'
		);
	});

	it('says editorial brackets are not in the article', () => {
		expect(hint('The district [sic] is also considering')).toBe(
			'the quote has editorial brackets, [sic], that the article does not have; leave them out and copy only the words of the article'
		);
		expect(hint('closing the bus depot on Mill Road [the main depot], a person')).toContain('editorial brackets, [the main depot],');
	});

	it('names a word missing, added or changed, and where', () => {
		expect(hint('The district is considering')).toBe('the word "also" is missing after "is"; copy the words from the article as they stand');
		expect(hint('The district considering closing')).toBe('the words "is also" are missing after "district"; copy the words from the article as they stand');
		expect(hint('The district is also really considering closing')).toBe(
			'the quote adds the word "really" after "also", which the article does not have; delete it'
		);
		expect(hint('The district is also pondering closing')).toBe('the quote has "pondering" where the article has "considering"; copy the words from the article');
		expect(findMismatch(article, 'The repairs could cost over $400,000, according')!.hint).toBe(
			'the quote has "over" where the article has "more than"; copy the words from the article'
		);
	});

	it('still names the character when it is a look-alike: a straight quote, a hyphen, a doubled space', () => {
		expect(findMismatch(['She said “no comment” and left.'], 'She said "no comment" and left.')!.hint).toBe(
			'the quote has a straight double quote (") where the article has a curly opening double quote (“); copy the character from the article'
		);
		expect(findMismatch(['The vote – held on Monday – passed.'], 'The vote - held on Monday')!.hint).toBe(
			'the quote has a hyphen (-) where the article has an en dash (–); copy the character from the article'
		);
		expect(hint('The district is  also considering')).toBe('the quote has two spaces in a row where the article has one');
	});
});

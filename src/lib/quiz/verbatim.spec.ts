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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isolate, locate, locator, sentence, textDirection, tokenize } from './text.ts';

describe('locator', () => {
	const paragraphs = ['Sessions offered to resign.', 'Officials said the offer was refused.', '', 'Sessions said nothing.'];

	it('finds a quote in the paragraph that holds it first, where it starts there', () => {
		const find = locator(paragraphs);
		expect(find('Sessions said nothing')).toEqual({ paragraph: 3, start: 0, end: 21 });
		expect(find('said')).toEqual({ paragraph: 1, start: 10, end: 14 });
		expect(find('offered')).toEqual({ paragraph: 0, start: 9, end: 16 });
	});

	it('never joins the end of one paragraph to the start of the next', () => {
		expect(locator(paragraphs)('resign. Officials')).toBeNull();
		expect(locator(paragraphs)('resign.\u0000Officials')).toBeNull();
	});

	it('finds nothing in an article with no paragraphs', () => {
		expect(locator([])('Sessions')).toBeNull();
	});

	it('answers as locate does, for any paragraphs and any quote', () => {
		const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\u0000'), maxLength: 12 });
		fc.assert(
			fc.property(fc.array(text, { maxLength: 5 }), text, (ps, quote) => {
				expect(locator(ps)(quote)).toEqual(locate(ps, quote));
			}),
			{ numRuns: 2_000 }
		);
	});
});

describe('a name inside a sentence', () => {
	it('is set apart by the two isolate marks, which show nothing', () => {
		expect(isolate('דנה ר.')).toBe('\u2068דנה ר.\u2069');
	});

	it('ending in a full stop, ends the sentence with it: one full stop, the name’s own', () => {
		expect(sentence(`Renamed to ${isolate('Yara M.')}`)).toBe('Renamed to \u2068Yara M.\u2069');
		expect(sentence(`Renamed to ${isolate('Yara M')}`)).toBe('Renamed to \u2068Yara M\u2069.');
	});
});

describe('the way a quiz’s language runs', () => {
	it('is right to left for Arabic, Hebrew, Persian, Urdu and Dhivehi, or a tag that names such a script', () => {
		for (const tag of ['ar', 'he', 'fa', 'ur', 'dv', 'yi', 'ckb', 'az-Arab', 'pa-Arab']) expect(textDirection(tag), tag).toBe('rtl');
	});

	it('is left to right for the rest, and for a tag no data knows', () => {
		for (const tag of ['en', 'en-GB', 'fr', 'az', 'ku', 'hi', 'zh-Hant', 'zz']) expect(textDirection(tag), tag).toBe('ltr');
	});
});

describe('the words a student can mark', () => {
	it('keeps abbreviations and numbers whole, and splits a sentence end whose space is missing', () => {
		const words = (text: string) => tokenize(text).map((t) => t.text);
		expect(words('the U.S. attorney-general’s Ph.D, 2.5 times, e.g. today')).toEqual(['the', 'U.S', 'attorney-general’s', 'Ph.D', '2.5', 'times', 'e.g', 'today']);
		expect(words('which courts have blocked.According to ABC News')).toEqual(['which', 'courts', 'have', 'blocked', 'According', 'to', 'ABC', 'News']);
		const [, , , blocked, according] = tokenize('which courts have blocked.According to');
		expect([blocked!.start, blocked!.end, according!.start]).toEqual([18, 25, 26]);
	});
});

import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from './names.ts';

describe('cleanName', () => {
	it('keeps a name as typed, in any script, with single spaces', () => {
		for (const name of ['Zoë', 'José Núñez', 'Nguyễn Văn An', "O'Brien", 'O’Brien', 'Anne-Marie', '王芳', 'Мария']) {
			expect(cleanName(name)).toBe(name);
		}
		expect(cleanName('  Sam \u00a0  B. ')).toBe('Sam B.');
	});

	it('drops what nobody can see: joiners, variation selectors, grapheme joiners, Hangul fillers, bidi marks', () => {
		expect(cleanName('Em\u034Fma')).toBe('Emma');
		expect(cleanName('Emma\uFE0F')).toBe('Emma');
		expect(cleanName('E\u200Bm\u200Dma\u200E')).toBe('Emma');
		expect(cleanName('\u3164')).toBe('');
		expect(cleanName('\u115F\u1160')).toBe('');
		expect(cleanName('\u202EammE')).toBe('ammE');
	});

	it('keeps the joiners a script spells with, inside its words', () => {
		// Persian: the non-joiner keeps علی and رضا apart; without it the name reads as one run of joined letters.
		expect(cleanName('علی\u200Cرضا')).toBe('علی\u200Cرضا');
		// After a vowel mark too, and in a Hindi conjunct, where the joiner picks the half form.
		expect(cleanName('مُ\u200Cحمد')).toBe('مُ\u200Cحمد');
		expect(cleanName('क्\u200Dष')).toBe('क्\u200Dष');
		// Not at a word's edge, nor between letters of a script they do not shape, nor a bidi mark beside them.
		expect(cleanName('\u200Cعلی\u200C')).toBe('علی');
		expect(cleanName('Sam\u200Cعلی')).toBe('Samعلی');
		expect(cleanName('علی\u200F\u200Cرضا')).toBe('علیرضا');
	});

	it('compares a name with and without its joiners as one name', () => {
		expect(nameKey('علی\u200Cرضا')).toBe(nameKey('علیرضا'));
		expect(nameKey('क्\u200Dष')).toBe(nameKey('क्ष'));
	});

	it('folds compatibility forms: full-width letters are plain letters', () => {
		expect(cleanName('Ｅｍｍａ')).toBe('Emma');
	});
});

describe('nameKey', () => {
	it('is the same for names that look the same', () => {
		const emma = nameKey('Emma');
		for (const lookAlike of ['emma', ' EMMA ', 'Еmma', 'Emmа', 'Ｅｍｍａ', 'Em\u034Fma', 'Emma\uFE0F', 'Émma']) {
			expect(nameKey(lookAlike), lookAlike).toBe(emma);
		}
		expect(nameKey('  O’Brien  Jo ')).toBe(nameKey("o'brien jo"));
		expect(nameKey('Ali')).toBe(nameKey('AIi'));
		expect(nameKey('Bo')).toBe(nameKey('B0'));
		// Greek and Cyrillic capitals that look like Latin ones, and spaces or punctuation added to pass as a classmate.
		for (const [name, lookAlike] of [['Mia', 'Μia'], ['Hugo', 'Ηugo'], ['Zoe', 'Ζoe'], ['Kai', 'Кai'], ['Zoe', 'Zoe.'], ['Zoe', 'Z o e'], ['Zoe', 'Z.o.e'], ['Zoe', 'Zoe-']] as const)
			expect(nameKey(lookAlike), lookAlike).toBe(nameKey(name));
	});

	it('tells different names apart', () => {
		expect(nameKey('Emma')).not.toBe(nameKey('Emma R.'));
		expect(nameKey('Sam')).not.toBe(nameKey('Pam'));
		expect(nameKey('王芳')).not.toBe(nameKey('王方'));
	});
});

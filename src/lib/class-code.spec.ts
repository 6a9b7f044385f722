import { describe, expect, it } from 'vitest';
import { codeProblem, normalizeCode } from './class-code.ts';

describe('a typed class code that cannot be one', () => {
	it('says why, naming the look-alikes codes never use', () => {
		expect(codeProblem('O0I-1LL')).toBe('Class codes never use O, 0, I, 1, L or U, and this one has “O”, “0”, “I”, “1” and “L”: check the code with your teacher.');
		expect(codeProblem('k7m-4pu')).toBe('Class codes never use O, 0, I, 1, L or U, and this one has “U”: check the code with your teacher.');
		expect(codeProblem('nope')).toBe('A class code has 6 letters and digits, like K7M-4PX. Check it with your teacher.');
	});
});

describe('a class code typed with an East Asian keyboard', () => {
	it('is read as the same code when its letters, digits, dashes and spaces are full-width', () => {
		expect(normalizeCode('Ｋ７Ｍ－４ＰＸ')).toBe('K7M4PX');
		expect(normalizeCode('ｋ７ｍ　４ｐｘ')).toBe('K7M4PX');
		// The Japanese keyboard's long-vowel mark and the Chinese one's em dash stand in for the dash.
		expect(normalizeCode('Ｋ７Ｍー４ＰＸ')).toBe('K7M4PX');
		expect(normalizeCode('K7M—4PX')).toBe('K7M4PX');
		expect(normalizeCode('Ｋ７Ｍ－４Ｐ０')).toBeNull();
	});

	it('names a full-width look-alike the same way as the ordinary one', () => {
		expect(codeProblem('Ｋ７Ｍ－４ＰＯ')).toBe('Class codes never use O, 0, I, 1, L or U, and this one has “O”: check the code with your teacher.');
	});
});

describe('a class link pasted where the code goes', () => {
	it('is read as its code, with or without the dash, from any address and from the results page', () => {
		expect(normalizeCode('http://192.0.2.2:3000/a/5DVCMD')).toBe('5DVCMD');
		expect(normalizeCode('http://192.0.2.2:3000/a/5DV-CMD')).toBe('5DVCMD');
		expect(normalizeCode(' https://quiz.school.example/a/5dv-cmd/done?x=1 ')).toBe('5DVCMD');
		expect(normalizeCode('quiz.school.example/A/5DVCMD#top')).toBe('5DVCMD');
	});

	it('says what is wrong with the code it holds, not with the whole link', () => {
		expect(normalizeCode('http://192.0.2.2:3000/a/5DV-CM0')).toBeNull();
		expect(codeProblem('http://192.0.2.2:3000/a/5DV-CM0')).toBe('Class codes never use O, 0, I, 1, L or U, and this one has “0”: check the code with your teacher.');
		expect(normalizeCode('http://192.0.2.2:3000/teach')).toBeNull();
	});
});

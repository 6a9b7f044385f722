import { describe, expect, it } from 'vitest';
import { codeProblem } from './class-code.ts';

describe('a typed class code that cannot be one', () => {
	it('says why, naming the look-alikes codes never use', () => {
		expect(codeProblem('O0I-1LL')).toBe('Class codes never use O, 0, I, 1, L or U, and this one has “O”, “0”, “I”, “1” and “L”: check the code with your teacher.');
		expect(codeProblem('k7m-4pu')).toBe('Class codes never use O, 0, I, 1, L or U, and this one has “U”: check the code with your teacher.');
		expect(codeProblem('nope')).toBe('A class code has 6 letters and digits, like K7M-4PX. Check it with your teacher.');
	});
});

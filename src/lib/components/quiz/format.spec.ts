import { describe, expect, it } from 'vitest';
import { sentence } from './format.ts';

describe('answers read out as sentences', () => {
	it('ends a label with a full stop, and an option that has one with no second', () => {
		expect(sentence('Anonymous-source claim')).toBe('Anonymous-source claim.');
		expect(sentence('No: a non-answer.')).toBe('No: a non-answer.');
		expect(sentence('Was it “a denial?”')).toBe('Was it “a denial?”');
	});
});

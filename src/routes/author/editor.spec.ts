import { describe, expect, it } from 'vitest';
import { offsetAt, positionAt } from './editor.ts';

const text = '{\n\t"title": "x",\n\t"format": 1\n}';

describe('lines and columns in the quiz-file box', () => {
	it('finds the offset of a line and column, and back', () => {
		const offset = offsetAt(text, { line: 3, column: 2 });
		expect(text.slice(offset, offset + 8)).toBe('"format"');
		expect(positionAt(text, offset)).toEqual({ line: 3, column: 2 });
		expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
	});

	it('stays inside the text for a line or column past its end', () => {
		expect(offsetAt(text, { line: 9, column: 1 })).toBe(text.length);
		expect(offsetAt(text, { line: 1, column: 40 })).toBe(1);
	});
});

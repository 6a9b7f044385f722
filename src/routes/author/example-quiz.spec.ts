import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateQuizText } from '$lib/quiz/validate.ts';

const example = readFileSync('src/routes/author/example-quiz.json', 'utf8');

describe('the example quiz an author starts from', () => {
	it('is valid, with no warnings', () => {
		const r = validateQuizText(example);
		expect(r.ok ? r.warnings : r.problems).toEqual([]);
	});
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => {
	const r = spawnSync('node_modules/.bin/tsx', ['scripts/quiz-check.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, lines: r.stdout.trim().split('\n') };
};
const FIXTURES = 'src/lib/quiz/fixtures';

// Each run starts tsx and loads the checker: seconds on a busy machine.
describe('npm run quiz:check', { timeout: 30_000 }, () => {
	it('passes the shipped quizzes without a warning', () => {
		const { code, lines } = run();
		expect(code).toBe(0);
		expect(lines.at(-1)).toMatch(/^\d+ files? checked: (\d+) valid, 0 invalid$/);
		expect(lines).toHaveLength(1);
	});

	it('prints one line per problem with file, line and column, and fails when any file is invalid', () => {
		const { code, lines } = run(`${FIXTURES}/valid/few-questions.json`, `${FIXTURES}/invalid/answer-not-a-category.json`);
		expect(code).toBe(1);
		expect(lines).toEqual([
			expect.stringMatching(/^src\/lib\/quiz\/fixtures\/valid\/few-questions\.json:\d+:\d+ warning questions: No question has the answer "non-answer", one of the default categories/),
			expect.stringMatching(/^src\/lib\/quiz\/fixtures\/valid\/few-questions\.json:\d+:\d+ warning questions: /),
			expect.stringMatching(
				/^src\/lib\/quiz\/fixtures\/invalid\/answer-not-a-category\.json:20:4 error questions\[0\]\.answer: The answer "rumour" is not one of the quiz's categories/
			),
			'2 files checked: 1 valid, 1 invalid, 2 warnings'
		]);
	});

	it('passes a file with warnings only, and says when a file cannot be read', () => {
		expect(run(`${FIXTURES}/valid/few-questions.json`).code).toBe(0);
		const missing = run('no/such/quiz.json');
		expect(missing.code).toBe(1);
		expect(missing.lines[0]).toBe('no/such/quiz.json error no such file: check the name and the folder (quiz files live in quizzes/)');
	});
});

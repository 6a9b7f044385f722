/**
 * Warnings: a quiz that works, but teaches less than it could. Each names the
 * questions it is about and stands at a place in the file.
 */
import type { Quiz } from '../schema.ts';
import { giveaways } from './giveaways.ts';
import { problemAt, type Found } from './problem.ts';
import { valueAt } from './zod-issues.ts';

function unusedCategories(quiz: Quiz, data: unknown): Found[] {
	const used = new Set(quiz.questions.flatMap((q) => (q.type === 'classify' ? [q.answer] : [])));
	// A quiz that leaves "categories" out gets the default ones, which stand nowhere in its file.
	const listed = valueAt(data, ['categories']) !== undefined;
	return quiz.categories
		.map((c, i) => ({ c, i }))
		.filter(({ c }) => !used.has(c.id))
		.map(({ c, i }) =>
			listed
				? problemAt('warning', ['categories', i, 'id'], `No question has the answer "${c.id}"`, {
						hint: 'students never see this category as the right answer; add a question for it or remove it'
					})
				: problemAt('warning', ['questions'], `No question has the answer "${c.id}", one of the default categories`, {
						hint: `students never see "${c.label}" as the right answer; add a classify question answered "${c.id}", or list your own "categories" without it`
					})
		);
}

export function warningsFor(quiz: Quiz, data: unknown): Found[] {
	const warnings = [...unusedCategories(quiz, data), ...giveaways(quiz, data)];
	const n = quiz.questions.length;
	if (n < 5)
		warnings.push(
			problemAt('warning', ['questions'], `The quiz has only ${n} question${n === 1 ? '' : 's'}`, {
				expected: 'at least 5 questions',
				hint: 'a short quiz gives students little practice; aim for one question per claim'
			})
		);
	return warnings;
}

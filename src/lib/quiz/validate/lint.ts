/** Warnings: a quiz that works, but teaches less than it could. */
import type { Quiz } from '../schema.ts';
import { problemAt, type Found } from './problem.ts';

export function warningsFor(quiz: Quiz): Found[] {
	const warnings: Found[] = [];
	const used = new Set<string>();
	for (const q of quiz.questions) if (q.type === 'classify') used.add(q.answer);
	quiz.categories.forEach((c, i) => {
		if (!used.has(c.id))
			warnings.push(
				problemAt('warning', ['categories', i], `No question has the answer "${c.id}"`, {
					hint: 'students never see this category as the right answer; add a question for it or remove it'
				})
			);
	});
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

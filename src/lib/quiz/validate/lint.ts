/**
 * Warnings: a quiz that works, but teaches less than it could. Each names the
 * questions it is about and stands at a place in the file.
 */
import type { Quiz } from '../schema.ts';
import { locate, locateAgain } from '../text.ts';
import { giveaways } from './giveaways.ts';
import { problemAt, type Found, type Key } from './problem.ts';
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

/**
 * Quotes that stand in more than one place of the article. The article view
 * lights up the first place only (`locate`), so a student reading the other
 * sees it unmarked.
 */
function foundTwice(quiz: Quiz): Found[] {
	const { paragraphs } = quiz.article;
	const out: Found[] = [];
	const check = (text: string, keys: Key[], what: string) => {
		const again = locateAgain(paragraphs, text);
		if (!again) return;
		const first = locate(paragraphs, text)!.paragraph + 1;
		const second = again.paragraph + 1;
		out.push(
			problemAt('warning', keys, `${what} stands in two places of the article: ${first === second ? `twice in paragraph ${first}` : `paragraphs ${first} and ${second}`}`, {
				expected: 'words found in one place only',
				hint: `students see only its first place lit up, in paragraph ${first}; quote more of the sentence so that it is found once`
			})
		);
	};
	quiz.questions.forEach((q, i) => {
		if (q.type === 'order') q.items.forEach((item, j) => check(item.quote, ['questions', i, 'items', j, 'quote'], 'The claim’s quote'));
		else if (q.quote !== undefined) check(q.quote, ['questions', i, 'quote'], 'The quote');
		q.related?.forEach((passage, j) => check(passage, ['questions', i, 'related', j], 'The related passage'));
	});
	return out;
}

export function warningsFor(quiz: Quiz, data: unknown): Found[] {
	const warnings = [...unusedCategories(quiz, data), ...foundTwice(quiz), ...giveaways(quiz, data)];
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

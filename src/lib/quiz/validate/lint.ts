/**
 * Warnings: a quiz that works, but teaches less than it could. Each names the
 * questions it is about and stands at a place in the file.
 */
import { TODO } from '../placeholder.ts';
import type { Quiz } from '../schema.ts';
import { giveaways } from './giveaways.ts';
import { formatPath, idList, problemAt, type Found, type Key } from './problem.ts';
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

/** Every text an author writes that still starts the draft assistant's placeholder, in file order. */
function placeholders(data: unknown, paragraphs: readonly string[]): { keys: Key[]; at: number }[] {
	const out: { keys: Key[]; at: number }[] = [];
	const walk = (value: unknown, keys: Key[]) => {
		if (typeof value === 'string') {
			const at = value.indexOf(TODO);
			// The article, and passages copied from it, are the publisher's words, not the draft's.
			if (at >= 0 && !paragraphs.some((p) => p.includes(value))) out.push({ keys, at });
		} else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...keys, i]));
		else if (value !== null && typeof value === 'object')
			for (const [k, v] of Object.entries(value)) if (!(keys.length === 1 && keys[0] === 'article' && k === 'paragraphs')) walk(v, [...keys, k]);
	};
	walk(data, []);
	return out;
}

function unwritten(quiz: Quiz, data: unknown): Found[] {
	const found = placeholders(data, quiz.article.paragraphs);
	const first = found[0];
	if (!first) return [];
	const questionIds = [...new Set(found.filter((f) => f.keys[0] === 'questions').map((f) => quiz.questions[Number(f.keys[1])]!.id))];
	const elsewhere = [...new Set(found.filter((f) => f.keys[0] !== 'questions').map((f) => formatPath(f.keys)))];
	const where = [...elsewhere, ...(questionIds.length ? [`question${questionIds.length === 1 ? '' : 's'} ${idList(questionIds)}`] : [])];
	return [
		problemAt('warning', first.keys, `The quiz still holds ${found.length === 1 ? 'a' : found.length} "${TODO}" placeholder${found.length === 1 ? '' : 's'} from the draft`, {
			found: `"${TODO}" in ${where.join(' and in ')}`,
			expected: 'texts written for students',
			hint: `students would read "${TODO}" on screen; write each of these texts, checking the label it explains, then check again`,
			at: first.at
		})
	];
}

export function warningsFor(quiz: Quiz, data: unknown): Found[] {
	const warnings = [...unusedCategories(quiz, data), ...unwritten(quiz, data), ...giveaways(quiz, data)];
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

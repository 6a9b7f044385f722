import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from './categories.ts';
import { LIMITS } from './limits.ts';
import { QuizSchema } from './schema.ts';
import {
	ArticleSchema,
	CategorySchema,
	ChoiceQuestionSchema,
	ClassifyQuestionSchema,
	CueQuestionSchema,
	OrderItemSchema,
	OrderQuestionSchema,
	QUESTION_TYPES
} from './schema/shapes.ts';
import { wordList } from './text.ts';

const guide = readFileSync('docs/authoring.md', 'utf8');
const blocks = [...guide.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
/** Rows of the table that follows a heading, as arrays of cells. */
const table = (heading: string) => {
	const at = guide.indexOf(`${heading}\n`);
	const rows = guide.slice(at).split('\n\n').find((part) => part.startsWith('|')) ?? '';
	return rows
		.split('\n')
		.slice(2)
		.map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
};

describe('docs/authoring.md', () => {
	it('gives, to copy, exactly the example quiz the preview page loads', () => {
		const example = readFileSync('src/routes/author/example-quiz.json', 'utf8');
		expect(blocks).toContain(example.trimEnd());
	});

	it('states every limit as the checker enforces it', () => {
		const stated = Object.fromEntries(
			table('### Limits, all in one place').map(([name, , limit]) => [name!.replaceAll('`', ''), Number(limit!.split(' ')[0]!.replaceAll(',', ''))])
		);
		expect(stated).toEqual({ ...LIMITS });
	});

	it('lists the default categories as the app has them', () => {
		const rows = table('Unless a quiz says otherwise, students choose from three categories:');
		expect(rows.map(([id, label, definition]) => ({ id: id!.replaceAll('`', ''), label, definition }))).toEqual(DEFAULT_CATEGORIES);
	});

	it('shows custom categories that are valid, and are those of the Eastfield quiz', () => {
		const block = blocks.find((b) => b.startsWith('"categories"'))!;
		const categories = (JSON.parse(`{${block}}`) as { categories: unknown[] }).categories;
		expect(CategorySchema.array().parse(categories)).toHaveLength(4);
		const eastfield = QuizSchema.parse(JSON.parse(readFileSync('quizzes/eastfield-library-closure.json', 'utf8')));
		expect(categories).toEqual(eastfield.categories);
	});

	it('describes every field of the format', () => {
		const fields = [
			...Object.keys(QuizSchema.shape),
			...Object.keys(ArticleSchema.shape),
			...Object.keys(CategorySchema.shape),
			...Object.keys(ClassifyQuestionSchema.shape),
			...Object.keys(CueQuestionSchema.shape),
			...Object.keys(ChoiceQuestionSchema.shape),
			...Object.keys(OrderQuestionSchema.shape)
		];
		const missing = [...new Set(fields)].filter((f) => !guide.includes(`| \`${f}\` |`));
		expect(missing).toEqual([]);
		for (const f of Object.keys(OrderItemSchema.shape)) expect(guide).toContain(`"${f}": "…"`);
	});

	it('introduces the example quiz with the kinds of question it holds, out of all there are', () => {
		const example = JSON.parse(readFileSync('src/routes/author/example-quiz.json', 'utf8')) as { questions: { type: string }[] };
		const kinds = [...new Set(example.questions.map((q) => q.type))];
		const number = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
		const intro = guide.slice(guide.indexOf('## A complete small quiz to copy')).split('\n\n')[1]!.replaceAll('\n', ' ');
		expect(intro).toContain(`${number[example.questions.length]!.replace(/^./, (c) => c.toUpperCase())} questions`);
		expect(intro).toContain(`${number[kinds.length]} of the ${number[QUESTION_TYPES.length]} kinds of question`);
		expect(intro).toContain(wordList(kinds.map((k) => `\`${k}\``)));
	});

	it('shows an order question that is valid', () => {
		const at = guide.indexOf('### `order` only');
		const block = guide.slice(at).match(/```\n(\{[\s\S]*?\})\n```/)![1]!;
		const example = JSON.parse(readFileSync('src/routes/author/example-quiz.json', 'utf8')) as { questions: unknown[] };
		example.questions.push(JSON.parse(block));
		expect(QuizSchema.safeParse(example).error?.issues ?? []).toEqual([]);
	});
});

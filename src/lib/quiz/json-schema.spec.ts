import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, SCHEMA_REF, quizJsonSchema, quizJsonSchemaText } from './json-schema.ts';
import { QuizSchema } from './schema.ts';
import { ArticleSchema } from './schema/shapes.ts';

const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, any>;
const quizFiles = readdirSync('quizzes').filter((f) => f.endsWith('.json'));

describe('the published JSON Schema', () => {
	it('is up to date with the zod schema (run `npm run quiz:schema` when this fails)', () => {
		expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(quizJsonSchemaText());
	});

	it('has the fields of the zod schema, with optional and defaulted ones not required', () => {
		const shape = QuizSchema.shape;
		expect(Object.keys(published.properties)).toEqual(Object.keys(shape));
		const required = Object.entries(shape)
			.filter(([, s]) => !s.safeParse(undefined).success)
			.map(([key]) => key);
		expect(published.required).toEqual(required);
		expect(published.required).not.toContain('categories');
		expect(published.required).not.toContain('language');
		expect(published.additionalProperties).toBe(false);
		expect(Object.keys(published.properties.article.properties)).toEqual(Object.keys(ArticleSchema.shape));
	});

	it('allows "$schema", so a quiz file can point editors at it', () => {
		expect(published.properties.$schema).toMatchObject({ type: 'string' });
	});

	it('offers the four question types, each closed to unknown fields', () => {
		const types = published.properties.questions.items.oneOf as Record<string, any>[];
		expect(types.map((t) => t.properties.type.const)).toEqual(['classify', 'cue', 'choice', 'order']);
		for (const t of types) expect(t.additionalProperties).toBe(false);
	});

	it('describes every field of a quiz for editors to show', () => {
		const undescribed: string[] = [];
		const visit = (node: Record<string, any>, at: string) => {
			for (const [key, value] of Object.entries(node.properties ?? {})) {
				if (!(value as Record<string, unknown>).description && key !== 'type') undescribed.push(`${at}.${key}`);
				visit(value as Record<string, any>, `${at}.${key}`);
				if ((value as Record<string, any>).items) {
					const items = (value as Record<string, any>).items;
					for (const [i, v] of (items.oneOf ?? [items]).entries()) visit(v, `${at}.${key}[${i}]`);
				}
			}
		};
		visit(quizJsonSchema(), '');
		expect(undescribed).toEqual([]);
	});
});

describe.each(quizFiles)('quizzes/%s', (file) => {
	const text = readFileSync(`quizzes/${file}`, 'utf8');

	it('names the schema for editors and parses with the quiz schema', () => {
		const data = JSON.parse(text) as Record<string, unknown>;
		expect(data.$schema).toBe(SCHEMA_REF);
		expect(QuizSchema.safeParse(data).error?.issues ?? []).toEqual([]);
	});
});

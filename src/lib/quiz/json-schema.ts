/**
 * The published JSON Schema of quiz format v1, generated from the zod schema
 * so the two cannot drift. Editors use it to complete and underline quiz
 * files; the cross-checks (verbatim quotes, references between ids) cannot
 * be written in JSON Schema, so only `npm run quiz:check` and the build run them.
 */
import { z } from 'zod';
import { QuizSchema } from './schema.ts';

/** Where the schema is served, and checked in. */
export const SCHEMA_FILE = 'static/quiz.schema.json';
/** What a file in quizzes/ puts in "$schema": relative, so editors find it in a checkout. */
export const SCHEMA_REF = '../static/quiz.schema.json';

export function quizJsonSchema(): Record<string, unknown> {
	// Input, not output: optional and defaulted fields are optional to an author.
	// Draft 7 is the draft that editors (VS Code, JetBrains) support best.
	return z.toJSONSchema(QuizSchema, { io: 'input', target: 'draft-07' }) as Record<string, unknown>;
}

export function quizJsonSchemaText(): string {
	return `${JSON.stringify(quizJsonSchema(), null, '\t')}\n`;
}

/**
 * Quiz format v1: the one definition of what a quiz file may hold. Types are
 * inferred from it, the published JSON Schema is generated from it, and every
 * quiz file, upload and request body is checked against it. The parts live in
 * schema/: the shapes, the cross-checks between fields, the answer wire format.
 *
 * Validation-only code: it pulls zod into a bundle, so student pages import
 * types from here (`import type`) and never values.
 */
import type { z } from 'zod';
import { AnswerSchema } from './schema/answer.ts';
import { crossCheck } from './schema/cross-checks.ts';
import { isObject } from './schema/soundness.ts';
import type { ChoiceQuestionSchema, ClassifyQuestionSchema, CueQuestionSchema, OrderQuestionSchema } from './schema/shapes.ts';
import { QuizShape } from './schema/shapes.ts';

export const QuizSchema = QuizShape.superRefine(crossCheck, {
	// zod skips a refinement once the shape has a problem; this runs it on
	// whatever object was given, and Soundness keeps it to the parts that parsed.
	when: (payload) => isObject(payload.value)
}).meta({
	title: 'Who Says? quiz file (format 1)',
	description:
		'A news article and questions about who says each claim. Guide: docs/authoring.md. Checked in full by `npm run quiz:check`, which also checks that quotes are verbatim.'
});

export type Quiz = z.output<typeof QuizSchema>;
export type QuizInput = z.input<typeof QuizSchema>;
export type Article = Quiz['article'];
export type Category = Quiz['categories'][number];
export type Question = Quiz['questions'][number];
export type ClassifyQuestion = z.output<typeof ClassifyQuestionSchema>;
export type CueQuestion = z.output<typeof CueQuestionSchema>;
export type ChoiceQuestion = z.output<typeof ChoiceQuestionSchema>;
export type OrderQuestion = z.output<typeof OrderQuestionSchema>;

// The server's request parsing and the player take the answer format from
// here, beside the quiz it answers.
export { AnswerSchema };
export type Answer = z.output<typeof AnswerSchema>;

/** What a student sends as an answer: one wire format for the browser and the server. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { id } from './fields.ts';

const marked = z.array(z.int().min(0).max(500)).max(500);

export const AnswerSchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('classify'), category: id('The category'), marked: marked.optional() }),
	z.strictObject({ type: z.literal('cue'), marked }),
	z.strictObject({ type: z.literal('choice'), option: id('The option') }),
	z.strictObject({
		type: z.literal('order'),
		// The claims' ids, best supported first; grading checks they are the question's.
		order: z
			.array(id('A claim id'))
			.min(1)
			.max(LIMITS.orderItems)
			.refine((ids) => new Set(ids).size === ids.length, { error: 'Each claim may stand in the order once' })
	})
]);

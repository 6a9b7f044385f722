/** What a student sends as an answer, and what the server replies: one wire format for the browser and the server. */
import { z } from 'zod';
import type { Graded } from '../grading.ts';
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

/** The server's reply to an answer in an assignment. */
export type AnswerReply =
	/** Practice mode: the verdict, with everything the feedback shows. */
	| { status: 'graded'; graded: Graded }
	/** Test mode: stored, and nothing revealed until the attempt is finished. */
	| { status: 'recorded' }
	/** Test mode: not stored, because an answer sent later (a higher seq, from another tab say) stands. */
	| { status: 'superseded' };

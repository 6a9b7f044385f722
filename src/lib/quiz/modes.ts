/**
 * How a run of the quiz gives feedback: after each answer ("practice") or
 * only at the end ("test"). Open practice (a quiz played from the home page,
 * with no class) offers both; an assignment fixes one.
 */
export const FEEDBACK_MODES = ['practice', 'test'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

export function isFeedbackMode(value: unknown): value is FeedbackMode {
	return value === 'practice' || value === 'test';
}

/**
 * What the draft page keeps in its tab so a reload loses nothing, and the
 * label sets it drafts with. Read back with a check, since a tab's storage
 * outlives the code that wrote it.
 */
import { DEFAULT_CATEGORIES, FOUR_CATEGORIES } from '$lib/quiz/categories.ts';
import type { DraftCategory } from '$lib/tagger';
import type { Choice } from '$lib/tagger/review.ts';

/** The labels students choose from: the three, or those and a named-source claim. */
export type LabelSet = 'three' | 'four';
export const LABEL_SETS: Readonly<Record<LabelSet, readonly DraftCategory[]>> = { three: DEFAULT_CATEGORIES, four: FOUR_CATEGORIES };

/** A draft as kept in the tab; checked when read back, since storage outlives this code. */
export interface Kept {
	text: string;
	headline: string;
	outlet: string;
	/** Absent in drafts kept before there was a choice: three. */
	labels?: LabelSet;
	tagged: string | null;
	choices: Choice[];
}

export function isKept(value: unknown): value is Kept {
	const v = value as Partial<Record<keyof Kept, unknown>> | null;
	const isChoice = (c: unknown) => {
		const o = c as Partial<Record<keyof Choice, unknown>> | null;
		return typeof o === 'object' && o !== null && typeof o.category === 'string' && typeof o.reviewed === 'boolean' && typeof o.included === 'boolean';
	};
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.text === 'string' &&
		typeof v.headline === 'string' &&
		typeof v.outlet === 'string' &&
		(v.labels === undefined || v.labels === 'three' || v.labels === 'four') &&
		(v.tagged === null || typeof v.tagged === 'string') &&
		Array.isArray(v.choices) &&
		v.choices.every(isChoice)
	);
}

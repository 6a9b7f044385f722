/**
 * The new-assignment form as the teacher left it, kept in this tab so that a
 * reload or Back loses nothing, until the assignment is made. Checked when
 * read back, since a tab's storage outlives the code that wrote it.
 */
import { forgetInTab, keepInTab, readFromTab } from '$lib/client/tab-storage.ts';

export interface FormFields {
	/** Undefined until chosen: the bound select then takes the option the page shows. */
	quizSlug: string | undefined;
	title: string;
	mode: string;
	order: string;
	attemptsAllowed: string;
	opensAt: string;
	closesAt: string;
}

const KEY = 'whosays:new-assignment';

export const keepForm = (fields: FormFields) => keepInTab(KEY, fields);

/** Made: the next visit starts a fresh form. */
export const forgetForm = () => forgetInTab(KEY);

/** `fields` with what this tab kept in their place, each value only where it still fits (a quiz still offered). */
export function keptForm(fields: FormFields, quizSlugs: readonly string[]): FormFields {
	const kept = readFromTab(KEY) as Partial<Record<keyof FormFields, unknown>> | null | undefined;
	if (typeof kept !== 'object' || kept === null) return fields;
	const text = <K extends keyof FormFields>(name: K, fits: (v: string) => boolean = () => true): FormFields[K] => {
		// A number field bound in Svelte holds a number.
		const v = typeof kept[name] === 'number' ? String(kept[name]) : kept[name];
		return typeof v === 'string' && fits(v) ? (v as FormFields[K]) : fields[name];
	};
	return {
		quizSlug: text('quizSlug', (v) => quizSlugs.includes(v)),
		title: text('title'),
		mode: text('mode', (v) => v === 'practice' || v === 'test'),
		order: text('order', (v) => v === 'fixed' || v === 'shuffled'),
		attemptsAllowed: text('attemptsAllowed'),
		opensAt: text('opensAt'),
		closesAt: text('closesAt')
	};
}

/**
 * The quiz file an author is working on, kept in this tab so that a reload
 * loses nothing. Checked when read back, since a tab's storage outlives the
 * code that wrote it (zod stays off this page's first load: see +page.svelte).
 */
import { keepInTab, readFromTab } from '$lib/client/tab-storage.ts';

export interface KeptFile {
	text: string;
	fileName: string;
}

const KEY = 'whosays:author-file';

export function keepFile(file: KeptFile): void {
	keepInTab(KEY, { text: file.text, fileName: file.fileName });
}

/** The file this tab kept, if it kept one with any text in it. */
export function keptFile(): KeptFile | undefined {
	const v = readFromTab(KEY) as Partial<Record<keyof KeptFile, unknown>> | null | undefined;
	if (typeof v !== 'object' || v === null || typeof v.text !== 'string' || typeof v.fileName !== 'string') return undefined;
	return v.text.trim() === '' ? undefined : { text: v.text, fileName: v.fileName };
}

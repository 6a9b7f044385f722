/**
 * A file's bytes as text, read the same way by the build, the checker, the
 * Write-a-quiz page (a quiz file) and the draft page (an article): UTF-8,
 * with or without a byte-order mark. Any other file gets a message saying
 * what it looks like and how to save it.
 */
import type { Problem } from './validate/problem.ts';

export type FileText = { ok: true; text: string } | { ok: false; problem: Problem };

/** Files an author may pick by mistake, by their first bytes. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
	// .docx, .odt and .zip all start so.
	{ bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a Word document or another zipped file' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word document' }
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const refused = (message: string, found: string, hint: string): FileText => ({
	ok: false,
	problem: { severity: 'error', path: '', message, found, expected: 'a text file saved as UTF-8', hint }
});

/** What the file should be, in the author's words, and how to save one. */
interface Kind {
	noun: string;
	saveAsText: string;
}

const QUIZ: Kind = {
	noun: 'a quiz file',
	saveAsText: 'save the quiz from a plain-text editor (Notepad, TextEdit in plain-text mode, VS Code) as a .json file'
};

const ARTICLE: Kind = {
	noun: 'plain text',
	saveAsText: 'save the article as plain text (.txt): in Word, “Save as” then “Plain Text”; or copy its text and paste it into the box'
};

export function quizFileText(bytes: Uint8Array): FileText {
	const read = textOf(bytes, QUIZ);
	if (!read.ok || read.text.trim() !== '') return read;
	return {
		ok: false,
		problem: {
			severity: 'error',
			path: '',
			message: 'The file is empty',
			found: bytes.length ? 'only spaces and line breaks' : 'no text at all',
			expected: 'a quiz: an object { ... }',
			hint: 'check that you saved your work in this file; or start from the example in docs/authoring.md'
		}
	};
}

/** An article for the draft page; an empty one is left to the tagger, which says so. */
export function articleFileText(bytes: Uint8Array): FileText {
	return textOf(bytes, ARTICLE);
}

/**
 * UTF-16 without its byte-order mark: ASCII letters with a zero byte beside
 * each, on the same side, in most of the first pairs.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const pairs = Math.min(256, Math.floor(bytes.length / 2));
	if (pairs < 2) return false;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < pairs; i++) {
		const [a, b] = [bytes[2 * i]!, bytes[2 * i + 1]!];
		if (a === 0 && b !== 0) even++;
		if (b === 0 && a !== 0) odd++;
	}
	return Math.max(even, odd) >= pairs * 0.6;
}

function textOf(bytes: Uint8Array, kind: Kind): FileText {
	const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
	if (known) return refused(`The file is ${known.what}, not ${kind.noun}`, known.what, kind.saveAsText);
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksLikeUtf16(bytes))
		return refused(
			'The file is saved as UTF-16 text, which this site does not read',
			'UTF-16 (Notepad calls it “Unicode”)',
			'save it again as UTF-8: in Notepad, “Save as”, then Encoding: UTF-8'
		);
	if (bytes.includes(0)) return refused('The file is not text: it holds binary data', 'binary data', kind.saveAsText);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return refused(
			'The file is not saved as UTF-8, so some of its letters cannot be read',
			'text in another encoding (such as Windows-1252)',
			'save it again as UTF-8; curly quotes and accents then come through as they are'
		);
	}
	// A file saved by a Windows editor may start with a byte-order mark.
	return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

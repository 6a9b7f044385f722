import { describe, expect, it } from 'vitest';
import { articleFileText, quizFileText } from './file-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
const message = (bytes: Uint8Array) => {
	const r = quizFileText(bytes);
	return r.ok ? null : `${r.problem.message} (${r.problem.hint})`;
};

describe('a quiz file read from its bytes', () => {
	it('reads UTF-8, with or without a byte-order mark', () => {
		expect(quizFileText(utf8('{"title": “x”}'))).toEqual({ ok: true, text: '{"title": “x”}' });
		expect(quizFileText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')]))).toEqual({ ok: true, text: '{}' });
	});

	it('tells an author who saved as Notepad’s “Unicode” to save as UTF-8, with its byte-order mark or without', () => {
		const said = 'The file is saved as UTF-16 text, which this site does not read (save it again as UTF-8: in Notepad, “Save as”, then Encoding: UTF-8)';
		expect(message(utf16le('{"title": "x"}'))).toBe(said);
		expect(message(utf16le('{"title": "x"}').slice(2))).toBe(said);
		const bigEndian = utf16le('{"title": "x"}').slice(2).map((_, i, all) => all[i ^ 1]!);
		expect(message(bigEndian)).toBe(said);
		// Binary data with zero bytes here and there is not taken for text.
		expect(message(new Uint8Array([1, 0, 0, 2, 3, 0, 0, 0, 7, 8, 0, 0]))).toMatch(/^The file is not text/);
	});

	it('names a picture or a document picked by mistake', () => {
		expect(message(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatch(/^The file is a PNG image, not a quiz file/);
		expect(message(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toMatch(/^The file is a Word document or another zipped file/);
		expect(message(new Uint8Array([0x7b, 0, 0x7d]))).toMatch(/^The file is not text: it holds binary data/);
	});

	it('says a file is empty rather than checking nothing', () => {
		expect(message(utf8(' \n'))).toBe('The file is empty (check that you saved your work in this file; or start from the example in docs/authoring.md)');
		expect(message(new Uint8Array())).toMatch(/^The file is empty/);
	});

	it('refuses text in another encoding rather than garbling its curly quotes', () => {
		// “x” in Windows-1252.
		expect(message(new Uint8Array([0x7b, 0x93, 0x78, 0x94, 0x7d]))).toMatch(/^The file is not saved as UTF-8/);
	});
});

describe('an article read from its bytes', () => {
	const said = (bytes: Uint8Array) => {
		const r = articleFileText(bytes);
		return r.ok ? r.text : `${r.problem.message} (${r.problem.hint})`;
	};

	it('reads UTF-8 as the quiz files are, and leaves an empty one for the tagger to name', () => {
		expect(said(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Ferry fares rise')]))).toBe('Ferry fares rise');
		expect(articleFileText(new Uint8Array())).toEqual({ ok: true, text: '' });
	});

	it('names a Word document or UTF-16 text, and says how to save the article as plain text', () => {
		expect(said(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe(
			'The file is a Word document or another zipped file, not plain text (save the article as plain text (.txt): in Word, “Save as” then “Plain Text”; or copy its text and paste it into the box)'
		);
		expect(said(utf16le('Ferry'))).toMatch(/^The file is saved as UTF-16 text/);
	});
});

/**
 * CSV that opens cleanly in Excel, LibreOffice and Google Sheets: RFC 4180
 * quoting with CRLF line ends, a UTF-8 byte order mark (without it Excel reads
 * "Zoë" as "ZoÃ«"), and text that a spreadsheet would run as a formula made
 * inert with a leading apostrophe (OWASP's advice on CSV injection). Numbers
 * are written as numbers, so a negative one is never mistaken for a formula.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvValue[])[]): string {
	return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * A Content-Disposition header for a download named `name` (RFC 6266): an
 * ASCII fallback for old clients and the UTF-8 name for the rest, so a class
 * called "Łódź 7B" downloads as "Łódź-7B-results.csv" and never breaks the header.
 */
export function attachment(name: string): string {
	const fallback = name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
	const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The results file's name: the class's title in letters, digits and hyphens.
 * A title with none (all emoji, say) is named by its class code, so two such
 * classes do not download under one name.
 */
export function resultsFileName(title: string, code: string): string {
	const name = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || `class-${code}`;
	return `${name}-results.csv`;
}

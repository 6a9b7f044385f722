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

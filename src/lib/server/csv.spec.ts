import { describe, expect, it } from 'vitest';
import { attachment, csvCell, csvText, resultsFileName } from './csv.ts';

describe('CSV cells', () => {
	it('quote commas, quotes and line breaks as RFC 4180 says', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
		expect(csvCell('the "minutes"')).toBe('"the ""minutes"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
	});

	it('defuse text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-1+2')).toBe("'-1+2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\r=1')).toBe(`"'\r=1"`);
		expect(csvCell('O’Brien-Smith')).toBe('O’Brien-Smith');
	});

	it('write numbers as numbers and leave blanks empty', () => {
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(0.5)).toBe('0.5');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});
});

describe('CSV text', () => {
	it('starts with a UTF-8 byte order mark and ends every row with CRLF', () => {
		const text = csvText([
			['Name', 'Score'],
			['Zoë', 1]
		]);
		expect(text).toBe('\uFEFFName,Score\r\nZoë,1\r\n');
		expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});
});

describe('the download header', () => {
	it('names the file in any script (RFC 6266), with an ASCII fallback, and stays a valid header', () => {
		for (const name of ['Łódź 7B-results.csv', 'Класс 5-results.csv', '新闻课-results.csv', 'الصف-results.csv', 'He said "no"-results.csv']) {
			const header = attachment(name);
			expect(() => new Headers({ 'content-disposition': header }), name).not.toThrow();
			expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
			expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name);
		}
		expect(attachment('Łódź 7B-results.csv')).toContain('filename="_odz 7B-results.csv"');
	});
});

describe('the results file name', () => {
	it('is the title in letters, digits and hyphens, or the class code when the title has none', () => {
		expect(resultsFileName('Łódź 7B: period 2', 'K7M4PX')).toBe('Łódź-7B-period-2-results.csv');
		expect(resultsFileName('🙂🙂', 'K7M4PX')).toBe('class-K7M4PX-results.csv');
	});
});

import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './report-csv.js';

describe('CSV for spreadsheets', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('Loket 1')).toBe('Loket 1');
    expect(csvField('Akta, legalisir')).toBe('"Akta, legalisir"');
    expect(csvField('Kartu "KK"')).toBe('"Kartu ""KK"""');
    expect(csvField('dua\nbaris')).toBe('"dua\nbaris"');
  });
  it('writes numbers plainly and nothing for a missing value', () => {
    expect(csvField(1050)).toBe('1050');
    expect(csvField(90.5)).toBe('90.5');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('1');
  });
  it('keeps typed text from being read as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-loket')).toBe("'-loket");
  });
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});

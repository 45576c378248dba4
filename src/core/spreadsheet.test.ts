import { describe, expect, it } from 'vitest';
import { csvLine, neutralizeCell } from './spreadsheet.ts';

describe('spreadsheet export safety', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const evil of ['=1+1', '+84912', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])
      expect(String(neutralizeCell(evil)).startsWith("'")).toBe(true);
    // Found by the hardening review: a zero-width space, a BOM or a full-width sign in front bypassed the check.
    for (const evil of ['\u200B=1+1', '\uFEFF=HYPERLINK("x")', ' =1', '＝1+1', '＋84', '＠SUM(A1)'])
      expect(String(neutralizeCell(evil)).startsWith("'"), JSON.stringify(evil)).toBe(true);
    expect(neutralizeCell('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(neutralizeCell('Thôn Nà Hoa - xóm 2')).toBe('Thôn Nà Hoa - xóm 2');
    expect(neutralizeCell(42)).toBe(42);
  });
  it('quotes CSV cells with separators, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', '=cmd'])).toBe('"a,b","say ""hi""","x\ny",\'=cmd');
  });
});

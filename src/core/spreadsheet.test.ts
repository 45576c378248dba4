import { describe, expect, it } from 'vitest';
import { csvLine, neutralizeCell } from './spreadsheet.ts';

describe('spreadsheet export safety', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const evil of ['=1+1', '+84912', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])
      expect(String(neutralizeCell(evil)).startsWith("'")).toBe(true);
    expect(neutralizeCell('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(neutralizeCell(42)).toBe(42);
  });
  it('quotes CSV cells with separators, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', '=cmd'])).toBe('"a,b","say ""hi""","x\ny",\'=cmd');
  });
});

import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

/**
 * Spreadsheet safety for exports: a cell that begins with = + - @ (or a tab / carriage return) would be read
 * as a formula by Excel or LibreOffice (CSV injection, OWASP). Such text gets a leading apostrophe — also when
 * invisible characters (zero-width, BOM, spaces) come first or the sign is written full-width (＝ ＋ － ＠),
 * which spreadsheet programs may fold to the ASCII sign.
 */
const FORMULA_START = /^[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

export function neutralizeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV line (RFC 4180 quoting), cells neutralised. */
export function csvLine(cells: unknown[], delimiter = ','): string {
  return cells
    .map((c) => {
      const v = neutralizeCell(c);
      const text = v === null ? '' : String(v);
      return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(delimiter);
}

let excelJs: typeof ExcelJSModule | undefined;
/**
 * exceljs, loaded on first use: loading it takes ≈ 0.4 s, which every CLI command (and every off-thread
 * task) would pay at start-up even when it reads or writes no workbook.
 */
export function excel(): typeof ExcelJSModule {
  excelJs ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJSModule;
  return excelJs;
}

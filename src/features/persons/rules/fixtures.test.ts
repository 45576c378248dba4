/** The committed fixtures (test/fixtures/persons, made by make-fixtures.ts) read as the rules expect. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectHeader, isSignatureRow, type PersonField } from './headers.ts';
import { validatePersonRow } from './person-row.ts';

const folder = new URL('../../../../test/fixtures/persons/', import.meta.url);
interface ExpectedRow {
  row: number;
  expected: { ok: boolean; errors?: string[]; person?: Record<string, unknown>; warnings?: number };
}
const spec = JSON.parse(fs.readFileSync(new URL('expected.json', folder), 'utf8')) as {
  today: string;
  villages: { id: number; name: string }[];
  files: Record<string, { headerRow?: number; footerFrom?: number; rows?: ExpectedRow[]; columns?: number }>;
};
const ctx = { today: new Date(`${spec.today}T00:00:00Z`), villages: spec.villages };

/** Rows as 0-based arrays; row i of the result is Excel row i + 1. */
async function readSheet(name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(new URL(name, folder).pathname);
  const ws = wb.worksheets[0]!;
  return Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
}

function readCsv(name: string): string[][] {
  const text = fs.readFileSync(new URL(name, folder), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

function checkRows(rows: unknown[][], file: string) {
  const header = detectHeader(rows);
  expect(header?.headerRow).toBe(spec.files[file]!.headerRow! - 1);
  for (const { row, expected } of spec.files[file]!.rows!) {
    const cells: Partial<Record<PersonField, unknown>> = {};
    for (const c of header!.columns) if (c.field) cells[c.field] = rows[row - 1]?.[c.index];
    const result = validatePersonRow(cells, ctx);
    const seen = result.ok
      ? {
          row,
          ok: true,
          warnings: result.warnings.length,
          person: expect.objectContaining(expected.person ?? {}),
        }
      : { row, ok: false, errors: result.errors.map((e) => e.field) };
    const want = expected.ok
      ? { row, ok: true, warnings: expected.warnings ?? 0, person: expected.person ?? {} }
      : { row, ok: false, errors: expected.errors };
    if (result.ok) expect({ ...seen, person: result.person }).toEqual({ ...want, person: seen.person });
    else expect(seen).toEqual(want);
  }
  return header!;
}

describe('person-list fixtures', () => {
  it('danh-sach-thon-na-hoa.xlsx: titles, shuffled headers, every date and ID form, two bad rows', async () => {
    const rows = await readSheet('danh-sach-thon-na-hoa.xlsx');
    const header = checkRows(rows, 'danh-sach-thon-na-hoa.xlsx');
    expect(header.columns.map((c) => c.field)).toEqual([
      null,
      'fullName',
      'sex',
      'birthDate',
      'nationalId',
      'village',
      'phone',
      'note',
    ]);
    const expected = spec.files['danh-sach-thon-na-hoa.xlsx']!;
    expect(expected.rows!.filter((r) => !r.expected.ok)).toHaveLength(2);
    const footer = expected.footerFrom! - 1;
    expect(isSignatureRow(rows[footer]!)).toBe(true);
    expect(rows.slice(header.headerRow + 1, footer).some((r) => isSignatureRow(r))).toBe(false);
    // the blank row in the middle of the table
    expect(rows.slice(header.headerRow + 1, footer - 1).filter((r) => r.every((c) => c == null)).length).toBe(
      1,
    );
  });

  it('danh-sach-nam-nu.xlsx: birth dates under Nam or Nữ, header over two rows', async () => {
    const header = checkRows(await readSheet('danh-sach-nam-nu.xlsx'), 'danh-sach-nam-nu.xlsx');
    expect(header.columns.map((c) => c.field)).toEqual([
      null,
      'fullName',
      'birthDateMale',
      'birthDateFemale',
      'nationalId',
      'relationToHead',
      'village',
      'note',
    ]);
  });

  it('danh-sach.csv: UTF-8 with BOM, semicolons, headers without diacritics', () => {
    expect(fs.readFileSync(new URL('danh-sach.csv', folder)).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    const header = checkRows(readCsv('danh-sach.csv'), 'danh-sach.csv');
    expect(header.columns.map((c) => c.field)).toEqual([
      'fullName',
      'birthDate',
      'nationalId',
      'phone',
      'village',
    ]);
  });

  it('bad-utf8.csv: is not valid UTF-8', () => {
    const bytes = fs.readFileSync(new URL('bad-utf8.csv', folder));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('wide-100-columns.xlsx: 100 columns, the person columns still found', async () => {
    const rows = await readSheet('wide-100-columns.xlsx');
    const header = detectHeader(rows);
    expect(header?.headerRow).toBe(2);
    expect(header?.columns).toHaveLength(100);
    expect(header?.columns.filter((c) => c.field).map((c) => c.field)).toEqual([
      'fullName',
      'birthDate',
      'sex',
      'nationalId',
      'phone',
      'village',
    ]);
  });
});

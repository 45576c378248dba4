import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { readTable } from '../../src/core/import/read-table.ts';
import { checkZip } from '../../src/core/zip-guard.ts';
import type { AdminUnitTable } from '../../src/db/schema.ts';
import { extractLetterText } from '../../src/features/directives/extract-text.ts';
import { tryParseDocument } from '../../src/features/directives/rules/parse-document.ts';
import { cellText } from '../../src/features/persons/rules/cell.ts';
import { detectHeader, isSignatureRow, PERSON_FIELDS } from '../../src/features/persons/rules/headers.ts';
import { validatePersonRow } from '../../src/features/persons/rules/person-row.ts';
import { doseRowReader } from '../../src/features/vaccination/import/dose-row.ts';
import { readDoseDate, readDoseNumber } from '../../src/features/vaccination/rules/dose-cells.ts';
import { doseGroups } from '../../src/features/vaccination/rules/dose-groups.ts';
import { detectDoseHeader } from '../../src/features/vaccination/rules/dose-headers.ts';
import { VACCINE_IDS } from '../../src/features/vaccination/rules/vaccines.ts';
import { fuzzParameters, fuzzTimeout, text } from '../support/fuzz.ts';

/**
 * Every reader of an uploaded file, fed damaged copies of real files and arbitrary bytes, text and cells: each
 * reads them or refuses them with a 4xx AppError; nothing else escapes (a TypeError would be a 500).
 */
const fixture = (name: string) => fs.readFileSync(path.join('test/fixtures', name));
const XLSX = [fixture('persons/danh-sach-nam-nu.xlsx'), fixture('doses/mui-tiem-huu-lung.xlsx')];
const CSV = [fixture('persons/danh-sach.csv'), fixture('doses/mui-tiem.csv')];
const DOCX = fixture('letters/000.docx');
const LETTERS = fs
  .readdirSync('test/fixtures/letters')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fixture(`letters/${f}`).toString('utf8'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of `bytes` with a few bytes changed, a slice cut out, or cut short. */
const damaged = (bytes: Buffer) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.nat(bytes.length),
      fc.nat(bytes.length),
      fc.constantFrom('flip', 'cut', 'truncate'),
    )
    .map(([flips, a, b, how]) => {
      if (how === 'truncate') return bytes.subarray(0, a);
      if (how === 'cut')
        return Buffer.concat([bytes.subarray(0, Math.min(a, b)), bytes.subarray(Math.max(a, b))]);
      const copy = Buffer.from(bytes);
      for (const [at, value] of flips) copy[at] = value;
      return copy;
    });

const bytesOf = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((s) => Buffer.from(s, 'utf8'));

/** Cells as exceljs and csv-parse hand them over, odd ones included. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  text(30),
  fc.constantFrom(
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Nam',
    'Nữ',
    'Số CCCD',
    'Thôn',
    'Mũi 1',
    'Ngày tiêm M2',
    'Vắc xin',
    'Loại mũi',
    'Xã',
    'Huyện',
    'Tỉnh',
    'Số điện thoại',
    'Ghi chú',
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.date({ noInvalidDate: false }),
  fc.record({
    formula: fc.string(),
    result: fc.oneof(fc.constant(undefined), text(10), fc.double(), fc.date({ noInvalidDate: false })),
  }),
  fc.record({
    richText: fc.array(fc.record({ text: fc.oneof(text(10), fc.constant(undefined)) }), { maxLength: 3 }),
  }),
  fc.record({ text: text(10), hyperlink: fc.string() }),
  fc.record({ error: fc.constantFrom('#N/A', '#REF!', '#DIV/0!') }),
  fc.jsonValue({ maxDepth: 1 }),
);
const rows = fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 24 });

/** Passes when `run` returns, or refuses with a 4xx AppError. */
async function readsOrRefuses(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
  }
}

describe('fuzzing the file readers', () => {
  let n = 0;
  const readAll = async (bytes: Buffer, name: string) => {
    const file = path.join(dir, `${n++}-${name}`);
    fs.writeFileSync(file, bytes);
    try {
      await readsOrRefuses(async () => {
        for await (const row of readTable(file, name)) expect(row.row).toBeGreaterThan(0);
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  };

  it(
    'reads or refuses any .csv or .xlsx (read-table)',
    async () => {
      const file = fc.oneof(
        fc.record({ bytes: fc.oneof(...XLSX.map(damaged)), name: fc.constant('danh-sach.xlsx') }),
        fc.record({
          bytes: fc.oneof(
            ...CSV.map(damaged),
            bytesOf(text(400)),
            fc.uint8Array({ maxLength: 600 }).map(Buffer.from),
          ),
          name: fc.constant('danh-sach.csv'),
        }),
      );
      await fc.assert(
        fc.asyncProperty(file, ({ bytes, name }) => readAll(bytes, name)),
        fuzzParameters(4),
      );
    },
    fuzzTimeout(),
  );

  it(
    'checks any zip without crashing (zip-guard)',
    async () => {
      const zip = fc.oneof(
        damaged(DOCX),
        ...XLSX.map(damaged),
        fc.uint8Array({ maxLength: 400 }).map(Buffer.from),
      );
      await fc.assert(
        fc.asyncProperty(zip, (bytes) => readsOrRefuses(() => checkZip(bytes))),
        fuzzParameters(3),
      );
    },
    fuzzTimeout(),
  );

  it(
    'extracts the text of any letter file or refuses it (extract-text)',
    async () => {
      const letter = fc.record({
        bytes: fc.oneof(
          damaged(DOCX),
          bytesOf(text(300)),
          fc.uint8Array({ maxLength: 300 }).map(Buffer.from),
        ),
        name: fc.constantFrom('cong-van.docx', 'cong-van.txt', 'cong-van.pdf', 'cong-van'),
      });
      await fc.assert(
        fc.asyncProperty(letter, ({ bytes, name }) =>
          readsOrRefuses(async () => expect(typeof (await extractLetterText(name, bytes))).toBe('string')),
        ),
        fuzzParameters(3),
      );
    },
    fuzzTimeout(),
  );

  it(
    'parses any text as a letter or says why it is none (directives parser)',
    () => {
      const lines = (letter: string) => letter.split('\n');
      const mangled = fc.oneof(
        text(500),
        fc
          .tuple(
            fc.constantFrom(...LETTERS),
            fc.array(fc.tuple(fc.nat(), fc.oneof(text(60), fc.constant(''))), { maxLength: 6 }),
          )
          .map(([letter, edits]) => {
            const out = lines(letter);
            for (const [at, line] of edits) out.splice(at % (out.length + 1), at % 2, line);
            return out.join('\n');
          }),
        fc
          .tuple(fc.constantFrom(...LETTERS), fc.nat(), fc.nat())
          .map(([letter, a, b]) =>
            letter.slice(Math.min(a, b) % letter.length, Math.max(a, b) % (letter.length + 1)),
          ),
      );
      fc.assert(
        fc.property(mangled, (letter) => {
          const parsed = tryParseDocument(letter);
          expect(parsed.ok || parsed.error.message.length > 0).toBe(true);
        }),
        fuzzParameters(3),
      );
    },
    fuzzTimeout(),
  );

  it(
    'finds person headers and judges person rows from any cells (persons rules)',
    () => {
      const villages = [
        { id: 1, name: 'Thôn Nà Hoa' },
        { id: 2, name: 'Thôn Đồng Tâm' },
      ];
      fc.assert(
        fc.property(
          rows,
          fc.array(cell, { minLength: PERSON_FIELDS.length, maxLength: PERSON_FIELDS.length }),
          (grid, row) => {
            detectHeader(grid);
            for (const r of grid) isSignatureRow(r);
            const cells = Object.fromEntries(PERSON_FIELDS.map((f, i) => [f, row[i]]));
            const result = validatePersonRow(cells, { today: new Date('2021-12-06T00:00:00Z'), villages });
            expect(result.ok || result.errors.length > 0).toBe(true);
          },
        ),
        fuzzParameters(3),
      );
    },
    fuzzTimeout(),
  );

  it(
    'finds dose headers and reads dose rows from any cells (vaccination rules)',
    () => {
      const place = { code: '06385', district_code: '186', province_code: '20' } as AdminUnitTable;
      const readRow = doseRowReader(() => ({ ok: true, commune: place }));
      fc.assert(
        fc.property(
          rows,
          fc.array(cell, { minLength: 8, maxLength: 8 }),
          fc.constantFrom(...VACCINE_IDS),
          (grid, row, vaccine) => {
            detectDoseHeader(grid);
            const [top, sub] = grid;
            if (top) doseGroups(top.map(cellText), sub ? sub.map(cellText) : null);
            readDoseDate(row[0]);
            readDoseNumber(row[1], row[2], vaccine);
            const [doseDate, doseNumber, doseKind, nationalId, site, lot, fullName] = row;
            readRow({ vaccine: row[7], doseDate, doseNumber, doseKind, nationalId, site, lot, fullName });
          },
        ),
        fuzzParameters(3),
      );
    },
    fuzzTimeout(),
  );
});

/**
 * Issue 13: an import commits chunk by chunk with a job record (a stop half-way keeps the committed chunks
 * and resumes after them), and its report keeps every rejected row while the answer shows the first 1,000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportXlsx } from '../../src/core/import/report.ts';
import { importPersons } from '../../src/features/persons/import/import-persons.ts';
import { generateResidents } from '../../src/features/persons/rules/generator.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const COMMUNE = '05971';
const today = new Date('2021-12-01T00:00:00Z');
const actor = { userId: null, username: 'test', ip: null };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-chunks-'));
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function csv(name: string, rows: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\uFEFFHọ và tên;Ngày sinh;Giới tính;Số CCCD\n${rows.join('\n')}\n`);
  return file;
}
const valid = [
  ...generateResidents({
    communeCode: COMMUNE,
    villages: [{ id: 1, name: 'Khối 1', population: 3_000 }],
    today,
  }),
]
  .slice(0, 3_000)
  .map(({ person: p }) =>
    [
      p.fullName,
      p.birthDate ? dmy(p.birthDate) : String(p.birthYear),
      p.sex === 'female' ? 'Nữ' : 'Nam',
      p.nationalId ?? '',
    ].join(';'),
  );
const invalid = Array.from({ length: 20_000 }, (_, i) => `Người Số ${i};31/02/1990;Nam;`);

describe.each(ENGINES)('imports in chunks on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());
  const persons = async () =>
    Number(
      (
        await db.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('commune_code', '=', COMMUNE)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps the chunks committed before a stop, and resumes after the last one', async () => {
    const file = csv('valid.csv', valid);
    const options = {
      path: file,
      fileName: 'valid.csv',
      communeCode: COMMUNE,
      mode: 'valid-rows' as const,
      actor,
      today,
    };
    // The stop: the fifth transaction fails (the batch's, then three chunks of 500 committed), as a crash of
    // the process would leave the database.
    let transactions = 0;
    const failing = {
      ...db,
      db: new Proxy(db.db, {
        get(target, key) {
          if (key === 'transaction' && ++transactions === 5) throw new Error('crash');
          const value = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    };
    await expect(importPersons(failing, options)).rejects.toThrow('crash');
    const job = await db.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('kind', '=', 'persons')
      .executeTakeFirstOrThrow();
    const kept = await persons();
    expect(job.status).toBe('running');
    expect(kept).toBe(1500);
    expect(JSON.parse(job.state).counts.imported).toBe(kept);

    const resumed = await importPersons(db, { ...options, resume: job.import_id });
    expect(resumed).toMatchObject({
      batchId: job.import_id,
      committed: true,
      rowsRead: valid.length,
      imported: valid.length,
      rejected: 0,
    });
    expect(await persons()).toBe(valid.length);
    const batch = await db.db
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', job.import_id)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ status: 'committed', imported: valid.length });
    await expect(importPersons(db, { ...options, resume: job.import_id })).rejects.toMatchObject({
      status: 400,
    });
  }, 240_000);

  it('answers the first 1,000 rejected rows and reports all 20,000; all-or-nothing writes nothing', async () => {
    const before = await persons();
    const file = csv('invalid.csv', [valid[0]!, ...invalid]);
    const result = await importPersons(db, {
      path: file,
      fileName: 'invalid.csv',
      communeCode: COMMUNE,
      mode: 'all-or-nothing',
      actor,
      today,
    });
    expect(result).toMatchObject({ committed: false, rejected: 20_000, imported: 0 });
    expect(result.errors).toHaveLength(1000);
    expect(result.errors[0]!.row).toBe(3);
    expect(await persons()).toBe(before);
    const report = reportXlsx(
      db.db,
      { kind: 'persons', importId: result.batchId!, sheetName: 'x' },
      { narrowWidth: 10 },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(report as unknown as Parameters<typeof book.xlsx.read>[0]);
    const sheet = book.worksheets[0]!;
    const problems = await db.db
      .selectFrom('import_problems')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('kind', '=', 'persons')
      .where('import_id', '=', result.batchId!)
      .executeTakeFirstOrThrow();
    expect(Number(problems.n)).toBeGreaterThanOrEqual(20_000);
    expect(sheet.rowCount).toBe(Number(problems.n) + 1);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe(20_002);
  }, 240_000);
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { communeListRows, writeCommuneList } from '../support/commune-list.ts';
import { ENGINES, emptyDb } from '../support/databases.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/safeadapt.js');

async function safeadapt(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each(ENGINES)('safeadapt import doses on %s', (engine) => {
  it('prints rows read, imported, rejected, matched and new persons; exits 1 when nothing is imported', async () => {
    const db = await emptyDb(engine);
    await db.close();
    // PostgreSQL too has a data directory of its own: the audit key and checkpoints live there.
    const env: Record<string, string> = db.url
      ? { DATABASE_URL: db.url, SAFEADAPT_DATA_DIR: db.dataDir! }
      : { SAFEADAPT_DATA_DIR: db.dataDir! };
    const file = 'test/fixtures/doses/mui-tiem.csv';
    const first = await safeadapt(env, 'import', 'doses', file, '--unit', '186');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/rows read: 4\n/);
    expect(first.out).toMatch(/imported: 3\n/);
    expect(first.out).toMatch(/rejected: 1\n/);
    expect(first.out).toMatch(/matched persons: 0 /);
    expect(first.out).toMatch(/new persons \(flagged for review\): 2\n/);
    expect(first.out).toMatch(/row 5, Ngay tiem: .*tương lai.*future/);
    const again = await safeadapt(env, 'import', 'doses', file);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/imported: 0\n/);
    expect(again.out).toMatch(/matched persons: 2 \(by national ID 2/);
    expect(again.out).toMatch(/ignored \(already recorded\): 3\n/);
    const elsewhere = await safeadapt(env, 'import', 'doses', file, '--unit', '187');
    expect(elsewhere).toMatchObject({ code: 1, out: expect.stringMatching(/rejected: 4\n/) });
    const notAList = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-cli-')), 'x.csv');
    fs.writeFileSync(notAList, 'a;b\n1;2\n');
    expect(await safeadapt(env, 'import', 'doses', notAList)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/No header row/),
    });
  });

  it('without --unit: rows are matched by national ID anywhere, and by name + birth date in the commune the title names', async () => {
    const db = await emptyDb(engine);
    await db.close();
    const env: Record<string, string> = db.url
      ? { DATABASE_URL: db.url }
      : { SAFEADAPT_DATA_DIR: path.dirname(db.sqliteFile!) };
    const list = await writeCommuneList();
    const registered = await safeadapt(
      env,
      'import',
      'persons',
      list,
      '--commune',
      '06400',
      '--mode',
      'valid-rows',
      '--create-villages',
    );
    expect(registered.code).toBe(0);
    // A national-platform export: no commune column; its title names Xã Yên Thịnh, a name five units share
    // (three of them xã): the one whose persons the registry holds is meant.
    const rows = communeListRows();
    const id = (cell: unknown) => String(cell).padStart(12, '0');
    const dose = (r: (typeof rows)[number], withId: boolean, vaccine = 'Pfizer') => [
      r[0],
      r[1] instanceof Date ? r[1] : String(r[1]),
      r[2],
      withId ? id(r[3]) : null,
      vaccine,
      '01/12/2021',
      'Mũi 1',
    ];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN PHÒNG COVID-19 XÃ YÊN THỊNH']);
    sheet.addRow(['Từ ngày 01/12/2021 đến ngày 01/12/2021']);
    sheet.mergeCells('A1:G1');
    sheet.addRow([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CMND/CCCD',
      'Tên vắc xin',
      'Ngày tiêm',
      'Mũi tiêm',
    ]);
    for (const row of [
      dose(rows[0]!, true), // heads and a wife: by national ID
      dose(rows[4]!, true),
      dose(rows[1]!, true),
      dose(rows[2]!, false), // children (12 years old): by name + birth date in Xã Yên Thịnh
      dose(rows[46]!, false),
      ['Đinh Văn Mới', '05/05/1970', 'Nam', '020070123456', 'Pfizer', '01/12/2021', 'Mũi 1'], // new
      dose(rows[8]!, true, 'ZyCoV-D'), // rejected: not a vaccine used in Vietnam
    ])
      sheet.addRow(row);
    const file = path.join(path.dirname(list), 'xuat-tu-nen-tang.xlsx');
    await book.xlsx.writeFile(file);
    const result = await safeadapt(env, 'import', 'doses', file);
    expect(result.out).toMatch(/rows read: 7\nimported: 6\nrejected: 1\n/);
    expect(result.out).toMatch(/matched persons: 5 \(by national ID 3, by name \+ birth date \+ commune 2\)/);
    expect(result.out).toMatch(/new persons \(flagged for review\): 1\n/);
    expect(result.out).toMatch(/row 10, Tên vắc xin: .*ZyCoV-D/);
    expect(result.code).toBe(0);
  }, 120_000);
});

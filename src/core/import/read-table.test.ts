/**
 * readTable keeps every Vietnamese letter intact however the bytes are cut into chunks: a 2- or 3-byte UTF-8
 * letter split between two chunks must not come out as U+FFFD (the persons bench lost ~141 of 1,000,000 names
 * to that in the .xlsx path, where exceljs decodes each inflated chunk of the sheet XML on its own).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-read-table-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 2-byte (Ă Đ Ơ Ư à …) and 3-byte (Ạ Ấ ệ ữ …) letters: every byte offset of a chunk boundary hits one. */
const LETTERS = 'ĂÂĐÊÔƠƯăâđêôơưàáèéìíòóùúýẠẢẤẦẨẪẬắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
const word = (i: number, length: number) =>
  Array.from({ length }, (_, k) => LETTERS[(i * 7 + k * 3) % LETTERS.length]).join('');
/** Rows of multi-byte text, each row a little longer than the last so boundaries land on every offset. */
const ROWS = Array.from({ length: 2000 }, (_, i) => [
  `Nguyễn ${word(i, 5 + (i % 11))} ${word(i + 1, 3 + (i % 7))}`,
  `Thôn Đông ${word(i + 2, 4 + (i % 5))}`,
]);
const HEADER = ['Họ và tên', 'Thôn/Xóm'];

async function rowsOf(file: string): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const r of readTable(file, path.basename(file))) rows.push(r.cells);
  return rows;
}

function expectIntact(rows: unknown[][]) {
  const broken = rows.flat().filter((c) => String(c).includes('\uFFFD'));
  expect(broken).toEqual([]);
  expect(rows).toEqual([HEADER, ...ROWS]);
}

describe('readTable: multi-byte letters across chunk boundaries', () => {
  it.each([
    ['inline strings', false],
    ['shared strings (as Excel saves)', true],
  ])('.xlsx with %s reads back every letter intact', async (_, useSharedStrings) => {
    const file = path.join(dir, `names-${useSharedStrings ? 'shared' : 'inline'}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
    const sheet = writer.addWorksheet('Danh sách');
    for (const row of [HEADER, ...ROWS]) sheet.addRow(row).commit();
    await writer.commit();
    expectIntact(await rowsOf(file));
  });

  it.each([2, 3, 4])(
    '.csv with a %i-byte letter straddling the 1 MiB read chunk reads back intact',
    async (width) => {
      const letter = { 2: 'Đ', 3: 'ệ', 4: '𠀧' }[width]!;
      expect(Buffer.byteLength(letter)).toBe(width);
      // One file per cut: `split` bytes of the letter end the first 1 MiB chunk, the rest start the next.
      for (let split = 1; split < width; split++) {
        const prefix = Buffer.from(`\uFEFF${HEADER.join(';')}\n`);
        const lead = Buffer.from('Lê Văn ');
        const filler = Buffer.from(`${'a'.repeat((1 << 20) - split - prefix.length - lead.length - 3)};x\n`);
        const bytes = Buffer.concat([prefix, filler, lead, Buffer.from(`${letter}ư;Thôn ${letter}\n`)]);
        expect(bytes.indexOf(Buffer.from(letter))).toBe((1 << 20) - split);
        const file = path.join(dir, `split-${width}-${split}.csv`);
        fs.writeFileSync(file, bytes);
        expect((await rowsOf(file)).at(-1)).toEqual([`Lê Văn ${letter}ư`, `Thôn ${letter}`]);
      }
    },
  );
});

describe('readTable: .xlsx parts read through the zip directory, in the order they depend on', () => {
  /** exceljs's writer stores the sheets before the shared strings and the workbook part last. */
  async function twoTabs(file: string) {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('Ghi chú');
    notes.addRow(['Danh sách lập ngày 15/01/2022']);
    const list = book.addWorksheet('Danh sách');
    for (const row of [HEADER, ...ROWS.slice(0, 50)]) list.addRow(row);
    // The list is the first tab although it was added second (orderNo is exceljs's tab order, untyped).
    (list as ExcelJS.Worksheet & { orderNo: number }).orderNo = 0;
    (notes as ExcelJS.Worksheet & { orderNo: number }).orderNo = 1;
    await book.xlsx.writeFile(file);
  }

  it('reads the first tab, whatever the order of the parts in the zip, the same on every read', async () => {
    const file = path.join(dir, 'two-tabs.xlsx');
    await twoTabs(file);
    // Reads side by side: the one-pass reader lost the workbook part now and then (exceljs #3064).
    const reads = await Promise.all(Array.from({ length: 24 }, () => rowsOf(file)));
    for (const rows of reads) expect(rows).toEqual([HEADER, ...ROWS.slice(0, 50)]);
  });

  it('reports progress up to the whole file', async () => {
    const file = path.join(dir, 'two-tabs-progress.xlsx');
    await twoTabs(file);
    const seen: number[] = [];
    for await (const _ of readTable(file, 'two-tabs.xlsx', (bytes) => seen.push(bytes)));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(fs.statSync(file).size);
  });

  it('refuses a cut-off .xlsx as damaged, naming the file field', async () => {
    const whole = path.join(dir, 'whole.xlsx');
    await twoTabs(whole);
    const cut = path.join(dir, 'cut.xlsx');
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(rowsOf(cut)).rejects.toMatchObject({
      status: 400,
      text: { en: 'The .xlsx file is damaged or unreadable.' },
      fields: [{ field: 'file' }],
    });
  });
});

describe('readTable: a hostile .xlsx', () => {
  it('refuses a zip bomb by its declared sizes, before inflating it', async () => {
    const file = path.join(dir, 'list.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Danh sách').addRow(HEADER);
    await book.xlsx.writeFile(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    // 40 MB of one repeated byte: about 40 KB deflated (1,000:1).
    zip.file('xl/sharedStrings.xml', Buffer.alloc(40 * 1024 * 1024, 0x20));
    const bomb = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(
      bomb,
      await zip.generateAsync({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
      }),
    );
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    const started = performance.now();
    await expect(rowsOf(bomb)).rejects.toMatchObject({ status: 422, code: 'unsafe_archive' });
    expect(performance.now() - started).toBeLessThan(2_000); // refused from the directory, not inflated
  });
});

describe('readTable: a long .csv', () => {
  it('waits on the parser without piling up listeners (no MaxListenersExceededWarning)', async () => {
    const file = path.join(dir, 'long.csv');
    const line = 'Nguyễn Văn An;Thôn Đông;1990\n';
    fs.writeFileSync(file, `Họ và tên;Thôn/Xóm;Năm sinh\n${line.repeat(400_000)}`); // ≈ 13 MB, 13 chunks
    const warnings: string[] = [];
    const note = (w: Error) => warnings.push(w.name);
    process.on('warning', note);
    try {
      let rows = 0;
      for await (const _ of readTable(file, 'long.csv')) rows++;
      expect(rows).toBe(400_001);
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next turn
    } finally {
      process.off('warning', note);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

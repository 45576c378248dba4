import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellsByField, chunked, eachDataRow, openTable } from './pipeline.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-pipeline-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import pipeline', () => {
  it('reads the header window, then every data row under the header until the table ends', async () => {
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(
      file,
      [
        'DANH SÁCH',
        '',
        'STT;Họ và tên;Năm sinh',
        '1;Nguyễn Văn An;1980',
        '',
        '2;Lê Thị Bình;1990',
        'Người lập biểu',
        '3;Sau chữ ký;2000',
      ].join('\n'),
    );
    const table = await openTable({ path: file, fileName: 'list.csv' });
    expect(table.head.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const columns = [
      { index: 0, field: null },
      { index: 1, field: 'fullName' as const },
      { index: 2, field: 'birthYear' as const },
    ];
    const seen: unknown[] = [];
    await eachDataRow(table, 3, (r) => {
      if (r.cells[0] === 'Người lập biểu') return 'end';
      seen.push({ row: r.row, ...cellsByField(columns, r.cells) });
    });
    expect(seen).toEqual([
      { row: 4, fullName: 'Nguyễn Văn An', birthYear: '1980' },
      { row: 6, fullName: 'Lê Thị Bình', birthYear: '1990' },
    ]);
  });

  it('writes rows a chunk at a time', async () => {
    const writes: number[][] = [];
    const rows = chunked<number>(2, async (chunk) => {
      writes.push(chunk);
    });
    for (const n of [1, 2, 3]) await rows.push(n);
    rows.add(4);
    rows.add(5);
    await rows.flushIfFull();
    await rows.end();
    expect(writes).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });
});

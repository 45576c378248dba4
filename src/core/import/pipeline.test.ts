import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellsByField, chunked, commitOrRefuse, eachDataRow, openTable } from './pipeline.ts';

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

  it('commits valid rows, or rolls back an all-or-nothing import with rejected rows and records it', async () => {
    const log: string[] = [];
    const transaction = async (work: (trx: string) => Promise<void>) => {
      try {
        await work('trx');
        log.push('commit');
      } catch (error) {
        log.push('rollback');
        throw error;
      }
    };
    const run = (mode: 'all-or-nothing' | 'valid-rows', rejected: number) =>
      commitOrRefuse({
        mode,
        transaction,
        write: async () => {
          log.push('write');
        },
        rejected: () => rejected,
        finish: async () => {
          log.push('finish');
        },
        refused: async () => {
          log.push('refused');
        },
      });
    expect(await run('valid-rows', 2)).toBe(true);
    expect(log.splice(0)).toEqual(['write', 'finish', 'commit']);
    expect(await run('all-or-nothing', 2)).toBe(false);
    expect(log.splice(0)).toEqual(['write', 'rollback', 'refused']);
    await expect(
      commitOrRefuse({
        mode: 'valid-rows',
        transaction,
        write: async () => {
          throw new Error('disk full');
        },
        rejected: () => 0,
        finish: async () => {},
        refused: async () => {},
      }),
    ).rejects.toThrow('disk full');
  });
});

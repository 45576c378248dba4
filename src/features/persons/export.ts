/**
 * The registry's list as a file (.xlsx or .csv), written a page of persons at a time (no list or workbook of a
 * province in memory). Run off the event loop (server/off-thread.ts): a province's 200,000 rows are seconds of
 * SQLite reads and exceljs writing.
 */
import { once } from 'node:events';
import { csvLine, excel, neutralizeCell } from '../../core/spreadsheet.ts';
import type { Task } from '../../server/off-thread.ts';
import { eachPerson, type PersonFilter } from './store.ts';

const EXPORT_LIMIT = 200_000;

const EXPORT_COLUMNS = [
  ['Họ và tên', 'full_name'],
  ['Ngày sinh', 'birth_date'],
  ['Năm sinh', 'birth_year'],
  ['Giới tính', 'sex'],
  ['Số CCCD/CMND', 'national_id'],
  ['SĐT', 'phone'],
  ['Thôn/Xóm', 'village_name'],
  ['Đối tượng ưu tiên', 'priority_groups'],
  ['Tình trạng', 'status'],
] as const;

export const exportPersonsTask: Task<{ filter: PersonFilter; format: 'xlsx' | 'csv' }, void> = async (
  ctx,
  { filter, format },
  out,
) => {
  const rows = eachPerson(ctx.db, ctx.scope, filter, EXPORT_LIMIT);
  const sink = out!;
  if (format === 'csv') {
    const write = async (text: string) => {
      if (!sink.write(text)) await once(sink, 'drain');
    };
    await write(`\uFEFF${csvLine(EXPORT_COLUMNS.map((c) => c[0]))}\r\n`);
    for await (const p of rows) await write(`${csvLine(EXPORT_COLUMNS.map((c) => p[c[1]]))}\r\n`);
    return;
  }
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream: sink, useSharedStrings: false });
  const sheet = book.addWorksheet('Danh sách');
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c[0], width: 20 }));
  sheet.getRow(1).font = { bold: true };
  for await (const p of rows) sheet.addRow(EXPORT_COLUMNS.map((c) => neutralizeCell(p[c[1]]))).commit();
  sheet.commit();
  await book.commit();
};

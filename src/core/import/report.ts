/** An import's report as .xlsx: one line per rejected row (and warning), with the row, column and reason. */
import ExcelJS from 'exceljs';
import { neutralizeCell } from '../spreadsheet.ts';
import type { RowProblem } from './pipeline.ts';

/**
 * Columns Dòng | Cột | [Loại] | Lý do | Reason; with `kinds`, each entry's kind is shown by its label. Text
 * from the file is neutralised (a cell like "=cmd" is not run as a formula).
 */
export async function reportXlsx<K extends string>(
  sheetName: string,
  entries: readonly (RowProblem & { kind?: K })[],
  options: { kinds?: Record<K, string>; narrowWidth: number },
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  const { kinds } = options;
  sheet.addRow(kinds ? ['Dòng', 'Cột', 'Loại', 'Lý do', 'Reason'] : ['Dòng', 'Cột', 'Lý do', 'Reason']).font =
    {
      bold: true,
    };
  for (const e of entries)
    sheet.addRow([
      e.row,
      neutralizeCell(e.column),
      ...(kinds ? [kinds[e.kind as K]] : []),
      neutralizeCell(e.reason.vi),
      neutralizeCell(e.reason.en),
    ]);
  const narrow = kinds ? 3 : 2;
  sheet.columns.forEach((col, i) => {
    col.width = i < narrow ? options.narrowWidth : 60;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Where a person list's data starts and which column holds which field: the header found, or the user's mapping. */
import { badRequest } from '../../../core/errors.ts';
import type { TableRow } from '../../../core/import/read-table.ts';
import { detectHeader, type PersonField } from '../rules/headers.ts';

export interface ColumnChoice {
  /** Column index → field, overriding the recognised headers (the user's own mapping). */
  mapping?: Record<number, PersonField | null>;
  /** With a manual mapping: the Excel row number of the header (data starts below it). */
  headerRow?: number;
}

export function personColumns(head: TableRow[], choice: ColumnChoice) {
  const header = detectHeader(head.map((r) => r.cells));
  if (!header && !choice.mapping)
    throw badRequest(
      {
        vi: 'Không tìm thấy dòng tiêu đề (Họ và tên, Ngày sinh…) trong 20 dòng đầu. Hãy chọn cột bằng tay.',
        en: 'No header row (Họ và tên, Ngày sinh…) in the first 20 rows. Map the columns by hand.',
      },
      [{ field: 'file', message: { vi: 'Không nhận ra dòng tiêu đề.', en: 'Header row not recognised.' } }],
    );
  // Data starts under the header: its row number as Excel shows it (or the user's choice with a manual mapping).
  const headerRowNumber = choice.headerRow ?? (header ? head[header.headerRow]!.row : 0);
  const columns = (header?.columns ?? []).map((c) => ({
    ...c,
    field: choice.mapping && c.index in choice.mapping ? choice.mapping[c.index]! : c.field,
  }));
  if (choice.mapping)
    for (const [index, field] of Object.entries(choice.mapping))
      if (!columns.some((c) => c.index === Number(index)))
        columns.push({ index: Number(index), header: `#${Number(index) + 1}`, field });
  if (!columns.some((c) => c.field === 'fullName'))
    throw badRequest({ vi: 'Chưa có cột Họ và tên.', en: 'No full-name column.' }, [
      { field: 'mapping', message: { vi: 'Chọn cột Họ và tên.', en: 'Choose the full-name column.' } },
    ]);
  const headerNames = new Map(columns.map((c) => [c.field, c.header]));
  return { headerRowNumber, columns, headerNames };
}

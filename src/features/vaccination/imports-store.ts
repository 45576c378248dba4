/** Dose imports of a unit, and one import's report (rejected rows, warnings, ignored rows) as .xlsx. */
import ExcelJS from 'exceljs';
import { notFound } from '../../core/errors.ts';
import { neutralizeCell } from '../../core/spreadsheet.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/store.ts';
import type { Scope } from '../auth/rules.ts';
import type { ReportEntry } from './import/import-doses.ts';

const importNotFound = () => notFound({ vi: 'Không tìm thấy lần nhập.', en: 'Import not found.' });

export async function listDoseImports(db: Db, scope: Scope, unitCode: string) {
  const unit = await unitInScope(db, scope, unitCode);
  let q = db.db
    .selectFrom('dose_imports as i')
    .innerJoin('admin_units as u', 'u.code', 'i.unit_code')
    .select([
      'i.id',
      'i.unit_code',
      'i.file_name',
      'i.mode',
      'i.status',
      'i.rows_read',
      'i.imported',
      'i.ignored',
      'i.rejected',
      'i.matched_persons',
      'i.new_persons',
      'i.warnings',
      'i.created_at',
    ]);
  if (unit.level > 0)
    q = q.where((eb) =>
      eb.or([
        eb('u.code', '=', unit.code),
        eb('u.province_code', '=', unit.code),
        eb('u.district_code', '=', unit.code),
      ]),
    );
  return { imports: await q.orderBy('i.id', 'desc').limit(200).execute() };
}

export async function importReportXlsx(db: Db, scope: Scope, id: number): Promise<Buffer> {
  const batch = await db.db.selectFrom('dose_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch) throw importNotFound();
  await recordInScope(db, scope, batch.unit_code, importNotFound, batch);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Báo cáo nhập');
  sheet.addRow(['Dòng', 'Cột', 'Loại', 'Lý do', 'Reason']).font = { bold: true };
  const KIND = { rejected: 'Bị từ chối', warning: 'Cảnh báo', ignored: 'Bỏ qua (đã có)' };
  for (const e of JSON.parse(batch.report) as ReportEntry[])
    sheet.addRow([
      e.row,
      neutralizeCell(e.column),
      KIND[e.kind],
      neutralizeCell(e.reason.vi),
      neutralizeCell(e.reason.en),
    ]);
  sheet.columns.forEach((col, i) => {
    col.width = i < 3 ? 14 : 60;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

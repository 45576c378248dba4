/** Dose imports of a unit, and one import's report (rejected rows, warnings, ignored rows) as .xlsx. */
import { notFound } from '../../core/errors.ts';
import { reportXlsx } from '../../core/import/report.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';

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

export async function importReportXlsx(db: Db, scope: Scope, id: number): Promise<NodeJS.ReadableStream> {
  const batch = await db.db.selectFrom('dose_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch) throw importNotFound();
  await recordInScope(db, scope, batch.unit_code, importNotFound, batch);
  const KIND = { rejected: 'Bị từ chối', warning: 'Cảnh báo', ignored: 'Bỏ qua (đã có)' };
  return reportXlsx(
    db.db,
    { kind: 'doses', importId: batch.id, sheetName: 'Báo cáo nhập' },
    {
      kinds: KIND,
      narrowWidth: 14,
    },
  );
}

/**
 * Establishments from a district's or commune's list (.xlsx/.csv) through the import pipeline (core/import):
 * read, header among title rows, map, validate every row with the pure rules, then all-or-nothing — any rejected
 * row stores nothing, and every problem is reported with its row and column; otherwise every row is stored in one
 * transaction with its audit event. Lists of establishments are hundreds of rows, not millions: no chunks, no job.
 */
import { badRequest } from '../../../core/errors.ts';
import {
  cellsByField,
  eachDataRow,
  openTable,
  type RowProblem,
  type TableSource,
} from '../../../core/import/pipeline.ts';
import { foldDiacritics } from '../../../core/text.ts';
import type { Db } from '../../../db/connection.ts';
import { unitInScope, unitTree } from '../../admin-units/index.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Scope } from '../../auth/index.ts';
import { checklistInForce, inspectionDue, riskClassOf } from '../rules/checklists.ts';
import { type EstablishmentRowValue, findHeader, readRow } from '../rules/establishment-row.ts';
import '../tables.ts';

export interface EstablishmentImportResult {
  rowsRead: number;
  imported: number;
  rejected: number;
  committed: boolean;
  errors: RowProblem[];
}

export async function importEstablishments(
  db: Db,
  scope: Scope,
  source: TableSource & { unitCode: string },
  today: string,
): Promise<EstablishmentImportResult> {
  const unit = await unitInScope(db, scope, source.unitCode);
  const tree = await unitTree(db);
  const communeUnits = unit.level === 3 ? [unit] : unit.level === 2 ? tree.children(unit.code) : [];
  if (communeUnits.length === 0)
    throw badRequest({ vi: 'Chọn một huyện hoặc một xã.', en: 'Choose a district or a commune.' }, [
      {
        field: 'unit',
        message: { vi: 'Chọn một huyện hoặc một xã.', en: 'Choose a district or a commune.' },
      },
    ]);
  const communes = new Map(communeUnits.map((c) => [c.code, foldDiacritics(c.name)]));
  const table = await openTable(source);
  const header = findHeader(table.head);
  if (!header)
    throw badRequest(
      { vi: 'Không tìm thấy dòng tiêu đề (Tên cơ sở, Loại…).', en: 'No header row found (Name, Sector…).' },
      [{ field: 'file', message: { vi: 'Thiếu cột Tên cơ sở hoặc Loại.', en: 'No name or sector column.' } }],
    );
  const headerOf = new Map(header.columns.flatMap((c) => (c.field ? [[c.field, c.header] as const] : [])));
  const rows: EstablishmentRowValue[] = [];
  const errors: RowProblem[] = [];
  let rowsRead = 0;
  let rejected = 0;
  await eachDataRow(table, header.row, (r) => {
    rowsRead += 1;
    const read = readRow(
      cellsByField(header.columns, r.cells),
      communes,
      unit.level === 3 ? unit.code : null,
    );
    if ('value' in read) rows.push(read.value);
    else {
      rejected += 1;
      for (const p of read.problems)
        errors.push({ row: r.row, column: headerOf.get(p.column) ?? p.column, reason: p.reason });
    }
    return undefined;
  });
  if (rejected > 0 || rows.length === 0) return { rowsRead, imported: 0, rejected, committed: false, errors };
  const set = checklistInForce(today);
  const now = new Date().toISOString();
  await db.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const v of rows) {
      const commune = tree.get(v.communeCode)!;
      const riskClass = riskClassOf(v.sector, v.size);
      const row = await trx
        .insertInto('establishments')
        .values({
          province_code: commune.province_code!,
          district_code: commune.district_code!,
          commune_code: v.communeCode,
          name: v.name,
          name_folded: foldDiacritics(v.name),
          sector: v.sector,
          size: v.size,
          risk_class: riskClass,
          address: v.address,
          owner_name: v.ownerName,
          phone: v.phone,
          workers: v.workers,
          registered_on: today,
          last_inspected_on: null,
          next_due_on: inspectionDue(set, riskClass, null, today),
          safety_class: null,
          safety_valid_until: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(row.id));
    }
    await appendAudit(
      trx,
      db,
      scope,
      ids.map((id, i) => ({
        action: 'create' as const,
        entity: 'establishment',
        entityId: id,
        unitCode: rows[i]!.communeCode,
        details: { import: source.fileName },
      })),
    );
  });
  return { rowsRead, imported: rows.length, rejected: 0, committed: true, errors };
}

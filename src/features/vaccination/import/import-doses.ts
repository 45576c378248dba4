/**
 * Imports a dose list laid out like a national-platform export (one row per dose) in one transaction, like
 * the registry's import: all-or-nothing, or the valid rows. Each row's person is matched by national ID,
 * else by name + birth date + commune, else registered as a new person flagged for review. Doses are checked
 * like entered ones (rejected, ignored when already recorded, or recorded with warnings); statuses and
 * coverage counters move in the same transaction.
 */

import type { Kysely } from 'kysely';
import { vietnamToday } from '../../../core/dates.ts';
import { badRequest, type Message } from '../../../core/errors.ts';
import {
  chunked,
  commitOrRefuse,
  eachDataRow,
  filledCells,
  type ImportMode,
  openTable,
  type RowProblem,
} from '../../../core/import/pipeline.ts';
import { ProblemLog } from '../../../core/import/report.ts';
import { insertRows } from '../../../db/bulk-insert.ts';
import type { Db } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { unitInScope, unitTree } from '../../admin-units/index.ts';
import { type Actor, appendAudit } from '../../audit/index.ts';
import type { Scope } from '../../auth/index.ts';
import type { PersonInput } from '../../persons/index.ts';
import { acknowledgePersonEvents, cellText, createPersons, isSignatureRow } from '../../persons/index.ts';
import { personForDose } from '../doses-store.ts';
import { checkDose } from '../rules/check-dose.ts';
import { type DoseFileField, detectDoseHeader } from '../rules/dose-headers.ts';
import type { DoseFact } from '../rules/dose-series.ts';
import { doseFact, refreshStatuses, writeTransaction } from '../status-store.ts';
import { communeResolver, fileCommune } from './commune-resolver.ts';
import { type Cells, type DoseRow, doseRowReader, type Problem } from './dose-row.ts';
import { type Known, matchPersons } from './match-persons.ts';
import { dosesOfWideRow } from './wide-row.ts';

export type DoseImportMode = ImportMode;

export interface ReportEntry extends RowProblem {
  kind: 'rejected' | 'warning' | 'ignored';
}

export interface DoseImportResult {
  importId: number | null;
  rowsRead: number;
  imported: number;
  ignored: number;
  rejected: number;
  /** Registered persons the rows were matched to (distinct), and how. */
  matchedPersons: number;
  matchedByNationalId: number;
  matchedByNameAndBirth: number;
  /** Persons registered by this import, flagged for review. */
  newPersons: number;
  warnings: number;
  /** Rejected rows, warnings and ignored rows, with row number, column and reason (at most REPORT_LIMIT). */
  report: ReportEntry[];
  committed: boolean;
}

export interface DoseImportOptions {
  path: string;
  fileName: string;
  /** The unit the import is made for: every row's commune must lie within it. */
  unitCode: string;
  mode: DoseImportMode;
  /** The caller, whose jurisdiction must hold the unit (the CLI: the system scope, the whole country). */
  scope: Scope;
  actor: Actor;
  today?: string;
  onProgress?: (bytes: number) => void;
}

const CHUNK = 1000;
const REPORT_LIMIT = 5000;

/** A dose read from a file row; `names` are the columns' headers where a dose group names them. */
type NumberedRow = DoseRow & { row: number; names?: ReadonlyMap<string, string> };

/** The report's entries, kept for the download (core/import/report.ts). */
async function writeReport(
  trx: Kysely<Database>,
  importId: number,
  provinceCode: string,
  entries: readonly ReportEntry[],
) {
  const log = new ProblemLog<ReportEntry['kind']>('doses', importId, provinceCode);
  for (const e of entries) log.add(e);
  await log.write(trx);
}

export async function importDoses(db: Db, options: DoseImportOptions): Promise<DoseImportResult> {
  const today = options.today ?? vietnamToday();
  const tree = await unitTree(db);
  const unit = tree.get(options.unitCode);
  if (unit) await unitInScope(db, options.scope, unit.code);
  else
    throw badRequest({ vi: 'Không có đơn vị này.', en: 'No such unit.' }, [
      { field: 'unit', message: { vi: 'Mã đơn vị không hợp lệ.', en: 'Not a unit code.' } },
    ]);
  const table = await openTable(options);
  const head = table.head;
  const header = detectDoseHeader(head.map((r) => r.cells));
  if (!header)
    throw badRequest(
      {
        vi: 'Không tìm thấy dòng tiêu đề (Họ và tên, Ngày sinh, Vắc xin, Ngày tiêm, Mũi tiêm…) trong 20 dòng đầu.',
        en: 'No header row (Họ và tên, Ngày sinh, Vắc xin, Ngày tiêm, Mũi tiêm…) in the first 20 rows.',
      },
      [{ field: 'file', message: { vi: 'Không nhận ra dòng tiêu đề.', en: 'Header row not recognised.' } }],
    );
  const headerRowNumber = head[header.headerRow]!.row;
  // Rows without commune cells are of the unit's commune, or of the one the title above the header names.
  const titles = head.slice(0, header.headerRow).flatMap((r) => r.cells.map(cellText));
  const readRow = doseRowReader(communeResolver(tree, unit, await fileCommune(db.db, tree, unit, titles)));
  const columns = header.columns.filter((c) => c.field !== null) as {
    index: number;
    header: string;
    field: DoseFileField;
  }[];
  const columnName = new Map(columns.map((c) => [c.field as string, c.header]));
  const nameOf = (field: string) => columnName.get(field) ?? field;

  const result: DoseImportResult = {
    importId: null,
    rowsRead: 0,
    imported: 0,
    ignored: 0,
    rejected: 0,
    matchedPersons: 0,
    matchedByNationalId: 0,
    matchedByNameAndBirth: 0,
    newPersons: 0,
    warnings: 0,
    report: [],
    committed: false,
  };
  const note = (entry: ReportEntry) => {
    if (result.report.length < REPORT_LIMIT) result.report.push(entry);
  };
  const reject = (row: number, problems: Problem[], names?: ReadonlyMap<string, string>) => {
    result.rejected += 1;
    for (const p of problems)
      note({ row, column: names?.get(p.field) ?? nameOf(p.field), kind: 'rejected', reason: p.reason });
  };

  const byNationalId = new Set<number>();
  const byNameAndBirth = new Set<number>();
  /** Persons this import registered, by national ID (or name + birth date + commune). */
  const created = new Map<string, Known>();
  const touched = new Set<number>();
  const villages = new Map<string, { id: number; name: string }[]>();
  const noon = new Date(`${today}T12:00:00Z`);
  /** The import's row in dose_imports, with the counts so far. */
  const importRecord = (status: 'committed' | 'refused') => ({
    province_code: unit.province_code ?? (unit.level === 1 ? unit.code : ''), // '': national
    unit_code: unit.code,
    file_name: options.fileName,
    mode: options.mode,
    status,
    rows_read: result.rowsRead,
    imported: result.imported,
    ignored: result.ignored,
    rejected: result.rejected,
    matched_persons: result.matchedPersons,
    new_persons: result.newPersons,
    warnings: result.warnings,
    report: JSON.stringify(result.report),
    new_person_ids: JSON.stringify([...created.values()].map((p) => p.id)),
    created_by: options.actor.userId,
    created_at: new Date().toISOString(),
  });
  let batchId = 0;
  result.committed = await commitOrRefuse<Kysely<Database>>({
    mode: options.mode,
    transaction: (work) => writeTransaction(db, work),
    rejected: () => result.rejected,
    write: async (trx) => {
      const now = new Date().toISOString();
      const batch = await trx
        .insertInto('dose_imports')
        .values(importRecord('committed'))
        .returning('id')
        .executeTakeFirstOrThrow();
      result.importId = batch.id;
      batchId = batch.id;
      const personNote = `Tạo từ tệp mũi tiêm “${options.fileName}” (lần nhập ${batch.id}): cần rà soát.`;

      const villagesOf = async (commune: string) => {
        let list = villages.get(commune);
        if (!list) {
          list = await trx
            .selectFrom('villages')
            .select(['id', 'name'])
            .where('commune_code', '=', commune)
            .execute();
          villages.set(commune, list);
        }
        return list;
      };

      const rows = chunked<NumberedRow>(CHUNK, async (chunk) => {
        const matches = await matchPersons(chunk, { trx, tree, unit, noon, villagesOf });
        // A person to register gets a placeholder id (negative) until one of its doses is accepted: a row
        // whose only dose is rejected registers nobody. One person per national ID (or name + birth date +
        // commune), however many rows name it.
        const known = new Map<number, Known>();
        const personOf = new Map<NumberedRow, number>();
        const placeholders = new Map<
          string,
          { person: Known; input: PersonInput; place: NonNullable<DoseRow['commune']> }
        >();
        chunk.forEach((r, i) => {
          const match = matches[i]!;
          if (match.kind === 'rejected') {
            reject(r.row, match.problems, r.names);
            return;
          }
          if (match.kind === 'registered') {
            (match.by === 'nationalId' ? byNationalId : byNameAndBirth).add(match.person.id);
            known.set(match.person.id, match.person);
            personOf.set(r, match.person.id);
            return;
          }
          let person = created.get(match.key) ?? placeholders.get(match.key)?.person;
          if (!person) {
            person = {
              id: -(placeholders.size + 1),
              commune_code: match.commune.code,
              district_code: match.commune.district,
              province_code: match.commune.province,
              birth_date: match.person.birthDate,
              birth_year: match.person.birthYear,
              status: match.person.status,
              status_date: null,
            };
            placeholders.set(match.key, { person, input: match.person, place: match.commune });
          }
          known.set(person.id, person);
          personOf.set(r, person.id);
        });

        const registered = [...new Set(personOf.values())].filter((id) => id > 0);
        const doses = new Map<number, DoseFact[]>([...personOf.values()].map((id) => [id, []]));
        for (const d of await trx
          .selectFrom('doses')
          .select(['person_id', 'vaccine', 'kind', 'dose_number', 'date'])
          .where('person_id', 'in', registered.length ? registered : [0])
          .execute())
          doses.get(d.person_id)!.push(doseFact(d));
        const accepted: { r: NumberedRow; id: number; warnings: Message[] }[] = [];
        for (const r of chunk) {
          const id = personOf.get(r);
          if (id === undefined) continue;
          const verdict = checkDose(r.dose, doses.get(id)!, personForDose(known.get(id)!), today);
          if (verdict.verdict === 'reject') {
            reject(
              r.row,
              verdict.reasons.map((reason) => ({ field: 'doseDate', reason })),
              r.names,
            );
            continue;
          }
          if (verdict.verdict === 'ignore') {
            result.ignored += 1;
            note({
              row: r.row,
              column: r.names?.get('doseNumber') ?? nameOf('doseNumber'),
              kind: 'ignored',
              reason: verdict.reason,
            });
            continue;
          }
          doses.get(id)!.push(r.dose);
          accepted.push({ r, id, warnings: verdict.warnings });
        }

        const used = new Set(accepted.map((a) => a.id));
        const toRegister = [...placeholders].filter(([, p]) => used.has(p.person.id));
        const newIds = await createPersons(
          db,
          trx,
          toRegister.map(([, { input, place }]) => ({
            person: input,
            place: { province_code: place.province, district_code: place.district, commune_code: place.code },
          })),
          { note: personNote, kind: 'doseImport', id: batch.id },
        );
        const realId = new Map<number, number>();
        toRegister.forEach(([key, { person }], i) => {
          const registeredPerson = { ...person, id: newIds[i]! };
          realId.set(person.id, registeredPerson.id);
          created.set(key, registeredPerson);
          known.set(registeredPerson.id, registeredPerson);
        });
        const inserts = accepted.map(({ r, id: given, warnings }) => {
          const person = known.get(realId.get(given) ?? given)!;
          touched.add(person.id);
          result.imported += 1;
          result.warnings += warnings.length;
          for (const reason of warnings)
            note({
              row: r.row,
              column: r.names?.get('doseNumber') ?? nameOf('doseNumber'),
              kind: 'warning',
              reason,
            });
          return {
            person_id: person.id,
            province_code: person.province_code,
            district_code: person.district_code,
            commune_code: person.commune_code,
            vaccine: r.dose.vaccine,
            kind: r.dose.kind,
            dose_number: r.dose.number,
            date: r.dose.date,
            site: r.site,
            lot: r.lot,
            session_id: null,
            import_id: batch.id,
            warnings: JSON.stringify(warnings),
            created_by: options.actor.userId,
            created_at: now,
            updated_at: now,
          };
        });
        await insertRows(db, trx, 'doses', inserts);
      });

      await eachDataRow(table, headerRowNumber, async (r) => {
        const base: Cells = {};
        for (const c of columns) base[c.field] = r.cells[c.index];
        const doses: { cells: Cells; names?: ReadonlyMap<string, string> }[] = header.groups.length
          ? dosesOfWideRow(base, r.cells, header.groups)
          : [{ cells: base }];
        const reads = doses.map((d) => ({ ...d, read: readRow(d.cells) }));
        // The table ends at the signature block ("Người lập biểu", "…, ngày … tháng … năm …"): looked for
        // only in rows that hold no dose, the check folds every cell. A lone cell is a note or a title.
        if (reads.every((d) => !d.read.ok) && isSignatureRow(r.cells)) return 'end';
        // A person of the wide layout without any dose is read, and has nothing to import.
        if (reads.every((d) => !d.read.ok) && filledCells(r.cells) <= 1) return;
        result.rowsRead += 1;
        for (const { read, names } of reads) {
          if (!read.ok) {
            reject(r.row, read.problems, names);
            continue;
          }
          rows.add({ ...read.row, row: r.row, ...(names ? { names } : {}) });
        }
        await rows.flushIfFull();
      });
      await rows.end();
    },
    finish: async (trx) => {
      const batch = { id: batchId };
      await refreshStatuses(db, trx, touched, today);
      // The registry's `created` events of the persons this import registered: their statuses are current.
      await acknowledgePersonEvents(trx, { personIds: [...created.values()].map((p) => p.id) });
      result.report.sort((a, b) => a.row - b.row);
      result.newPersons = created.size;
      result.matchedByNationalId = byNationalId.size;
      result.matchedByNameAndBirth = byNameAndBirth.size;
      result.matchedPersons = new Set([...byNationalId, ...byNameAndBirth]).size;
      const { created_at: _, ...counts } = importRecord('committed');
      await trx.updateTable('dose_imports').set(counts).where('id', '=', batch.id).execute();
      await writeReport(trx, batch.id, importRecord('committed').province_code, result.report);
      await appendAudit(trx, db, options.actor, [
        {
          action: 'create',
          entity: 'dose_import',
          entityId: batch.id,
          unitCode: unit.code,
          details: {
            file: options.fileName,
            mode: options.mode,
            imported: result.imported,
            ignored: result.ignored,
            rejected: result.rejected,
            matchedPersons: result.matchedPersons,
            newPersons: result.newPersons,
          },
        },
      ]);
    },
    refused: async () => {
      result.report.sort((a, b) => a.row - b.row);
      // Rolled back: the refused import is recorded (no doses, no persons) so that its report can be downloaded.
      Object.assign(result, {
        imported: 0,
        ignored: 0,
        matchedPersons: 0,
        matchedByNationalId: 0,
        matchedByNameAndBirth: 0,
        newPersons: 0,
        warnings: 0,
        report: result.report.filter((e) => e.kind === 'rejected'),
      });
      created.clear();
      const refused = await db.db
        .insertInto('dose_imports')
        .values(importRecord('refused'))
        .returning('id')
        .executeTakeFirstOrThrow();
      result.importId = refused.id;
      await writeReport(db.db, refused.id, importRecord('refused').province_code, result.report);
    },
  });
  return result;
}

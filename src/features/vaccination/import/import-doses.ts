/**
 * Imports a dose list laid out like a national-platform export (one row per dose) in chunks, each its own
 * short transaction with the job record, like the registry's import (core/import/pipeline.ts
 * `importInChunks`): all-or-nothing (a checking pass first, which writes nothing), or the valid rows. Each
 * row's person is matched by national ID, else by name + birth date + commune, else registered as a new
 * person flagged for review. Doses are checked like entered ones (rejected, ignored when already recorded,
 * or recorded with warnings); statuses and coverage counters move in the chunk's transaction, which alone
 * holds its communes' vaccination lock.
 */

import type { Kysely } from 'kysely';
import { vietnamToday } from '../../../core/dates.ts';
import { badRequest, type Message } from '../../../core/errors.ts';
import { advanceImportJob, endImportJob, openImportJob } from '../../../core/import/job.ts';
import {
  chunked,
  eachDataRow,
  filledCells,
  type ImportMode,
  importInChunks,
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

/** Rows per chunk, each its own transaction (like the registry's import). */
const CHUNK = 500;
const REPORT_LIMIT = 5000;
const KIND = 'doses';
const now = () => new Date().toISOString();

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
  let table = await openTable(options);
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

  // Kept over the whole file (reset when all-or-nothing's writing pass reads it again).
  let byNationalId = new Set<number>();
  let byNameAndBirth = new Set<number>();
  /** Persons this import registered (in the checking pass: would register), by national ID or name + birth + commune. */
  let created = new Map<string, Known>();
  /** The checking pass writes nothing: the doses it accepted so far, by person, for the later rows' checks. */
  let accepted = new Map<number, DoseFact[]>();
  /** Placeholder ids (negative) of persons still to register: unique over the whole file. */
  let placeholderSeq = 0;
  const villages = new Map<string, { id: number; name: string }[]>();
  const noon = new Date(`${today}T12:00:00Z`);
  const provinceCode = unit.province_code ?? (unit.level === 1 ? unit.code : ''); // '': national
  /** The import's row in dose_imports, with the counts so far. */
  const importRecord = (status: 'running' | 'committed' | 'refused') => ({
    province_code: provinceCode,
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
  const tally = () => {
    result.newPersons = created.size;
    result.matchedByNationalId = byNationalId.size;
    result.matchedByNameAndBirth = byNameAndBirth.size;
    result.matchedPersons = new Set([...byNationalId, ...byNameAndBirth]).size;
  };
  /** The counts so far, as the import's row keeps them (the list of imports shows a running import's progress). */
  const progress = () => {
    tally();
    const { created_at: _, report: __, new_person_ids: ___, ...counts } = importRecord('running');
    return counts;
  };
  // The import's record and its job (import_jobs: the last file row committed and the counts, chunk by chunk).
  const job = await openImportJob<{ counts: ReturnType<typeof progress> }>(
    db.db,
    KIND,
    provinceCode,
    undefined,
    async (trx) =>
      (
        await trx
          .insertInto('dose_imports')
          .values(importRecord('running'))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
  );
  result.importId = job.importId;
  const personNote = `Tạo từ tệp mũi tiêm “${options.fileName}” (lần nhập ${job.importId}): cần rà soát.`;
  const villagesOf = async (commune: string) => {
    let list = villages.get(commune);
    if (!list) {
      list = await db.db
        .selectFrom('villages')
        .select(['id', 'name'])
        .where('commune_code', '=', commune)
        .execute();
      villages.set(commune, list);
    }
    return list;
  };

  /**
   * One reading of the file. Writing, each chunk is its own short transaction (issue 13): its persons are
   * matched first (reads), then the transaction locks the communes of its persons (PostgreSQL), checks the
   * doses against those recorded, registers the new persons, stores the doses, moves statuses and counters,
   * audits and advances the job, and ends: other writes to the same communes go on between chunks. Checking
   * (all-or-nothing's first pass), the same steps write nothing and remember the accepted doses instead.
   */
  const pass = async (write: boolean) => {
    const rows = chunked<NumberedRow>(CHUNK, async (chunk) => {
      const matches = await matchPersons(chunk, { trx: db.db, tree, unit, noon, villagesOf });
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
            id: -++placeholderSeq,
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
      const lastRow = chunk[chunk.length - 1]!.row;
      const store = (trx: Kysely<Database>) => storeChunk(trx, chunk, known, personOf, placeholders, lastRow);
      if (write)
        await writeTransaction(
          db,
          store,
          [...known.values()].map((p) => p.commune_code),
        );
      else await store(db.db);
    });

    /** The chunk's doses checked (and, writing, stored): in the chunk's transaction. */
    const storeChunk = async (
      trx: Kysely<Database>,
      chunk: NumberedRow[],
      known: Map<number, Known>,
      personOf: Map<NumberedRow, number>,
      placeholders: Map<
        string,
        { person: Known; input: PersonInput; place: NonNullable<DoseRow['commune']> }
      >,
      lastRow: number,
    ) => {
      const registered = [...new Set(personOf.values())].filter((id) => id > 0);
      const doses = new Map<number, DoseFact[]>(
        [...personOf.values()].map((id) => [id, [...(accepted.get(id) ?? [])]]),
      );
      for (const d of await trx
        .selectFrom('doses')
        .select(['person_id', 'vaccine', 'kind', 'dose_number', 'date'])
        .where('person_id', 'in', registered.length ? registered : [0])
        .execute())
        doses.get(d.person_id)!.push(doseFact(d));
      const taken: { r: NumberedRow; id: number; warnings: Message[] }[] = [];
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
        taken.push({ r, id, warnings: verdict.warnings });
      }

      const used = new Set(taken.map((a) => a.id));
      const toRegister = [...placeholders].filter(([, p]) => used.has(p.person.id));
      const newIds = write
        ? await createPersons(
            db,
            trx,
            toRegister.map(([, { input, place }]) => ({
              person: input,
              place: {
                province_code: place.province,
                district_code: place.district,
                commune_code: place.code,
              },
            })),
            { note: personNote, kind: 'doseImport', id: job.importId },
          )
        : toRegister.map(([, { person }]) => person.id);
      const realId = new Map<number, number>();
      toRegister.forEach(([key, { person }], i) => {
        const registeredPerson = { ...person, id: newIds[i]! };
        realId.set(person.id, registeredPerson.id);
        created.set(key, registeredPerson);
        known.set(registeredPerson.id, registeredPerson);
      });
      const touched = new Set<number>();
      const inserts = taken.map(({ r, id: given, warnings }) => {
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
        if (!write) accepted.set(person.id, [...(accepted.get(person.id) ?? []), r.dose]);
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
          import_id: job.importId,
          warnings: JSON.stringify(warnings),
          created_by: options.actor.userId,
          created_at: now(),
          updated_at: now(),
        };
      });
      if (!write) return;
      await insertRows(db, trx, 'doses', inserts);
      await refreshStatuses(db, trx, touched, today);
      // The registry's `created` events of the persons this chunk registered: their statuses are current.
      await acknowledgePersonEvents(trx, { personIds: newIds });
      // The chunk's personal data is audited with it: an audit that fails rolls the chunk back.
      await appendAudit(trx, db, options.actor, [
        {
          action: 'create',
          entity: 'dose',
          unitCode: unit.code,
          details: { doseImport: job.importId, doses: inserts.length, newPersons: newIds.length, lastRow },
        },
      ]);
      const counts = progress();
      await trx.updateTable('dose_imports').set(counts).where('id', '=', job.importId).execute();
      await advanceImportJob(trx, job, lastRow, { counts });
    };

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
      // A row's doses stay in one chunk: the job's last committed row is whole.
      await rows.flushIfFull();
    });
    await rows.end();
  };

  /** The import's end, in one short transaction: its counts, report and status, the job's, and the audit. */
  const close = (status: 'committed' | 'refused') =>
    db.db.transaction().execute(async (trx) => {
      result.report.sort((a, b) => a.row - b.row);
      if (status === 'committed') tally();
      const { created_at: _, ...record } = importRecord(status);
      await trx.updateTable('dose_imports').set(record).where('id', '=', job.importId).execute();
      await writeReport(trx, job.importId, provinceCode, result.report);
      await endImportJob(trx, job, status === 'committed' ? 'done' : 'refused');
      if (status === 'refused') return;
      await appendAudit(trx, db, options.actor, [
        {
          action: 'create',
          entity: 'dose_import',
          entityId: job.importId,
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
    });

  let passes = 0;
  result.committed = await importInChunks({
    mode: options.mode,
    pass: async (write) => {
      // All-or-nothing's writing pass reads the file anew after a clean check, and counts again.
      if (passes++ > 0) {
        table = await openTable(options);
        Object.assign(result, { rowsRead: 0, imported: 0, ignored: 0, rejected: 0, warnings: 0, report: [] });
        byNationalId = new Set();
        byNameAndBirth = new Set();
        created = new Map();
        accepted = new Map();
      }
      await pass(write);
    },
    rejected: () => result.rejected,
    finish: () => close('committed'),
    // Refused: nothing was written; the import is recorded (no doses, no persons) with its rejected rows, so
    // that its report can be downloaded.
    refused: () => {
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
      return close('refused');
    },
  });
  return result;
}

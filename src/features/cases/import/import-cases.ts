/**
 * Imports a commune's F0 list (core/import: read, map, validate, report, insert in chunks with the job
 * record). Each row's person is found in the registry (case-persons.ts) or registered flagged for review;
 * each case is checked like an entered one (dates that happened, after the birth; one open case per person)
 * and stored with its contacts linked and the day counts moved, chunk by chunk. All-or-nothing checks every
 * row first and stores nothing if one is rejected; valid-rows stores the rest.
 */
import type { Kysely } from 'kysely';
import { noonOf, vietnamToday } from '../../../core/dates.ts';
import { badRequest, type FieldError } from '../../../core/errors.ts';
import { advanceImportJob, endImportJob, openImportJob } from '../../../core/import/job.ts';
import {
  cellsByField,
  chunked,
  eachDataRow,
  filledCells,
  type ImportMode,
  importInChunks,
  openTable,
  type RowProblem,
} from '../../../core/import/pipeline.ts';
import { firstProblems, ProblemLog } from '../../../core/import/report.ts';
import type { Db } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { unitInScope, unitTree } from '../../admin-units/index.ts';
import { type Actor, appendAudit } from '../../audit/index.ts';
import type { Scope } from '../../auth/index.ts';
import { createPersons, isSignatureRow, type PersonInput } from '../../persons/index.ts';
import { insertCases, treatingCaseOf } from '../cases-store.ts';
import { lifeDateProblems } from '../rules/case-input.ts';
import { type CaseRowFacts, columnNamer, detectCaseHeader, readCaseCells } from '../rules/case-row.ts';
import { matchCasePersons, type PersonCells } from './case-persons.ts';

export interface CaseImportOptions {
  path: string;
  fileName: string;
  /** The commune whose list it is. */
  unitCode: string;
  mode: ImportMode;
  scope: Scope;
  actor: Actor;
  today?: string;
  onProgress?: (bytes: number) => void;
  /** An import that stopped half-way: go on after its last committed chunk. */
  resume?: number;
}

export interface CaseImportResult {
  importId: number;
  rowsRead: number;
  imported: number;
  rejected: number;
  /** Cases of persons already registered, and persons this import registered (flagged for review). */
  matched: number;
  newPersons: number;
  /** The first problems; the import's report has them all. */
  errors: RowProblem[];
  committed: boolean;
}

const KIND = 'cases';
const CHUNK = 500;
type Counts = Pick<CaseImportResult, 'rowsRead' | 'imported' | 'rejected' | 'matched' | 'newPersons'>;
const ZERO: Counts = { rowsRead: 0, imported: 0, rejected: 0, matched: 0, newPersons: 0 };

interface ListedCase {
  row: number;
  person: PersonCells;
  facts: CaseRowFacts;
}

const noHeader = () =>
  badRequest(
    {
      vi: 'Không tìm thấy dòng tiêu đề (Họ và tên, Ngày lấy mẫu…) trong 20 dòng đầu.',
      en: 'No header row (Họ và tên, Ngày lấy mẫu…) in the first 20 rows.',
    },
    [{ field: 'file', message: { vi: 'Không nhận ra dòng tiêu đề.', en: 'Header row not recognised.' } }],
  );

export async function importCases(db: Db, options: CaseImportOptions): Promise<CaseImportResult> {
  const today = options.today ?? vietnamToday();
  const commune = await unitInScope(db, options.scope, options.unitCode);
  if (commune.level !== 3) {
    const message = {
      vi: 'Danh sách F0 là của một xã: chọn mã xã.',
      en: "An F0 list is a commune's: give a commune code.",
    };
    throw badRequest(message, [{ field: 'unit', message }]);
  }
  const tree = await unitTree(db);
  const villages = await db.db
    .selectFrom('villages')
    .select(['id', 'name'])
    .where('commune_code', '=', commune.code)
    .execute();
  const place = {
    province_code: commune.province_code!,
    district_code: commune.district_code!,
    commune_code: commune.code,
  };

  let table = await openTable(options);
  const header = detectCaseHeader(table.head.map((r) => r.cells));
  if (!header) throw noHeader();
  const headerRowNumber = table.head[header.headerRow]!.row;
  const nameOf = columnNamer(header.columns);

  const job = await openImportJob<{ counts: Counts }>(
    db.db,
    KIND,
    place.province_code,
    options.resume,
    (trx) =>
      trx
        .insertInto('case_imports')
        .values({
          province_code: place.province_code,
          commune_code: place.commune_code,
          file_name: options.fileName,
          mode: options.mode,
          status: 'importing',
          rows_read: 0,
          imported: 0,
          rejected: 0,
          matched: 0,
          new_persons: 0,
          created_by: options.actor.userId,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.id)),
  );
  const result: CaseImportResult = {
    importId: job.importId,
    ...ZERO,
    ...job.state?.counts,
    errors: [],
    committed: false,
  };
  const counts = (): Counts => ({
    rowsRead: result.rowsRead,
    imported: result.imported,
    rejected: result.rejected,
    matched: result.matched,
    newPersons: result.newPersons,
  });
  const problems = new ProblemLog(KIND, job.importId, place.province_code);
  const reject = (row: number, found: FieldError[]) => {
    result.rejected += 1;
    for (const p of found) problems.add({ row, column: nameOf(p.field), reason: p.message });
  };
  const personNote = `Tạo từ danh sách F0 “${options.fileName}” (lần nhập ${job.importId}): cần rà soát.`;

  /** One pass over the file: checking only, or each chunk stored in its own transaction. */
  const pass = async (write: boolean) => {
    /** Each person's first row in the file: a person is one case of the list. */
    const seen = new Map<string, number>();
    let current = job.lastRow;
    const check = async (q: Kysely<Database>, pending: ListedCase[]) => {
      const matches = await matchCasePersons(
        pending.map((p) => p.person),
        { q, commune, villages, noon: noonOf(today) },
      );
      const treating = await treatingCaseOf(
        q,
        matches.flatMap((m) => (m.kind === 'registered' ? [Number(m.person.id)] : [])),
      );
      const accepted: { listed: ListedCase; personId: number | null; input: PersonInput | null }[] = [];
      for (const [i, listed] of pending.entries()) {
        const match = matches[i]!;
        if (match.kind === 'rejected') {
          reject(listed.row, match.problems);
          continue;
        }
        const key = match.kind === 'registered' ? `p${match.person.id}` : `n${match.key}`;
        const first = seen.get(key);
        if (first !== undefined) {
          reject(listed.row, [
            {
              field: 'fullName',
              message: { vi: `Trùng người với dòng ${first}.`, en: `The same person as row ${first}.` },
            },
          ]);
          continue;
        }
        seen.set(key, listed.row);
        const open = match.kind === 'registered' ? treating.get(Number(match.person.id)) : undefined;
        if (open !== undefined) {
          reject(listed.row, [
            {
              field: 'fullName',
              message: {
                vi: `Người này đang là ca bệnh (mã ${open}) chưa khỏi.`,
                en: `This person is already a case under treatment (id ${open}).`,
              },
            },
          ]);
          continue;
        }
        const birth =
          match.kind === 'registered'
            ? (match.person.birth_date ?? `${match.person.birth_year}-01-01`)
            : (match.person.birthDate ?? `${match.person.birthYear}-01-01`);
        const dates = [
          ...lifeDateProblems('sampleDate', listed.facts.sampleDate, { today, birth }),
          ...lifeDateProblems('confirmedOn', listed.facts.confirmedOn, { today, birth }),
        ];
        if (dates.length) {
          reject(listed.row, dates);
          continue;
        }
        accepted.push(
          match.kind === 'registered'
            ? { listed, personId: Number(match.person.id), input: null }
            : { listed, personId: null, input: match.person },
        );
      }
      return accepted;
    };

    const store = async (trx: Kysely<Database>, pending: ListedCase[]) => {
      const accepted = await check(trx, pending);
      const fresh = accepted.filter((a) => a.input);
      const ids = await createPersons(
        db,
        trx,
        fresh.map((a) => ({ person: a.input!, place })),
        { note: personNote, kind: 'caseImport', id: job.importId },
      );
      fresh.forEach((a, i) => {
        a.personId = ids[i]!;
      });
      const now = new Date().toISOString();
      await insertCases(
        db,
        trx,
        tree,
        accepted.map(({ listed: { facts }, personId }) => ({
          ...place,
          person_id: personId!,
          sample_date: facts.sampleDate,
          test_kind: facts.testKind,
          confirmed_on: facts.confirmedOn,
          place_of_care: facts.placeOfCare,
          severity: null,
          status: 'treating',
          outcome_on: null,
          source_case_id: null,
          note: facts.note,
          created_by: options.actor.userId,
          created_at: now,
          updated_at: now,
        })),
      );
      result.imported += accepted.length;
      result.newPersons += fresh.length;
      result.matched += accepted.length - fresh.length;
      await problems.write(trx);
      await advanceImportJob(trx, job, current, { counts: counts() });
    };

    const cases = chunked<ListedCase>(CHUNK, async (pending) => {
      if (write) await db.db.transaction().execute((trx) => store(trx, pending));
      else {
        await check(db.db, pending);
        await problems.writeIfFull(db.db);
      }
    });
    await eachDataRow(
      table,
      headerRowNumber,
      async (r) => {
        current = r.row;
        // The table ends at the signature block; a lone cell is a note or a section title.
        if (isSignatureRow(r.cells)) return 'end';
        if (filledCells(r.cells) <= 1) return;
        result.rowsRead += 1;
        const cells = cellsByField(header.columns, r.cells);
        const read = readCaseCells(cells);
        if (!read.ok) reject(r.row, read.problems);
        else await cases.push({ row: r.row, person: cells, facts: read.facts });
      },
      job.lastRow,
    );
    await cases.end();
    if (!write) await problems.write(db.db);
  };

  const close = (status: 'committed' | 'refused') =>
    db.db.transaction().execute(async (trx) => {
      await problems.write(trx);
      result.errors = await firstProblems(trx, KIND, job.importId);
      await trx
        .updateTable('case_imports')
        .set({
          status,
          rows_read: result.rowsRead,
          imported: result.imported,
          rejected: result.rejected,
          matched: result.matched,
          new_persons: result.newPersons,
        })
        .where('id', '=', job.importId)
        .execute();
      await endImportJob(trx, job, status === 'committed' ? 'done' : 'refused');
      if (status === 'committed')
        await appendAudit(trx, db, options.actor, [
          {
            action: 'create',
            entity: 'case_import',
            entityId: job.importId,
            unitCode: commune.code,
            details: { file: options.fileName, mode: options.mode, ...counts() },
          },
        ]);
    });

  let passes = 0;
  result.committed = await importInChunks({
    mode: options.mode,
    checked: job.lastRow > 0,
    pass: async (write) => {
      // All-or-nothing's writing pass reads the file anew after a clean check, and counts again.
      if (passes++ > 0) {
        table = await openTable(options);
        Object.assign(result, ZERO);
      }
      await pass(write);
    },
    rejected: () => result.rejected,
    finish: () => close('committed'),
    refused: () => close('refused'),
  });
  return result;
}

import type { Kysely } from 'kysely';
import { vietnamTodayInstant } from '../../../core/dates.ts';
import { badRequest } from '../../../core/errors.ts';
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
import { foldDiacritics } from '../../../core/text.ts';
import { insertReturningIds } from '../../../db/bulk-insert.ts';
import type { Db } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import type { Task } from '../../../server/off-thread.ts';
import type { AuditEvent } from '../../audit/index.ts';
import { appendAudit } from '../../audit/index.ts';
import { emitPersonEvents } from '../events.ts';
import { sameBirthAndVillage } from '../rules/duplicates.ts';
import { detectHeader, isSignatureRow, type PersonField } from '../rules/headers.ts';
import { type PersonInput, validatePersonRow } from '../rules/person-row.ts';
import { insertPersonRows, personRow, setHouseholdHeads } from '../store.ts';

export type { ImportMode };
export type RowError = RowProblem;

export interface ImportResult {
  batchId: number | null;
  rowsRead: number;
  imported: number;
  rejected: number;
  review: number;
  /** Rows whose national ID is already in the registry: the same person, not inserted again. */
  existing: number;
  /** The first problems (SHOWN_PROBLEMS); the batch's report has them all. */
  errors: RowError[];
  committed: boolean;
}

/** An import run from the server, in a worker thread (server/off-thread.ts): the caller is the actor. */
export type ImportTaskArgs = Omit<ImportOptions, 'actor' | 'onProgress'>;
export const importTask: Task<ImportTaskArgs, ImportResult> = (ctx, args) =>
  importPersons(ctx.db, { ...args, actor: ctx.scope });

export interface ImportOptions {
  path: string;
  fileName: string;
  communeCode: string;
  mode: ImportMode;
  /** Column index → field, overriding the recognised headers (the user's own mapping). */
  mapping?: Record<number, PersonField | null>;
  /** With a manual mapping: the Excel row number of the header (data starts below it). */
  headerRow?: number;
  actor: { userId: number | null; username: string | null; ip: string | null };
  today?: Date;
  onProgress?: (bytes: number) => void;
  /** A batch whose import stopped half-way (its job still running): go on after its last committed chunk. */
  resume?: number;
}

const CHUNK = 500;
const KIND = 'persons';
type Counts = Pick<ImportResult, 'rowsRead' | 'imported' | 'rejected' | 'review' | 'existing'>;
const batchCounts = (r: Counts) => ({
  rows_read: r.rowsRead,
  imported: r.imported,
  rejected: r.rejected,
  review: r.review,
  existing: r.existing,
});

/** Folded name (personRow's name_folded) and birth year. */
const namesakeKey = (folded: string, birthYear: number) => `${folded}|${birthYear}`;

/**
 * Imports a commune's person list in chunks, each its own short transaction (core/import: the server keeps
 * answering, progress shows, a crash keeps the committed chunks and resumes after them). In all-or-nothing
 * mode every row is checked first and one rejected row refuses the file before anything is written; in
 * valid-rows mode the valid rows are committed and the rest reported. Either way the batch is recorded with
 * its error report, and a committed batch can be undone.
 */
export async function importPersons(db: Db, options: ImportOptions): Promise<ImportResult> {
  const today = options.today ?? vietnamTodayInstant();
  const commune = await db.db
    .selectFrom('admin_units')
    .selectAll()
    .where('code', '=', options.communeCode)
    .executeTakeFirst();
  if (commune?.level !== 3)
    throw badRequest({ vi: 'Mã xã không hợp lệ.', en: 'Not a commune code.' }, [
      { field: 'commune', message: { vi: 'Mã xã không hợp lệ.', en: 'Not a commune code.' } },
    ]);
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

  // Read the first rows to find the header, then go on with the same stream.
  let table = await openTable(options);
  const head = table.head;
  const header = detectHeader(head.map((r) => r.cells));
  if (!header && !options.mapping)
    throw badRequest(
      {
        vi: 'Không tìm thấy dòng tiêu đề (Họ và tên, Ngày sinh…) trong 20 dòng đầu. Hãy chọn cột bằng tay.',
        en: 'No header row (Họ và tên, Ngày sinh…) in the first 20 rows. Map the columns by hand.',
      },
      [{ field: 'file', message: { vi: 'Không nhận ra dòng tiêu đề.', en: 'Header row not recognised.' } }],
    );
  // Data starts under the header: its row number as Excel shows it (or the user's choice with a manual mapping).
  const headerRowNumber = options.headerRow ?? (header ? head[header.headerRow]!.row : 0);
  const columns = (header?.columns ?? []).map((c) => ({
    ...c,
    field: options.mapping && c.index in options.mapping ? options.mapping[c.index]! : c.field,
  }));
  if (options.mapping)
    for (const [index, field] of Object.entries(options.mapping))
      if (!columns.some((c) => c.index === Number(index)))
        columns.push({ index: Number(index), header: `#${Number(index) + 1}`, field });
  if (!columns.some((c) => c.field === 'fullName'))
    throw badRequest({ vi: 'Chưa có cột Họ và tên.', en: 'No full-name column.' }, [
      { field: 'mapping', message: { vi: 'Chọn cột Họ và tên.', en: 'Choose the full-name column.' } },
    ]);
  const headerNames = new Map(columns.map((c) => [c.field, c.header]));

  const result: ImportResult = {
    batchId: null,
    rowsRead: 0,
    imported: 0,
    rejected: 0,
    review: 0,
    existing: 0,
    errors: [],
    committed: false,
  };
  const job = await openImportJob<{ counts: Counts }>(db.db, KIND, options.resume, (trx) =>
    trx
      .insertInto('import_batches')
      .values({
        kind: 'persons',
        commune_code: commune.code,
        province_code: place.province_code,
        file_name: options.fileName,
        mode: options.mode,
        rows_read: 0,
        imported: 0,
        rejected: 0,
        review: 0,
        existing: 0,
        status: 'importing',
        errors: '[]',
        created_by: options.actor.userId,
        created_at: new Date().toISOString(),
        undone_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((b) => b.id),
  );
  if (job.state) Object.assign(result, job.state.counts);
  const batch = { id: job.importId };
  result.batchId = batch.id;
  const problems = new ProblemLog(KIND, batch.id);
  const counts = (): Counts => ({
    rowsRead: result.rowsRead,
    imported: result.imported,
    rejected: result.rejected,
    review: result.review,
    existing: result.existing,
  });
  // Persons of this commune by folded name and birth year: registered ones as looked up, and this file's rows.
  const namesakes = new Map<
    string,
    { id: number; fullName: string; birthDate: string | null; birthYear: number; villageId: number | null }[]
  >();
  // Households from the list's "Chủ hộ" column: one per head's name and village; the head is the member
  // whose relation is "Chủ hộ" or whose own name is the head's.
  const householdIds = new Map<string, number>();
  const isHead = (p: PersonInput) =>
    foldDiacritics(p.relationToHead ?? '') === 'chu ho' ||
    (!!p.householdHead && foldDiacritics(p.householdHead) === foldDiacritics(p.fullName));
  const householdKey = (p: PersonInput): string | null => {
    const head = p.householdHead ?? (isHead(p) ? p.fullName : null);
    return head ? `${p.villageId ?? ''}|${foldDiacritics(head)}` : null;
  };

  /** One pass over the file: checking only (`write` false), or writing each chunk in its own transaction. */
  const pass = async (write: boolean) => {
    const seenIds = new Map<string, number>();
    let current = job.lastRow;
    const now = new Date().toISOString();
    if (write) await loadNamesakes();

    /** The households of a chunk's persons, the new ones inserted together. */
    const householdsOf = async (
      trx: Kysely<Database>,
      persons: PersonInput[],
    ): Promise<(number | null)[]> => {
      const keys = persons.map(householdKey);
      const added = new Map<string, PersonInput>();
      persons.forEach((p, i) => {
        const key = keys[i];
        if (key && !householdIds.has(key) && !added.has(key)) added.set(key, p);
      });
      const ids = await insertReturningIds(
        db,
        trx,
        'households',
        [...added.values()].map((p) => ({
          commune_code: commune.code,
          province_code: place.province_code,
          village_id: p.villageId,
          head_person_id: null,
          address: p.address,
          import_batch_id: batch.id,
          created_at: now,
        })),
      );
      for (const [i, key] of [...added.keys()].entries()) householdIds.set(key, ids[i]!);
      return keys.map((key) => (key ? householdIds.get(key)! : null));
    };

    // Each chunk commits on its own with its problems and the job's progress: the rows up to `current`.
    const persons = chunked<{ row: number; person: PersonInput }>(CHUNK, (pending) =>
      db.db.transaction().execute(async (trx) => {
        const nationalIds = pending.flatMap((p) => (p.person.nationalId ? [p.person.nationalId] : []));
        const known = new Set(
          nationalIds.length
            ? (
                await trx
                  .selectFrom('persons')
                  .select('national_id')
                  .where('national_id', 'in', nationalIds)
                  .execute()
              ).map((r) => r.national_id)
            : [],
        );
        const fresh = pending.filter((p) => !p.person.nationalId || !known.has(p.person.nationalId));
        result.existing += pending.length - fresh.length;
        const households = await householdsOf(
          trx,
          fresh.map((p) => p.person),
        );
        const newRows = fresh.map((p, i) =>
          personRow(p.person, place, { importBatchId: batch.id, householdId: households[i], now }),
        );
        const ids = await insertPersonRows(db, trx, newRows);
        const heads = new Map<number, number>();
        for (const [i, p] of fresh.entries())
          if (households[i] && isHead(p.person)) heads.set(households[i]!, ids[i]!);
        await setHouseholdHeads(db, trx, heads);
        // One `created` event per person registered, with the chunk that registers them.
        await emitPersonEvents(
          db,
          trx,
          ids.map((personId) => ({
            kind: 'created' as const,
            personId,
            provinceCode: place.province_code,
            payload: { source: 'import', batchId: batch.id },
          })),
        );
        result.imported += fresh.length;
        const reviews = fresh.flatMap((p, i) => {
          const { fullName, birthDate, birthYear, villageId } = p.person;
          const key = namesakeKey(newRows[i]!.name_folded, birthYear);
          const same = namesakes.get(key) ?? [];
          const candidate = same.find((c) => c.id !== ids[i]! && sameBirthAndVillage(c, p.person))?.id;
          // The five facts the rule compares, not a spread of the whole person: V8 copies spreads slowly.
          same.push({ id: ids[i]!, fullName, birthDate, birthYear, villageId });
          namesakes.set(key, same);
          if (!candidate) return [];
          return [
            {
              commune_code: commune.code,
              person_id: ids[i]!,
              candidate_id: candidate,
              reason: 'nameAndBirthDate',
              status: 'open',
              snapshot: null,
              decided_by: null,
              decided_at: null,
              created_at: now,
            },
          ];
        });
        if (reviews.length) await trx.insertInto('duplicate_reviews').values(reviews).execute();
        result.review += reviews.length;
        await problems.write(trx);
        await advanceImportJob(trx, job, current, { counts: counts() });
      }),
    );

    await eachDataRow(
      table,
      headerRowNumber,
      async (r) => {
        current = r.row;
        // The table ends at the signature block ("Người lập biểu", "…, ngày … tháng … năm …").
        if (isSignatureRow(r.cells)) return 'end';
        // A lone cell under or inside the table is a note or a section title ("Người lập biểu"), not a person.
        if (filledCells(r.cells) <= 1) return;
        result.rowsRead += 1;
        const cells = cellsByField(columns, r.cells);
        const checked = validatePersonRow(cells, { today, villages });
        if (!checked.ok) {
          result.rejected += 1;
          for (const e of checked.errors)
            problems.add({ row: r.row, column: headerNames.get(e.field) ?? e.field, reason: e.reason });
          return write ? undefined : problems.writeIfFull(db.db).then(() => undefined);
        }
        const id = checked.person.nationalId;
        if (id && seenIds.has(id)) {
          result.rejected += 1;
          const reason = {
            vi: `Trùng số CCCD/CMND với dòng ${seenIds.get(id)}.`,
            en: `Same national ID as row ${seenIds.get(id)}.`,
          };
          problems.add({ row: r.row, column: headerNames.get('nationalId') ?? 'nationalId', reason });
          return write ? undefined : problems.writeIfFull(db.db).then(() => undefined);
        }
        if (id) seenIds.set(id, r.row);
        if (write) await persons.push({ row: r.row, person: checked.person });
      },
      job.lastRow,
    );
    await persons.end();
    if (!write) await problems.write(db.db);
  };

  // The commune's registered persons by folded name and birth year, read once: duplicates are then found
  // in memory, not by a query per chunk (a commune holds thousands, the province bench a million).
  async function loadNamesakes() {
    for (const c of await db.db
      .selectFrom('persons')
      .select(['id', 'full_name', 'birth_date', 'birth_year', 'village_id'])
      .where('commune_code', '=', place.commune_code)
      .where('merged_into', 'is', null)
      .execute()) {
      const key = namesakeKey(foldDiacritics(c.full_name), c.birth_year);
      const same = namesakes.get(key) ?? [];
      same.push({
        id: c.id,
        fullName: c.full_name,
        birthDate: c.birth_date,
        birthYear: c.birth_year,
        villageId: c.village_id,
      });
      namesakes.set(key, same);
    }
  }

  /** The batch's end: its counts, first problems and status, and the job's. */
  const close = (status: 'committed' | 'refused') =>
    db.db.transaction().execute(async (trx) => {
      await problems.write(trx);
      result.errors = await firstProblems(trx, KIND, batch.id);
      await trx
        .updateTable('import_batches')
        .set({ ...batchCounts(result), status, errors: JSON.stringify(result.errors) })
        .where('id', '=', batch.id)
        .execute();
      await endImportJob(trx, job, status === 'committed' ? 'done' : 'refused');
      if (status === 'refused') return;
      const event: AuditEvent = {
        action: 'create',
        entity: 'import_batch',
        entityId: batch.id,
        unitCode: commune.code,
        details: {
          file: options.fileName,
          mode: options.mode,
          imported: result.imported,
          rejected: result.rejected,
          review: result.review,
          existing: result.existing,
        },
      };
      await appendAudit(trx, db, options.actor, [event]);
    });

  let passes = 0;
  result.committed = await importInChunks({
    mode: options.mode,
    checked: job.lastRow > 0,
    pass: async (write) => {
      // A second pass (all-or-nothing, after a clean check) reads the file anew and counts again.
      if (passes++ > 0) {
        table = await openTable(options);
        Object.assign(result, { rowsRead: 0, rejected: 0 });
      }
      await pass(write);
    },
    rejected: () => result.rejected,
    finish: () => close('committed'),
    // Refused: the batch is recorded with its report and no persons.
    refused: () => close('refused'),
  });
  return result;
}

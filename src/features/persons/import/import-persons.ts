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
import { forgetAreaDetails, insertVillage } from '../../admin-units/index.ts';
import type { AuditEvent } from '../../audit/index.ts';
import { appendAudit } from '../../audit/index.ts';
import { emitPersonEvents } from '../events.ts';
import { sameBirthAndVillage } from '../rules/duplicates.ts';
import { isSignatureRow } from '../rules/headers.ts';
import {
  type ListedRow,
  listedChanges,
  mergedInto,
  mergeRepeat,
  repeatConflict,
} from '../rules/listed-person.ts';
import { type PersonInput, validatePersonRow } from '../rules/person-row.ts';
import { insertPersonRows, personRow, setHouseholdHeads, updateListedPersons } from '../store.ts';
import { findListed, type Namesake, namesakeKey, registeredNamesakes } from './listed-persons.ts';
import {
  type NewVillageReport,
  type NewVillagesChoice,
  surveyNewVillages,
  villageBook,
} from './new-villages.ts';
import { type ColumnChoice, personColumns } from './person-columns.ts';

export type { ImportMode };
export type RowError = RowProblem;

/** Every row read is imported (new, updated or unchanged), merged into an earlier row, or rejected. */
export interface ImportResult {
  batchId: number | null;
  rowsRead: number;
  imported: number;
  /** Of the imported rows: persons registered, registered ones the row changed, and those it left as they were. */
  added: number;
  updated: number;
  unchanged: number;
  /** Rows repeating an earlier row's national ID, merged into it (each named in `mergedRows`). */
  merged: number;
  mergedRows: RowError[];
  rejected: number;
  review: number;
  /** Rows whose person was already registered (updated + unchanged). */
  existing: number;
  /** Villages the list names that the commune did not have: created (with their id) or not. */
  newVillages: NewVillageReport[];
  /** The first problems (SHOWN_PROBLEMS); the batch's report has them all. */
  errors: RowError[];
  committed: boolean;
}

/** An import run from the server, in a worker thread (server/off-thread.ts): the caller is the actor. */
export type ImportTaskArgs = Omit<ImportOptions, 'actor' | 'onProgress'>;
export const importTask: Task<ImportTaskArgs, ImportResult> = (ctx, args) =>
  importPersons(ctx.db, { ...args, actor: ctx.scope });

export interface ImportOptions extends ColumnChoice {
  path: string;
  fileName: string;
  communeCode: string;
  mode: ImportMode;
  /** Villages the commune lacks: ask first (nothing stored while there are some), create, or reject their rows. */
  newVillages?: NewVillagesChoice;
  actor: { userId: number | null; username: string | null; ip: string | null };
  today?: Date;
  onProgress?: (bytes: number) => void;
  /** A batch whose import stopped half-way (its job still running): go on after its last committed chunk. */
  resume?: number;
}

const CHUNK = 500;
const KIND = 'persons';
/** Merged rows named in the answer (the count has them all). */
const SHOWN_MERGED = 1000;
type Counts = Pick<
  ImportResult,
  'rowsRead' | 'imported' | 'added' | 'updated' | 'unchanged' | 'merged' | 'rejected' | 'review' | 'existing'
>;
const COUNT_KEYS: (keyof Counts)[] = [
  'rowsRead',
  'imported',
  'added',
  'updated',
  'unchanged',
  'merged',
  'rejected',
  'review',
  'existing',
];
const batchCounts = (r: Counts) => ({
  rows_read: r.rowsRead,
  imported: r.imported,
  rejected: r.rejected,
  review: r.review,
  existing: r.existing,
});

/** The head of a row's household is the member whose relation is "Chủ hộ" or whose own name is the head's. */
const isHead = (p: PersonInput) =>
  foldDiacritics(p.relationToHead ?? '') === 'chu ho' ||
  (!!p.householdHead && foldDiacritics(p.householdHead) === foldDiacritics(p.fullName));
const headOf = (p: PersonInput) => p.householdHead ?? (isHead(p) ? p.fullName : null);
const householdKey = (p: PersonInput): string | null => {
  const head = headOf(p);
  return head ? `${p.villageId ?? ''}|${foldDiacritics(head)}` : null;
};

/** A valid row on its way to the registry; `repeatOf`: the row whose national ID it repeats. */
interface Entry {
  row: number;
  person: PersonInput;
  repeatOf?: number;
  seen?: Seen;
}

/** The first row of a national ID, as later rows with the same ID are compared with it. */
interface Seen extends ListedRow {
  /** Its entry while it waits in the chunk (a repeat merges into it); null once written. */
  waiting: Entry | null;
}

/**
 * Imports a commune's person list in chunks, each its own short transaction (core/import: the server keeps
 * answering, progress shows, a crash keeps the committed chunks and resumes after them). In all-or-nothing
 * mode every row is checked first and one rejected row refuses the file before anything is written; in
 * valid-rows mode the valid rows are committed and the rest reported. A row already registered (by national
 * ID, or by name, birth and household) updates that person instead of adding one; a row repeating an earlier
 * row's national ID is merged into it. Villages the commune lacks are asked about, created or rejected. Either
 * way the batch is recorded with its error report, and a committed batch can be undone.
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
  const book = villageBook(
    await db.db
      .selectFrom('villages')
      .select(['id', 'name'])
      .where('commune_code', '=', commune.code)
      .execute(),
    commune.kind,
  );
  const result: ImportResult = {
    batchId: null,
    rowsRead: 0,
    imported: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    mergedRows: [],
    rejected: 0,
    review: 0,
    existing: 0,
    newVillages: [],
    errors: [],
    committed: false,
  };
  if (options.newVillages === 'ask') {
    const survey = await surveyNewVillages(options, villageBook(book.villages(), commune.kind));
    if (survey.newVillages.length) return { ...result, ...survey };
  }
  const place = {
    province_code: commune.province_code!,
    district_code: commune.district_code!,
    commune_code: commune.code,
  };

  // Read the first rows to find the header, then go on with the same stream.
  let table = await openTable(options);
  const { headerRowNumber, columns, headerNames } = personColumns(table.head, options);

  // Persons of this commune by folded name and birth year: registered ones as looked up, and this file's rows.
  let namesakes = new Map<string, Namesake[]>();
  /** Registered persons earlier rows took by name (two rows never take the same one). */
  const claimed = new Set<number>();
  const job = await openImportJob<{ counts: Counts }>(
    db.db,
    KIND,
    place.province_code,
    options.resume,
    (trx) =>
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
  const problems = new ProblemLog(KIND, batch.id, place.province_code);
  const counts = () => Object.fromEntries(COUNT_KEYS.map((k) => [k, result[k]])) as Counts;
  // Households from the list's "Chủ hộ" column: one per head's name and village.
  const householdIds = new Map<string, number>();
  // The check pass (all-or-nothing) only pretends to create new villages: rows naming them are valid.
  const checkBook = villageBook(book.villages(), commune.kind);
  let pretended = 0;
  let wrote = false;

  /** One pass over the file: checking only (`write` false), or writing each chunk in its own transaction. */
  const pass = async (write: boolean) => {
    const seenIds = new Map<string, Seen>();
    const villagesOf = write ? book : checkBook;
    let current = job.lastRow;
    const now = new Date().toISOString();
    if (write) {
      wrote = true;
      namesakes = await registeredNamesakes(db.db, commune.code);
    }

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
    const persons = chunked<Entry>(CHUNK, (pending) =>
      db.db.transaction().execute(async (trx) => {
        const registered = await findListed(
          trx,
          pending.map((e) => ({ person: e.person, head: headOf(e.person) })),
          namesakes,
          claimed,
        );
        const fresh: Entry[] = [];
        const changes: Parameters<typeof updateListedPersons>[2][number][] = [];
        pending.forEach((e, i) => {
          if (e.seen) e.seen.waiting = null;
          const before = registered[i];
          if (!before) {
            if (e.repeatOf === undefined) fresh.push(e);
            return;
          }
          // A new member of a registered household joins it rather than a household of its own.
          const key = householdKey(e.person);
          if (key && before.household_id && !householdIds.has(key))
            householdIds.set(key, before.household_id);
          const set = before.merged_into ? {} : listedChanges(before, e.person, e.repeatOf !== undefined);
          const changed = Object.keys(set).length > 0;
          if (changed) changes.push({ before, set });
          if (e.repeatOf !== undefined) return; // counted as merged
          result.existing += 1;
          if (changed) result.updated += 1;
          else result.unchanged += 1;
        });
        await updateListedPersons(db, trx, changes, batch.id);
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
        result.added += fresh.length;
        result.imported = result.added + result.updated + result.unchanged;
        const reviews = fresh.flatMap((p, i) => {
          const { fullName, birthDate, birthYear, villageId, householdHead } = p.person;
          const key = namesakeKey(newRows[i]!.name_folded, birthYear);
          const same = namesakes.get(key) ?? [];
          const candidate = same.find((c) => c.id !== ids[i]! && sameBirthAndVillage(c, p.person))?.id;
          // The facts the rules compare, not a spread of the whole person: V8 copies spreads slowly.
          same.push({
            id: ids[i]!,
            fullName,
            birthDate,
            birthYear,
            villageId,
            householdHead,
            thisImport: true,
          });
          namesakes.set(key, same);
          if (!candidate) return [];
          return [
            {
              province_code: place.province_code,
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
        // The chunk's personal data is audited with it: an audit that fails rolls the chunk back.
        await appendAudit(trx, db, options.actor, [
          {
            action: 'create',
            entity: 'person',
            unitCode: commune.code,
            details: {
              importBatch: batch.id,
              added: fresh.length,
              updated: changes.length,
              lastRow: current,
            },
          },
        ]);
        await problems.write(trx);
        await advanceImportJob(trx, job, current, { counts: counts() });
      }),
    );

    /** A village the commune lacks, created when the user asked for it (in the check pass: as if created). */
    const villageOf = async (cell: unknown) => {
      const village = villagesOf.see(cell);
      if (!village || village.id !== null || options.newVillages !== 'create') return;
      if (!write) return checkBook.created(village, -++pretended);
      const id = await db.db.transaction().execute(async (trx) => {
        const created = await insertVillage(trx, commune, village);
        await appendAudit(trx, db, options.actor, [
          {
            action: 'create',
            entity: 'village',
            entityId: created,
            unitCode: commune.code,
            details: { name: village.name, kind: village.kind, importBatch: batch.id },
          },
        ]);
        return created;
      });
      book.created(village, id);
    };
    const reject = (row: number, column: string, reason: RowProblem['reason']) => {
      result.rejected += 1;
      problems.add({ row, column, reason });
      return write ? undefined : problems.writeIfFull(db.db).then(() => undefined);
    };

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
        await villageOf(cells.village);
        const checked = validatePersonRow(cells, { today, villages: villagesOf.villages() });
        if (!checked.ok) {
          for (const e of checked.errors) {
            problems.add({ row: r.row, column: headerNames.get(e.field) ?? e.field, reason: e.reason });
          }
          result.rejected += 1;
          return write ? undefined : problems.writeIfFull(db.db).then(() => undefined);
        }
        const id = checked.person.nationalId;
        const first = id ? seenIds.get(id) : undefined;
        const idColumn = headerNames.get('nationalId') ?? 'nationalId';
        if (first) {
          const conflict = repeatConflict(first, { row: r.row, ...checked.person });
          if (conflict) return reject(r.row, idColumn, conflict);
          result.merged += 1;
          if (result.mergedRows.length < SHOWN_MERGED)
            result.mergedRows.push({ row: r.row, column: idColumn, reason: mergedInto(first.row, r.row) });
          // Still waiting in the chunk: merged in place; already written: its gaps are filled like a re-import's.
          if (!write) return;
          if (first.waiting) first.waiting.person = mergeRepeat(first.waiting.person, checked.person);
          else await persons.push({ row: r.row, person: checked.person, repeatOf: first.row });
          return;
        }
        const entry: Entry = { row: r.row, person: checked.person };
        if (id) {
          const { fullName, birthDate, birthYear } = checked.person;
          entry.seen = { row: r.row, fullName, birthDate, birthYear, waiting: write ? entry : null };
          seenIds.set(id, entry.seen);
        }
        if (write) await persons.push(entry);
      },
      job.lastRow,
    );
    await persons.end();
    if (!write) await problems.write(db.db);
  };

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
          added: result.added,
          updated: result.updated,
          unchanged: result.unchanged,
          merged: result.merged,
          rejected: result.rejected,
          review: result.review,
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
        Object.assign(result, { rowsRead: 0, rejected: 0, merged: 0, mergedRows: [] });
      }
      await pass(write);
    },
    rejected: () => result.rejected,
    finish: () => close('committed'),
    // Refused: the batch is recorded with its report and no persons.
    refused: () => close('refused'),
  });
  result.newVillages = (wrote ? book : checkBook)
    .report()
    .map((v) => (v.id !== null && v.id < 0 ? { ...v, id: null } : v));
  if (result.newVillages.some((v) => v.id !== null)) forgetAreaDetails(db, commune.code);
  return result;
}

import type { Kysely, Selectable, Updateable } from 'kysely';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, DuplicateReviewTable, PersonTable } from '../../db/schema.ts';
import { placeColumn, recordInScope, unitInScope } from '../admin-units/index.ts';
import { type AuditEvent, appendAudit, recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { dispatchAfterCommit, emitPersonEvents, type PersonEventInput } from './events.ts';
import { effectiveBirthDate } from './rules/age-bands.ts';
import { syncNationalIds } from './store.ts';

const reviewNotFound = () =>
  notFound({ vi: 'Không tìm thấy mục cần xem xét.', en: 'Review item not found.' });
const batchNotFound = () => notFound({ vi: 'Không tìm thấy lần nhập.', en: 'Import batch not found.' });

/** Fields a merge may fill on the kept record from the duplicate, when the kept one lacks them. */
const FILLABLE = [
  'national_id',
  'phone',
  'birth_date',
  'address',
  'occupation',
  'village_id',
  'household_id',
] as const;

async function reviewInScope(db: Db, scope: Scope, id: number) {
  const review = await db.db
    .selectFrom('duplicate_reviews')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!review) throw reviewNotFound();
  return recordInScope(db, scope, review.commune_code, reviewNotFound, review);
}

/** A review still waiting for a decision: 400 once merged or kept. */
async function openReviewInScope(db: Db, scope: Scope, id: number) {
  const review = await reviewInScope(db, scope, id);
  if (review.status !== 'open')
    throw badRequest({ vi: 'Mục này đã được xử lý.', en: 'This item was already decided.' });
  return review;
}

/** Writes a decision on a review (or its undoing) and audits it as an update, in the caller's transaction. */
async function writeDecision(
  trx: Kysely<Database>,
  db: Db,
  scope: Scope,
  review: Selectable<DuplicateReviewTable>,
  decision: Updateable<DuplicateReviewTable>,
  event: Pick<AuditEvent, 'entity' | 'details'>,
) {
  await trx.updateTable('duplicate_reviews').set(decision).where('id', '=', review.id).execute();
  await appendAudit(trx, db, scope, [
    { action: 'update', entityId: review.id, unitCode: review.commune_code, ...event },
  ]);
}

/** Open likely-duplicate pairs of a unit, both records side by side (a list with names: audited). */
export async function listReviews(db: Db, scope: Scope, unitCode: string, status = 'open') {
  const unit = await unitInScope(db, scope, unitCode);
  const column = placeColumn('persons', unit.level);
  let q = db.db
    .selectFrom('duplicate_reviews')
    .innerJoin('persons', 'persons.id', 'duplicate_reviews.person_id')
    .select([
      'duplicate_reviews.id',
      'duplicate_reviews.person_id',
      'duplicate_reviews.candidate_id',
      'duplicate_reviews.reason',
      'duplicate_reviews.status',
      'duplicate_reviews.created_at',
    ]);
  if (column) q = q.where(column, '=', unit.code);
  const reviews = await q
    .where('duplicate_reviews.status', '=', status)
    .orderBy('duplicate_reviews.id')
    .limit(500)
    .execute();
  const ids = reviews.flatMap((r) => [r.person_id, r.candidate_id]);
  const persons = ids.length
    ? await db.db
        .selectFrom('persons')
        .select([
          'id',
          'full_name',
          'birth_date',
          'birth_year',
          'sex',
          'national_id',
          'phone',
          'village_id',
          'import_batch_id',
          'created_at',
        ])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(persons.map((p) => [p.id, p]));
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'duplicate_review_list',
      unitCode: unit.code,
      details: { count: reviews.length },
    },
  ]);
  return reviews.map((r) => ({ ...r, person: byId.get(r.person_id)!, candidate: byId.get(r.candidate_id)! }));
}

/**
 * Merges the newer record into the older one: the kept record takes the fields it lacked, the duplicate is
 * marked merged_into and disappears from lists. Both records are kept in the review's snapshot, so the merge
 * can be undone exactly.
 */
export async function mergeReview(db: Db, scope: Scope, id: number) {
  const review = await openReviewInScope(db, scope, id);
  await db.db.transaction().execute(async (trx) => {
    const kept = await trx
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', review.candidate_id)
      .executeTakeFirstOrThrow();
    const duplicate = await trx
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', review.person_id)
      .executeTakeFirstOrThrow();
    const fill: Updateable<PersonTable> = Object.fromEntries(
      FILLABLE.filter((f) => kept[f] == null && duplicate[f] != null).map((f) => [f, duplicate[f]]),
    );
    // Ages and age bands are read from birth_sort: a birth date taken from the duplicate moves it too.
    if (fill.birth_date)
      fill.birth_sort = effectiveBirthDate({ birthDate: fill.birth_date, birthYear: kept.birth_year });
    const now = new Date().toISOString();
    // The national ID is unique: free it on the duplicate before the kept record takes it.
    await trx
      .updateTable('persons')
      .set({ merged_into: kept.id, national_id: null, updated_at: now })
      .where('id', '=', duplicate.id)
      .execute();
    if (Object.keys(fill).length)
      await trx
        .updateTable('persons')
        .set({ ...fill, updated_at: now })
        .where('id', '=', kept.id)
        .execute();
    await syncNationalIds(trx, [duplicate.id, kept.id]);
    const events: PersonEventInput[] = [
      {
        kind: 'merged',
        personId: duplicate.id,
        provinceCode: duplicate.province_code,
        payload: {
          into: kept.id,
          review: review.id,
          ...(duplicate.merged_into ? { previouslyInto: duplicate.merged_into } : {}),
        },
      },
    ];
    // The kept record took a birth date or a sex it lacked: its age band may change.
    const changed = BIRTH_AND_SEX.filter((f) => f in fill);
    if (changed.length)
      events.push({
        kind: 'updated',
        personId: kept.id,
        provinceCode: kept.province_code,
        payload: { filled: changed, from: duplicate.id },
      });
    await emitPersonEvents(db, trx, events);
    await writeDecision(
      trx,
      db,
      scope,
      review,
      {
        status: 'merged',
        snapshot: JSON.stringify({ kept, duplicate }),
        decided_by: scope.userId,
        decided_at: now,
      },
      { entity: 'person_merge', details: { kept: kept.id, merged: duplicate.id, filled: Object.keys(fill) } },
    );
  });
  await dispatchAfterCommit(db);
}

/** The fields a merge may fill that a person's age band depends on. */
const BIRTH_AND_SEX = ['birth_date', 'birth_year', 'birth_sort', 'sex'];

/** Keeps both records as different people. */
export async function keepBoth(db: Db, scope: Scope, id: number) {
  const review = await openReviewInScope(db, scope, id);
  await db.db
    .transaction()
    .execute((trx) =>
      writeDecision(
        trx,
        db,
        scope,
        review,
        { status: 'kept', decided_by: scope.userId, decided_at: new Date().toISOString() },
        { entity: 'duplicate_review', details: { decision: 'kept' } },
      ),
    );
}

/** Undoes a merge from its snapshot: both records return as they were, the pair is open again. */
export async function unmerge(db: Db, scope: Scope, id: number) {
  const review = await reviewInScope(db, scope, id);
  if (review.status !== 'merged' || !review.snapshot)
    throw badRequest({ vi: 'Mục này chưa được gộp.', en: 'This item was not merged.' });
  const { kept, duplicate } = JSON.parse(review.snapshot);
  await db.db.transaction().execute(async (trx) => {
    const { id: keptId, ...keptFields } = kept;
    const { id: duplicateId, ...duplicateFields } = duplicate;
    await trx
      .updateTable('persons')
      .set({ ...keptFields, national_id: null })
      .where('id', '=', keptId)
      .execute();
    await trx.updateTable('persons').set(duplicateFields).where('id', '=', duplicateId).execute();
    await trx
      .updateTable('persons')
      .set({ national_id: kept.national_id })
      .where('id', '=', keptId)
      .execute();
    await syncNationalIds(trx, [keptId, duplicateId]);
    await emitPersonEvents(db, trx, [
      {
        kind: 'merged',
        personId: duplicateId,
        provinceCode: duplicate.province_code,
        payload: { into: keptId, review: review.id, undone: true },
      },
      // The kept record returns to its fields before the merge (birth date, sex it had taken).
      { kind: 'updated', personId: keptId, provinceCode: kept.province_code, payload: { restored: true } },
    ]);
    await writeDecision(
      trx,
      db,
      scope,
      review,
      { status: 'open', snapshot: null, decided_by: null, decided_at: null },
      { entity: 'person_merge', details: { undone: true, kept: keptId, restored: duplicateId } },
    );
  });
  await dispatchAfterCommit(db);
}

export async function listBatches(db: Db, scope: Scope, unitCode: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const column = unit.level === 1 ? 'province_code' : unit.level === 3 ? 'commune_code' : null;
  let q = db.db
    .selectFrom('import_batches')
    .select([
      'id',
      'kind',
      'commune_code',
      'file_name',
      'mode',
      'rows_read',
      'imported',
      'rejected',
      'review',
      'existing',
      'status',
      'created_at',
      'undone_at',
    ]);
  if (column) q = q.where(column, '=', unit.code);
  else if (unit.level === 2)
    q = q.where(
      'commune_code',
      'in',
      (await db.db.selectFrom('admin_units').select('code').where('district_code', '=', unit.code).execute())
        .map((u) => u.code)
        .concat(['']),
    );
  return q.orderBy('id', 'desc').limit(200).execute();
}

export async function batchInScope(db: Db, scope: Scope, id: number) {
  const batch = await db.db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch) throw batchNotFound();
  return recordInScope(db, scope, batch.commune_code, batchNotFound, batch);
}

/** Undoes a committed import: its persons and their review items go; a merge involving them must be undone first. */
export async function undoBatch(db: Db, scope: Scope, id: number) {
  const batch = await batchInScope(db, scope, id);
  if (batch.status !== 'committed')
    throw badRequest({ vi: 'Lần nhập này không thể hoàn tác.', en: 'This import cannot be undone.' });
  await db.db.transaction().execute(async (trx) => {
    const ids = trx.selectFrom('persons').select('id').where('import_batch_id', '=', id);
    const merged = await trx
      .selectFrom('duplicate_reviews')
      .select('id')
      .where('status', '=', 'merged')
      .where((eb) => eb.or([eb('person_id', 'in', ids), eb('candidate_id', 'in', ids)]))
      .executeTakeFirst();
    if (merged)
      throw badRequest({
        vi: 'Có người trong lần nhập đã được gộp: hãy hoàn tác việc gộp trước.',
        en: 'Persons of this import were merged: undo the merge first.',
      });
    await trx
      .deleteFrom('duplicate_reviews')
      .where((eb) => eb.or([eb('person_id', 'in', ids), eb('candidate_id', 'in', ids)]))
      .execute();
    const gone = await trx
      .selectFrom('persons')
      .select(['id', 'province_code', 'merged_into'])
      .where('import_batch_id', '=', id)
      .execute();
    await emitPersonEvents(
      db,
      trx,
      gone.map((p) => ({
        kind: 'deleted' as const,
        personId: p.id,
        provinceCode: p.province_code,
        payload: { batchId: id, ...(p.merged_into ? { mergedInto: p.merged_into } : {}) },
      })),
    );
    const removed = await trx.deleteFrom('persons').where('import_batch_id', '=', id).executeTakeFirst();
    await syncNationalIds(
      trx,
      gone.map((p) => p.id),
    );
    await trx.deleteFrom('households').where('import_batch_id', '=', id).execute();
    await trx
      .updateTable('import_batches')
      .set({ status: 'undone', undone_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, db, scope, [
      {
        action: 'delete',
        entity: 'import_batch',
        entityId: id,
        unitCode: batch.commune_code,
        details: { persons: Number(removed.numDeletedRows) },
      },
    ]);
  });
}

import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { insertReturningIds } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { recordInScope, type UnitTree, unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personCards, personInScope } from '../persons/index.ts';
import { deferVaccination, primarySeriesCompletedOn } from '../vaccination/index.ts';
import { caseConfirmed } from './case-events.ts';
import { applyCounts } from './counts-store.ts';
import { lifeDateProblems, outcomeDateProblems } from './rules/case-input.ts';
import { caseCounts, contactCounts, countChange } from './rules/day-counts.ts';
import { earlyReleaseProblem, releasePlan } from './rules/release.ts';
import type { CaseTable } from './tables.ts';

export const caseNotFound = () => notFound({ vi: 'Không tìm thấy ca bệnh.', en: 'Case not found.' });

export interface CaseInput {
  personId: number;
  sampleDate: string;
  testKind: string;
  /** Defaults to the sample day. */
  confirmedOn?: string;
  placeOfCare: string;
  severity?: string | null;
  sourceCaseId?: number | null;
  note?: string | null;
}

function refuse(problems: { field: string; message: { vi: string; en: string } }[]) {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
}

async function transfersOf(q: Kysely<Database>, caseId: number) {
  return q
    .selectFrom('case_transfers')
    .select(['on_day', 'place_of_care'])
    .where('case_id', '=', caseId)
    .execute();
}

type NewCase = Omit<CaseTable, 'id'>;

/**
 * Stores new cases in the caller's transaction: a person listed as a contact of an earlier case (exposed on or
 * before the sample day, not yet a case) becomes that contact's case and, unless told otherwise, the earlier
 * case is the source; the communes' day counts move with them.
 */
export async function insertCases(db: Db, trx: Kysely<Database>, tree: UnitTree, rows: readonly NewCase[]) {
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const open = personIds.length
    ? await trx
        .selectFrom('contacts')
        .selectAll()
        .where('person_id', 'in', personIds)
        .where('became_case_id', 'is', null)
        .orderBy('exposure_date', 'desc')
        .execute()
    : [];
  const contacts = rows.map((r) =>
    open.find((c) => Number(c.person_id) === r.person_id && c.exposure_date <= r.sample_date),
  );
  const linked = rows.map((r, i) => ({
    ...r,
    source_case_id: r.source_case_id ?? (contacts[i] ? Number(contacts[i].case_id) : null),
  }));
  const ids = await insertReturningIds(db, trx, 'cases', linked);
  const stored = linked.map((r, i) => ({ ...r, id: ids[i]! }));
  const deltas = stored.flatMap((c) => caseCounts(c, []));
  for (const [i, c] of contacts.entries()) {
    if (!c) continue;
    await trx.updateTable('contacts').set({ became_case_id: ids[i]! }).where('id', '=', c.id).execute();
    deltas.push(
      ...countChange(
        contactCounts({ ...c, became_case_on: null }),
        contactCounts({ ...c, became_case_on: rows[i]!.confirmed_on }),
      ),
    );
  }
  await applyCounts(trx, tree, deltas);
  return stored;
}

/** Records a confirmed case of a registered person; a contact of an earlier case who tests positive links itself. */
export async function createCase(db: Db, scope: Scope, input: CaseInput, today: string) {
  const person = await personInScope(db, scope, input.personId);
  const confirmedOn = input.confirmedOn ?? input.sampleDate;
  refuse([
    ...lifeDateProblems('sampleDate', input.sampleDate, { today, birth: person.birthDate }),
    ...lifeDateProblems('confirmedOn', confirmedOn, { today, birth: person.birthDate }),
    ...(confirmedOn < input.sampleDate
      ? [
          {
            field: 'confirmedOn',
            message: {
              vi: 'Ngày xác nhận trước ngày lấy mẫu.',
              en: 'Confirmed before the sample was taken.',
            },
          },
        ]
      : []),
  ]);
  const tree = await unitTree(db);
  const now = new Date().toISOString();
  const stored = await writeAudited(
    db,
    scope,
    async (trx) => {
      const open = await trx
        .selectFrom('cases')
        .select('id')
        .where('person_id', '=', person.id)
        .where('status', '=', 'treating')
        .executeTakeFirst();
      if (open)
        throw conflict({
          vi: `Người này đang là ca bệnh (mã ${open.id}) chưa khỏi.`,
          en: `This person is already a case under treatment (id ${open.id}).`,
        });
      const row = {
        province_code: person.provinceCode,
        district_code: person.districtCode,
        commune_code: person.communeCode,
        person_id: person.id,
        sample_date: input.sampleDate,
        test_kind: input.testKind,
        confirmed_on: confirmedOn,
        place_of_care: input.placeOfCare,
        severity: input.severity ?? null,
        status: 'treating',
        outcome_on: null,
        source_case_id: input.sourceCaseId ?? null,
        note: input.note ?? null,
        created_by: scope.userId,
        created_at: now,
        updated_at: now,
      };
      const [stored] = await insertCases(db, trx, tree, [row]);
      return stored!;
    },
    (c) => ({ action: 'create', entity: 'case', entityId: c.id, unitCode: c.commune_code }),
  );
  await caseConfirmed(db, scope, stored);
  return stored;
}

export async function caseInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw caseNotFound();
  return recordInScope(db, scope, row.commune_code, caseNotFound, row);
}

/** Recovery or death: the case leaves treatment that day. */
export async function setCaseOutcome(
  db: Db,
  scope: Scope,
  id: number,
  outcome: { status: 'recovered' | 'died'; on: string },
  today: string,
) {
  const before = await caseInScope(db, scope, id);
  refuse(outcomeDateProblems('on', outcome.on, before.confirmed_on, today));
  if (before.status !== 'treating')
    throw conflict({ vi: 'Ca bệnh này đã kết thúc điều trị.', en: 'This case has already left treatment.' });
  if (outcome.status === 'recovered') {
    const early = await earlyRelease(db, before, outcome.on);
    if (early) refuse([{ field: 'on', message: early }]);
  }
  // A recovery defers the person's vaccination (rules.md §6), in the same transaction.
  const deferral =
    outcome.status === 'recovered'
      ? (trx: Kysely<Database>) => deferVaccination(trx, db, scope, [recoveryOf(before, outcome.on)], today)
      : undefined;
  return changeCase(
    db,
    scope,
    before,
    { status: outcome.status, outcome_on: outcome.on },
    undefined,
    deferral,
  );
}

export const recoveryOf = (c: CaseRow, on: string) => ({
  personId: Number(c.person_id),
  provinceCode: c.province_code,
  communeCode: c.commune_code,
  caseId: Number(c.id),
  infectedOn: c.sample_date,
  recoveredOn: on,
});

/** A case treated at home is released by the rule set in force (rules/release.ts); facilities decide their own. */
async function earlyRelease(db: Db, c: CaseRow, on: string) {
  const transfers = await transfersOf(db.db, Number(c.id));
  if ((transfers.at(-1)?.place_of_care ?? c.place_of_care) !== 'home') return null;
  const plan = releasePlan({ sampleDate: c.sample_date, primarySeriesComplete: false, negativeTestOn: null });
  if (!plan) return null;
  const personId = Number(c.person_id);
  const [negative, series] = await Promise.all([
    db.db
      .selectFrom('covid_tests')
      .select('sample_date')
      .where('person_id', '=', personId)
      .where('result', '=', 'negative')
      .where('sample_date', '>=', plan.earliestRelease)
      .orderBy('sample_date')
      .executeTakeFirst(),
    primarySeriesCompletedOn(db.db, [personId]),
  ]);
  const completed = series.get(personId) ?? null;
  return earlyReleaseProblem(
    {
      sampleDate: c.sample_date,
      primarySeriesComplete: completed !== null && completed <= c.sample_date,
      negativeTestOn: negative?.sample_date ?? null,
    },
    on,
  );
}

/** A move between home and a facility (or between facilities). */
export async function transferCase(
  db: Db,
  scope: Scope,
  id: number,
  transfer: { on: string; placeOfCare: string; facility?: string | null },
  today: string,
) {
  const before = await caseInScope(db, scope, id);
  refuse(outcomeDateProblems('on', transfer.on, before.confirmed_on, today));
  if (before.status !== 'treating')
    throw conflict({ vi: 'Ca bệnh này đã kết thúc điều trị.', en: 'This case has already left treatment.' });
  return changeCase(
    db,
    scope,
    before,
    {},
    { on_day: transfer.on, place_of_care: transfer.placeOfCare, facility: transfer.facility ?? null },
  );
}

type CaseRow = Awaited<ReturnType<typeof caseInScope>>;

async function changeCase(
  db: Db,
  scope: Scope,
  before: CaseRow,
  set: Partial<Pick<CaseRow, 'status' | 'outcome_on'>>,
  transfer?: { on_day: string; place_of_care: string; facility: string | null },
  alsoWrite?: (trx: Kysely<Database>) => Promise<unknown>,
) {
  const tree = await unitTree(db);
  const id = Number(before.id);
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const transfers = await transfersOf(trx, id);
      const after = { ...before, ...set, updated_at: new Date().toISOString() };
      if (transfer)
        await trx
          .insertInto('case_transfers')
          .values({
            ...transfer,
            case_id: id,
            province_code: before.province_code,
            created_at: after.updated_at,
          })
          .execute();
      await trx
        .updateTable('cases')
        .set({ ...set, updated_at: after.updated_at })
        .where('id', '=', id)
        .execute();
      await applyCounts(
        trx,
        tree,
        countChange(
          caseCounts(before, transfers),
          caseCounts(after, transfer ? [...transfers, transfer] : transfers),
        ),
      );
      await alsoWrite?.(trx);
      return {
        ...after,
        id,
        place_now: transfer?.place_of_care ?? transfers.at(-1)?.place_of_care ?? before.place_of_care,
      };
    },
    {
      action: 'update',
      entity: 'case',
      entityId: id,
      unitCode: before.commune_code,
      details: { ...set, ...(transfer ?? {}) },
    },
  );
}

export interface CaseFilter {
  unit: string;
  status?: string;
  limit: number;
  offset: number;
}

/** A unit's cases, newest sample first, one page, with the person's name (personal data: the route audits). */
export async function listCases(db: Db, scope: Scope, f: CaseFilter) {
  const unit = await unitInScope(db, scope, f.unit);
  const column = unit.level === 1 ? 'province_code' : unit.level === 2 ? 'district_code' : 'commune_code';
  let q = db.db.selectFrom('cases');
  if (unit.level > 0) q = q.where(column, '=', unit.code);
  if (f.status) q = q.where('status', '=', f.status);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('sample_date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const cards = await personCards(
    db.db,
    rows.map((r) => Number(r.person_id)),
  );
  return {
    total: Number(total),
    cases: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      full_name: cards.get(Number(r.person_id))?.fullName ?? '',
    })),
  };
}

/** The case under treatment of each of these persons, if any (one at a time: createCase refuses a second). */
export async function treatingCaseOf(q: Kysely<Database>, personIds: readonly number[]) {
  const out = new Map<number, number>();
  for (let i = 0; i < personIds.length; i += 1000)
    for (const c of await q
      .selectFrom('cases')
      .select(['id', 'person_id'])
      .where('person_id', 'in', personIds.slice(i, i + 1000))
      .where('status', '=', 'treating')
      .execute())
      out.set(Number(c.person_id), Number(c.id));
  return out;
}

import { badRequest, type FieldError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { residentIdsOfArea } from '../persons/index.ts';
import { type RoundArea, roundProblems, shareTested } from './rules/testing.ts';
import type { TestingRoundTable } from './testing-tables.ts';

const roundNotFound = () =>
  notFound({ vi: 'Không tìm thấy đợt xét nghiệm.', en: 'Testing round not found.' });
const refuse = (problems: FieldError[]) => {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
};
const problem = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

export interface RoundInput {
  commune: string;
  name: string;
  areaKind: RoundArea;
  villageId?: number | null;
  householdIds?: number[] | null;
  /** The people expected where the registry counts none (a market's traders and shoppers). */
  expectedPeople?: number | null;
  startsOn: string;
  endsOn: string;
}

/** The area's own checks: its village or households in the commune, a market's expected people. */
async function areaProblems(db: Db, commune: string, input: RoundInput): Promise<FieldError[]> {
  if (input.areaKind === 'village') {
    if (!input.villageId) return [problem('villageId', 'Chọn thôn, bản.', 'Choose a village.')];
    const village = await db.db
      .selectFrom('villages')
      .select('id')
      .where('id', '=', input.villageId)
      .where('commune_code', '=', commune)
      .executeTakeFirst();
    if (!village)
      return [problem('villageId', 'Thôn này không thuộc xã.', 'This village is not in the commune.')];
  }
  if (input.areaKind === 'households') {
    const ids = [...new Set(input.householdIds ?? [])];
    if (ids.length === 0) return [problem('householdIds', 'Chọn các hộ gia đình.', 'Choose the households.')];
    const found = await db.db
      .selectFrom('households')
      .select('id')
      .where('id', 'in', ids)
      .where('commune_code', '=', commune)
      .execute();
    if (found.length !== ids.length)
      return [problem('householdIds', 'Có hộ không thuộc xã.', 'Some households are not in the commune.')];
  }
  if (input.areaKind === 'market' && !input.expectedPeople)
    return [
      problem(
        'expectedPeople',
        'Nhập số người dự kiến xét nghiệm ở chợ.',
        'Enter the people expected at the market.',
      ),
    ];
  return [];
}

/** A mass-testing round over an area of a commune. */
export async function createRound(db: Db, scope: Scope, input: RoundInput) {
  const commune = await unitInScope(db, scope, input.commune);
  if (commune.level !== 3)
    refuse([problem('commune', 'Chọn một xã, phường, thị trấn.', 'Choose a commune.')]);
  refuse(roundProblems(input));
  refuse(await areaProblems(db, commune.code, input));
  const round = await writeAudited(
    db,
    scope,
    async (trx) => {
      const row = {
        province_code: commune.province_code!,
        district_code: commune.district_code!,
        commune_code: commune.code,
        name: input.name,
        area_kind: input.areaKind,
        village_id: input.areaKind === 'village' ? input.villageId! : null,
        household_ids:
          input.areaKind === 'households' ? JSON.stringify([...new Set(input.householdIds)]) : null,
        expected_people: input.expectedPeople ?? null,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: scope.userId,
        created_at: new Date().toISOString(),
      };
      const { id } = await trx
        .insertInto('testing_rounds')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(id), ...row };
    },
    (r) => ({ action: 'create', entity: 'testing_round', entityId: r.id, unitCode: r.commune_code }),
  );
  return progressOf(db, round);
}

/**
 * What a round reached: the people of its area tested (a test of the round, or a place in one of its pools;
 * an anonymous test counts one), the share of the area's people (from the registry: the village's or the
 * households' residents; a market's expected people), and the people found positive.
 */
async function progressOf(db: Db, r: Omit<TestingRoundTable, 'id'> & { id: number }) {
  const tests = await db.db
    .selectFrom('covid_tests')
    .select(['person_id', 'result'])
    .where('round_id', '=', r.id)
    .execute();
  const members = await db.db
    .selectFrom('test_pool_members as m')
    .innerJoin('test_pools as p', 'p.id', 'm.pool_id')
    .select('m.person_id')
    .where('p.round_id', '=', r.id)
    .execute();
  const persons = new Set([
    ...tests.flatMap((t) => (t.person_id === null ? [] : [Number(t.person_id)])),
    ...members.map((m) => Number(m.person_id)),
  ]);
  const anonymous = tests.filter((t) => t.person_id === null);
  const positivePersons = new Set(
    tests.filter((t) => t.result === 'positive' && t.person_id !== null).map((t) => Number(t.person_id)),
  );
  const positives = positivePersons.size + anonymous.filter((t) => t.result === 'positive').length;
  let people = r.expected_people ?? 0;
  let tested = persons.size + anonymous.length;
  if (r.area_kind !== 'market' && r.expected_people === null) {
    const residents = await residentIdsOfArea(
      db.db,
      r.commune_code,
      r.area_kind === 'village'
        ? { villageId: Number(r.village_id) }
        : { householdIds: JSON.parse(r.household_ids ?? '[]') as number[] },
    );
    people = residents.length;
    tested = residents.filter((id) => persons.has(id)).length + anonymous.length;
  }
  return {
    id: r.id,
    communeCode: r.commune_code,
    name: r.name,
    areaKind: r.area_kind,
    villageId: r.village_id === null ? null : Number(r.village_id),
    householdIds: r.household_ids ? (JSON.parse(r.household_ids) as number[]) : null,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    people,
    tested,
    share: shareTested(tested, people),
    positives,
  };
}

/** A unit's rounds, newest first, one page, each with its progress. */
export async function listRounds(db: Db, scope: Scope, f: { unit: string; limit: number; offset: number }) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db.selectFrom('testing_rounds');
  if (unit.level > 0) {
    const province = unit.level === 1 ? unit.code : unit.province_code!;
    q = q.where('province_code', '=', province);
    if (unit.level === 2) q = q.where('district_code', '=', unit.code);
    if (unit.level === 3) q = q.where('commune_code', '=', unit.code);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const rounds = [];
  for (const r of rows) rounds.push(await progressOf(db, { ...r, id: Number(r.id) }));
  return { total: Number(total), rounds };
}

/** One round with its progress (404 outside the caller's jurisdiction). */
export async function roundInScope(db: Db, scope: Scope, id: number) {
  const row = await db.db.selectFrom('testing_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw roundNotFound();
  await recordInScope(db, scope, row.commune_code, roundNotFound, row);
  return progressOf(db, { ...row, id: Number(row.id) });
}

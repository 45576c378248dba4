import { badRequest, conflict, type FieldError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personCards, personInScope } from '../persons/index.ts';
import { applyCounts } from './counts-store.ts';
import { lifeDateProblems } from './rules/case-input.ts';
import { testCounts } from './rules/day-counts.ts';
import { type PoolResult, poolMemberProblems, poolOutcome, resultDateProblems } from './rules/testing.ts';
import './testing-tables.ts';

const poolNotFound = () => notFound({ vi: 'Không tìm thấy mẫu gộp.', en: 'Pool not found.' });
const retestNotFound = () => notFound({ vi: 'Không tìm thấy lượt xét nghiệm lại.', en: 'Retest not found.' });
const refuse = (problems: FieldError[]) => {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
};
const communeOnly = (level: number) => {
  if (level !== 3) {
    const message = { vi: 'Chọn một xã, phường, thị trấn.', en: 'Choose a commune.' };
    throw badRequest(message, [{ field: 'commune', message }]);
  }
};

export interface PoolInput {
  commune: string;
  roundId?: number | null;
  kind: 'rapidAntigen' | 'pcr';
  sampleDate: string;
  place?: string | null;
  takenBy?: string | null;
  members: number[];
}

/** A round of the commune, or a 400 naming roundId. */
export async function roundOf(db: Db, commune: string, roundId: number | null | undefined) {
  if (!roundId) return null;
  const round = await db.db
    .selectFrom('testing_rounds')
    .select(['id', 'commune_code'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round || round.commune_code !== commune) {
    const message = { vi: 'Không có đợt xét nghiệm này ở xã.', en: 'No such testing round in this commune.' };
    throw badRequest(message, [{ field: 'roundId', message }]);
  }
  return Number(round.id);
}

/** A pooled sample of 2-10 registered persons, its result pending. */
export async function createPool(db: Db, scope: Scope, input: PoolInput, today: string) {
  const commune = await unitInScope(db, scope, input.commune);
  communeOnly(commune.level);
  refuse(poolMemberProblems(input.members));
  refuse(lifeDateProblems('sampleDate', input.sampleDate, { today, birth: null }));
  const members: Awaited<ReturnType<typeof personInScope>>[] = [];
  for (const id of input.members) {
    const person = await personInScope(db, scope, id).catch((e) => {
      const message = { vi: `Không tìm thấy người dân số ${id}.`, en: `Person ${id} not found.` };
      throw e.status === 404 ? badRequest(message, [{ field: 'members', message }]) : e;
    });
    refuse(lifeDateProblems('sampleDate', input.sampleDate, { today, birth: person.birthDate }));
    members.push(person);
  }
  const roundId = await roundOf(db, commune.code, input.roundId);
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const row = {
        province_code: commune.province_code!,
        district_code: commune.district_code!,
        commune_code: commune.code,
        round_id: roundId,
        kind: input.kind,
        sample_date: input.sampleDate,
        result: 'pending',
        result_on: null,
        place: input.place ?? null,
        taken_by: input.takenBy ?? null,
        created_by: scope.userId,
        created_at: new Date().toISOString(),
      };
      const { id } = await trx.insertInto('test_pools').values(row).returning('id').executeTakeFirstOrThrow();
      await trx
        .insertInto('test_pool_members')
        .values(
          members.map((p) => ({
            province_code: p.provinceCode,
            pool_id: Number(id),
            person_id: p.id,
            commune_code: p.communeCode,
            retest: 'none',
            retest_by: null,
            retest_due: null,
            test_id: null,
          })),
        )
        .execute();
      return { id: Number(id), ...row, members: members.map((p) => p.id) };
    },
    (p) => ({ action: 'create', entity: 'test_pool', entityId: p.id, unitCode: p.commune_code }),
  );
}

async function poolInScope(db: Db, scope: Scope, id: number) {
  const pool = await db.db.selectFrom('test_pools').selectAll().where('id', '=', id).executeTakeFirst();
  if (!pool) throw poolNotFound();
  return recordInScope(db, scope, pool.commune_code, poolNotFound, pool);
}

/**
 * A pool's result. Negative: a negative test for each member on the pool's sample day (counted in the
 * member's commune: tests done). Positive: each member's retest opened, due by the rule, taken by `retestBy`
 * (else whoever took the pool); the pool itself counts as no test, its members' retests do.
 */
export async function setPoolResult(
  db: Db,
  scope: Scope,
  id: number,
  input: { result: PoolResult; resultOn: string; retestBy?: string | null },
  today: string,
) {
  const pool = await poolInScope(db, scope, id);
  refuse(resultDateProblems(pool.sample_date, input.resultOn, today));
  const tree = await unitTree(db);
  const outcome = poolOutcome(input.result, { sampleDate: pool.sample_date, resultOn: input.resultOn });
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const changed = await trx
        .updateTable('test_pools')
        .set({ result: input.result, result_on: input.resultOn })
        .where('id', '=', id)
        .where('result', '=', 'pending')
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1)
        throw conflict({ vi: 'Mẫu gộp này đã có kết quả.', en: 'This pool already has its result.' });
      const members = await trx
        .selectFrom('test_pool_members')
        .selectAll()
        .where('pool_id', '=', id)
        .execute();
      if (outcome.kind === 'negative') {
        const now = new Date().toISOString();
        for (const m of members) {
          const unit = tree.get(m.commune_code)!;
          const test = {
            province_code: unit.province_code!,
            district_code: unit.district_code!,
            commune_code: m.commune_code,
            person_id: Number(m.person_id),
            kind: 'pooled',
            sample_date: pool.sample_date,
            result: 'negative',
            result_on: input.resultOn,
            pool_id: id,
            round_id: pool.round_id,
            place: pool.place,
            taken_by: pool.taken_by,
            created_at: now,
          };
          const { id: testId } = await trx
            .insertInto('covid_tests')
            .values(test)
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('test_pool_members')
            .set({ test_id: Number(testId) })
            .where('id', '=', m.id)
            .execute();
          await applyCounts(trx, tree, testCounts(test));
        }
      } else
        await trx
          .updateTable('test_pool_members')
          .set({ retest: 'awaiting', retest_due: outcome.due, retest_by: input.retestBy ?? pool.taken_by })
          .where('pool_id', '=', id)
          .execute();
      return {
        id,
        commune_code: pool.commune_code,
        result: input.result,
        result_on: input.resultOn,
        members: members.length,
        retestsOpened: outcome.kind === 'retest' ? members.length : 0,
        retestDue: outcome.kind === 'retest' ? outcome.due : null,
        provisional: outcome.kind === 'retest',
      };
    },
    (r) => ({ action: 'update', entity: 'test_pool', entityId: r.id, unitCode: r.commune_code }),
  );
}

/** A unit's retests still to take (members of positive pools), due first: the commune's worklist. */
export async function pendingRetests(
  db: Db,
  scope: Scope,
  f: { unit: string; limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db
    .selectFrom('test_pool_members as m')
    .innerJoin('test_pools as p', 'p.id', 'm.pool_id')
    .where('m.retest', '=', 'awaiting');
  if (unit.level > 0) {
    const province = unit.level === 1 ? unit.code : unit.province_code!;
    q = q.where('m.province_code', '=', province);
    if (unit.level === 3) q = q.where('m.commune_code', '=', unit.code);
    if (unit.level === 2) q = q.where('p.district_code', '=', unit.code);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'm.id',
      'm.pool_id',
      'm.person_id',
      'm.commune_code',
      'm.retest_by',
      'm.retest_due',
      'p.sample_date',
      'p.kind',
      'p.result_on',
    ])
    .orderBy('m.retest_due')
    .orderBy('m.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const cards = await personCards(
    db.db,
    rows.map((r) => Number(r.person_id)),
  );
  return {
    total: Number(total),
    retests: rows.map((r) => ({
      id: Number(r.id),
      poolId: Number(r.pool_id),
      personId: Number(r.person_id),
      fullName: cards.get(Number(r.person_id))?.fullName ?? '',
      communeCode: r.commune_code,
      poolSampleDate: r.sample_date,
      poolResultOn: r.result_on,
      due: r.retest_due,
      takenBy: r.retest_by,
    })),
  };
}

/** A unit's pools, newest sample first (pending ones by default: the results to enter), with their members. */
export async function listPools(
  db: Db,
  scope: Scope,
  f: { unit: string; result: 'pending' | PoolResult; limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, f.unit);
  let q = db.db.selectFrom('test_pools').where('result', '=', f.result);
  if (unit.level > 0) {
    q = q.where('province_code', '=', unit.level === 1 ? unit.code : unit.province_code!);
    if (unit.level === 2) q = q.where('district_code', '=', unit.code);
    if (unit.level === 3) q = q.where('commune_code', '=', unit.code);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pools = await q
    .select([
      'id',
      'commune_code',
      'kind',
      'sample_date',
      'result',
      'result_on',
      'place',
      'taken_by',
      'round_id',
    ])
    .orderBy('sample_date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const ids = pools.map((p) => Number(p.id));
  const members = ids.length
    ? await db.db
        .selectFrom('test_pool_members')
        .select(['pool_id', 'person_id'])
        .where('pool_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  const cards = await personCards(
    db.db,
    members.map((m) => Number(m.person_id)),
  );
  return {
    total: Number(total),
    pools: pools.map((p) => ({
      id: Number(p.id),
      communeCode: p.commune_code,
      kind: p.kind,
      sampleDate: p.sample_date,
      result: p.result,
      resultOn: p.result_on,
      place: p.place,
      takenBy: p.taken_by,
      roundId: p.round_id === null ? null : Number(p.round_id),
      members: members
        .filter((m) => Number(m.pool_id) === Number(p.id))
        .map((m) => ({
          personId: Number(m.person_id),
          fullName: cards.get(Number(m.person_id))?.fullName ?? '',
        })),
    })),
  };
}

export interface RetestInput {
  kind: 'rapidAntigen' | 'pcr';
  sampleDate: string;
  result: 'positive' | 'negative';
  resultOn?: string | null;
  place?: string | null;
  takenBy?: string | null;
}

/** A member's individual retest taken: its test recorded (counted) and the retest closed. */
export async function recordRetest(
  db: Db,
  scope: Scope,
  memberId: number,
  input: RetestInput,
  today: string,
) {
  const member = await db.db
    .selectFrom('test_pool_members as m')
    .innerJoin('test_pools as p', 'p.id', 'm.pool_id')
    .select([
      'm.id',
      'm.person_id',
      'm.commune_code',
      'm.retest',
      'm.retest_by',
      'p.result_on',
      'p.round_id',
      'm.pool_id',
    ])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!member) throw retestNotFound();
  await recordInScope(db, scope, member.commune_code, retestNotFound, member);
  if (member.retest !== 'awaiting')
    throw conflict({ vi: 'Không có lượt xét nghiệm lại nào đang chờ.', en: 'No retest is awaited.' });
  const person = await personInScope(db, scope, Number(member.person_id));
  refuse(lifeDateProblems('sampleDate', input.sampleDate, { today, birth: person.birthDate }));
  if (member.result_on && input.sampleDate < member.result_on) {
    const message = {
      vi: 'Mẫu xét nghiệm lại lấy sau khi có kết quả mẫu gộp.',
      en: "The retest's sample is taken after the pool's result.",
    };
    refuse([{ field: 'sampleDate', message }]);
  }
  if (input.resultOn) refuse(resultDateProblems(input.sampleDate, input.resultOn, today));
  const tree = await unitTree(db);
  const unit = tree.get(member.commune_code)!;
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const closed = await trx
        .updateTable('test_pool_members')
        .set({ retest: 'done' })
        .where('id', '=', memberId)
        .where('retest', '=', 'awaiting')
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1)
        throw conflict({ vi: 'Không có lượt xét nghiệm lại nào đang chờ.', en: 'No retest is awaited.' });
      const test = {
        province_code: unit.province_code!,
        district_code: unit.district_code!,
        commune_code: member.commune_code,
        person_id: Number(member.person_id),
        kind: input.kind,
        sample_date: input.sampleDate,
        result: input.result,
        result_on: input.resultOn ?? input.sampleDate,
        pool_id: Number(member.pool_id),
        round_id: member.round_id,
        place: input.place ?? null,
        taken_by: input.takenBy ?? member.retest_by,
        created_at: new Date().toISOString(),
      };
      const { id } = await trx
        .insertInto('covid_tests')
        .values(test)
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('test_pool_members')
        .set({ test_id: Number(id) })
        .where('id', '=', memberId)
        .execute();
      await applyCounts(trx, tree, testCounts(test));
      return { id: Number(id), retestId: memberId, ...test };
    },
    (t) => ({ action: 'create', entity: 'covid_test', entityId: t.id, unitCode: t.commune_code }),
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/core/errors.ts';
import { insertVillage } from '../../src/features/admin-units/index.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { daySummary, recountDayCounts, storedDayCounts } from '../../src/features/cases/counts-store.ts';
import {
  createPool,
  pendingRetests,
  recordRetest,
  setPoolResult,
} from '../../src/features/cases/pools-store.ts';
import { positivityByWeek } from '../../src/features/cases/positivity-store.ts';
import { createRound, roundInScope } from '../../src/features/cases/rounds-store.ts';
import { recordTest } from '../../src/features/cases/tests-store.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const TODAY = '2022-01-15';
const COMMUNE = '06400';
const admin: Scope = { userId: 1, username: 'testing-test', role: 'admin', unitCode: '20', ip: '127.0.0.1' };
const elsewhere: Scope = { ...admin, username: 'other-commune', role: 'healthWorker', unitCode: '06385' };
const status = (e: unknown) => (e as AppError).status;
const fields = (e: unknown) => (e as AppError).fields.map((f) => f.field);

describe.each(ENGINES)('pooled samples, testing rounds and positivity on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let village: number;
  let households: number[];
  let residents: number[];
  let outsider: number;

  beforeAll(async () => {
    db = await seededDb(engine);
    const now = new Date().toISOString();
    const place = { province_code: '20', district_code: '186', commune_code: COMMUNE };
    village = await insertVillage(
      db.db,
      { code: COMMUNE, province_code: '20' },
      { name: 'Thôn Thử', kind: 'thon' },
    );
    households = [];
    for (const _ of [1, 2]) {
      const h = await db.db
        .insertInto('households')
        .values({
          commune_code: COMMUNE,
          province_code: '20',
          village_id: village,
          head_person_id: null,
          address: null,
          import_batch_id: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      households.push(Number(h.id));
    }
    const row = (name: string, household: number | null, moved = false) =>
      personRow(
        personInput({
          fullName: name,
          birthYear: 1985,
          birthDate: '1985-03-03',
          villageId: village,
          status: moved ? 'moved' : 'resident',
        }),
        place,
        { householdId: household, now },
      );
    residents = await insertPersonRows(db, db.db, [
      row('Nguyễn Văn An', households[0]!),
      row('Trần Thị Bình', households[0]!),
      row('Lê Văn Cường', households[1]!),
      row('Phạm Thị Dung', null),
    ]);
    outsider = (await insertPersonRows(db, db.db, [row('Hoàng Văn Em', null, true)]))[0]!;
  });
  afterAll(() => db.close());

  const summary = async (day: string) =>
    (await daySummary(db, admin, COMMUNE, day)).units.find((u) => u.code === COMMUNE)!;

  it('a negative pool records a negative for each member; a positive one opens retests the commune lists', async () => {
    const round = await createRound(db, admin, {
      commune: COMMUNE,
      name: 'Xét nghiệm thôn Thử',
      areaKind: 'village',
      villageId: village,
      startsOn: '2022-01-10',
      endsOn: '2022-01-12',
    });
    expect(round).toMatchObject({ people: 4, tested: 0, share: 0, positives: 0 });
    const before = await summary('2022-01-10');

    const negative = await createPool(
      db,
      admin,
      {
        commune: COMMUNE,
        roundId: round.id,
        kind: 'pcr',
        sampleDate: '2022-01-10',
        place: 'Nhà văn hóa',
        takenBy: 'Y sĩ Hà',
        members: residents.slice(0, 3),
      },
      TODAY,
    );
    // Pending: sampled, counted nowhere yet, but the people are tested for the round.
    expect((await summary('2022-01-10')).testsDone).toBe(before.testsDone);
    expect((await roundInScope(db, admin, round.id)).tested).toBe(3);
    const neg = await setPoolResult(
      db,
      admin,
      negative.id,
      { result: 'negative', resultOn: '2022-01-11' },
      TODAY,
    );
    expect(neg).toMatchObject({ members: 3, retestsOpened: 0 });
    expect(await summary('2022-01-10')).toMatchObject({
      testsDone: before.testsDone + 3,
      testsPositive: before.testsPositive,
    });
    const written = await db.db
      .selectFrom('covid_tests')
      .selectAll()
      .where('pool_id', '=', negative.id)
      .execute();
    expect(written.map((t) => [t.result, t.result_on, t.taken_by, t.kind])).toEqual(
      Array(3).fill(['negative', '2022-01-11', 'Y sĩ Hà', 'pooled']),
    );
    await expect(
      setPoolResult(db, admin, negative.id, { result: 'positive', resultOn: '2022-01-11' }, TODAY),
    ).rejects.toSatisfy((e) => status(e) === 409);

    const positive = await createPool(
      db,
      admin,
      {
        commune: COMMUNE,
        roundId: round.id,
        kind: 'rapidAntigen',
        sampleDate: '2022-01-11',
        members: [residents[3]!, outsider!],
      },
      TODAY,
    );
    const pos = await setPoolResult(
      db,
      admin,
      positive.id,
      { result: 'positive', resultOn: '2022-01-11', retestBy: 'Tổ COVID thôn Thử' },
      TODAY,
    );
    expect(pos).toMatchObject({ retestsOpened: 2, retestDue: '2022-01-12', provisional: true });
    const listed = await pendingRetests(db, admin, { unit: COMMUNE, limit: 50, offset: 0 });
    expect(listed.total).toBe(2);
    expect(listed.retests.map((r) => [r.fullName, r.takenBy, r.due])).toContainEqual([
      'Phạm Thị Dung',
      'Tổ COVID thôn Thử',
      '2022-01-12',
    ]);
    // Another commune sees neither the list nor the retest.
    await expect(pendingRetests(db, elsewhere, { unit: COMMUNE, limit: 50, offset: 0 })).rejects.toSatisfy(
      (e) => status(e) === 403,
    );
    const retest = listed.retests.find((r) => r.fullName === 'Phạm Thị Dung')!;
    const input = { kind: 'pcr' as const, sampleDate: '2022-01-12', result: 'positive' as const };
    await expect(recordRetest(db, elsewhere, retest.id, input, TODAY)).rejects.toSatisfy(
      (e) => status(e) === 404,
    );
    await expect(
      recordRetest(db, admin, retest.id, { ...input, sampleDate: '2022-01-10' }, TODAY),
    ).rejects.toSatisfy((e) => fields(e).includes('sampleDate'));
    await recordRetest(db, admin, retest.id, input, TODAY);
    await expect(recordRetest(db, admin, retest.id, input, TODAY)).rejects.toSatisfy(
      (e) => status(e) === 409,
    );
    expect(await summary('2022-01-12')).toMatchObject({ testsDone: 1, testsPositive: 1 });
    expect((await pendingRetests(db, admin, { unit: COMMUNE, limit: 50, offset: 0 })).total).toBe(1);
    // All four residents tested (the outsider is not of the village), one found positive.
    expect(await roundInScope(db, admin, round.id)).toMatchObject({
      people: 4,
      tested: 4,
      share: 100,
      positives: 1,
    });
    expect(await recountDayCounts(db.db)).toEqual(await storedDayCounts(db.db));
  });

  it('rounds over households and a market; bad input names the field', async () => {
    const homes = await createRound(db, admin, {
      commune: COMMUNE,
      name: 'Hai hộ',
      areaKind: 'households',
      householdIds: households,
      startsOn: '2022-01-13',
      endsOn: '2022-01-13',
    });
    expect(homes).toMatchObject({ people: 3, tested: 0 });
    await recordTest(
      db,
      admin,
      {
        personId: residents[0]!,
        commune: COMMUNE,
        kind: 'rapidAntigen',
        sampleDate: '2022-01-13',
        result: 'negative',
        roundId: homes.id,
      },
      TODAY,
    );
    expect(await roundInScope(db, admin, homes.id)).toMatchObject({ tested: 1, share: 33.3 });

    const market = await createRound(db, admin, {
      commune: COMMUNE,
      name: 'Chợ Hữu Lũng',
      areaKind: 'market',
      expectedPeople: 200,
      startsOn: '2022-01-14',
      endsOn: '2022-01-14',
    });
    for (const result of ['negative', 'negative', 'positive'])
      await recordTest(
        db,
        admin,
        { commune: COMMUNE, kind: 'rapidAntigen', sampleDate: '2022-01-14', result, roundId: market.id },
        TODAY,
      );
    expect(await roundInScope(db, admin, market.id)).toMatchObject({
      people: 200,
      tested: 3,
      share: 1.5,
      positives: 1,
    });

    const bad = { commune: COMMUNE, name: 'x', startsOn: '2022-01-14', endsOn: '2022-01-14' };
    await expect(createRound(db, admin, { ...bad, areaKind: 'market' })).rejects.toSatisfy((e) =>
      fields(e).includes('expectedPeople'),
    );
    await expect(
      createRound(db, admin, { ...bad, areaKind: 'village', villageId: 999999 }),
    ).rejects.toSatisfy((e) => fields(e).includes('villageId'));
    await expect(
      createRound(db, admin, { ...bad, areaKind: 'market', expectedPeople: 5, endsOn: '2022-01-13' }),
    ).rejects.toSatisfy((e) => fields(e).includes('endsOn'));
    await expect(
      createPool(
        db,
        admin,
        { commune: COMMUNE, kind: 'pcr', sampleDate: '2022-01-14', members: [residents[0]!] },
        TODAY,
      ),
    ).rejects.toSatisfy((e) => fields(e).includes('members'));
    await expect(
      createPool(
        db,
        admin,
        {
          commune: COMMUNE,
          kind: 'pcr',
          sampleDate: '2022-01-14',
          members: residents.slice(0, 2),
          roundId: 999999,
        },
        TODAY,
      ),
    ).rejects.toSatisfy((e) => fields(e).includes('roundId'));
    await expect(
      recordTest(
        db,
        admin,
        { commune: '06385', kind: 'pcr', sampleDate: '2022-01-14', result: 'negative', roundId: market.id },
        TODAY,
      ),
    ).rejects.toSatisfy((e) => fields(e).includes('roundId'));
  });

  it('positivity per ISO week for a district and its communes, from the maintained rows', async () => {
    const p = await positivityByWeek(db, admin, { unit: '186', from: '2022-01-03', to: TODAY });
    expect(p.weeks).toEqual(['2022-W01', '2022-W02']);
    const commune = p.units.find((u) => u.code === COMMUNE)!;
    const district = p.units[0]!;
    expect(district.code).toBe('186');
    // W02 (10-16 Jan): 3 pooled negatives, the retest (positive), the household test, the market's 3 (1 positive).
    expect(commune.weeks[1]).toEqual({ week: '2022-W02', testsDone: 8, testsPositive: 2, rate: 25 });
    expect(district.weeks[1]!.testsDone).toBeGreaterThanOrEqual(8);
    await expect(
      positivityByWeek(db, admin, { unit: '186', from: '2021-01-01', to: TODAY }),
    ).rejects.toSatisfy((e) => fields(e).includes('to'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { AppError } from '../../src/core/errors.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createCase, setCaseOutcome, transferCase } from '../../src/features/cases/cases-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import {
  communeWeekCounts,
  daySummary,
  recountDayCounts,
  storedDayCounts,
} from '../../src/features/cases/counts-store.ts';
import { fillSevereCases } from '../../src/features/cases/migrations/0095-severe-case-counts.ts';
import {
  createPool,
  pendingRetests,
  recordRetest,
  setPoolResult,
} from '../../src/features/cases/pools-store.ts';
import { PLACES_OF_CARE } from '../../src/features/cases/rules/day-counts.ts';
import { recordTest } from '../../src/features/cases/tests-store.ts';
import { mulberry32 } from '../../src/features/persons/rules/sampling.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

const TODAY = '2022-01-15';
const COMMUNES = ['06385', '06388', '06400'];
const scope: Scope = { userId: 1, username: 'cases-test', role: 'admin', unitCode: '20', ip: '127.0.0.1' };

describe.each(ENGINES)('cases, contacts, tests and the day summary on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  let named = 0;
  const newPersons = async (commune: string, n: number) => {
    const place = await db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code', 'code as commune_code'])
      .where('code', '=', commune)
      .executeTakeFirstOrThrow();
    const rows = Array.from({ length: n }, () =>
      personRow(
        personInput({
          fullName: `Người Bệnh ${++named}`,
          birthDate: '1980-05-05',
          birthYear: 1980,
          sex: 'female',
        }),
        { province_code: place.province_code!, district_code: place.district_code!, commune_code: commune },
        { now: new Date().toISOString() },
      ),
    );
    return insertPersonRows(db, db.db, rows);
  };
  const summaryOf = async (unit: string, day: string) =>
    (await daySummary(db, scope, unit, day)).units.find((u) => u.code === unit)!;

  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  it('counts a case, its transfer, its contact and its recovery on the right days', async () => {
    const [f0, f1] = await newPersons('06385', 2);
    const c = await createCase(
      db,
      scope,
      { personId: f0!, sampleDate: '2022-01-03', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    await recordTest(
      db,
      scope,
      { personId: f0!, commune: '06385', kind: 'pcr', sampleDate: '2022-01-03', result: 'positive' },
      TODAY,
    );
    await transferCase(db, scope, c.id, { on: '2022-01-06', placeOfCare: 'facility' }, TODAY);
    await addContact(db, scope, c.id, { personId: f1!, exposureDate: '2022-01-02' }, '2022-01-04');
    await setCaseOutcome(db, scope, c.id, { status: 'recovered', on: '2022-01-12' }, TODAY);

    expect(await summaryOf('06385', '2022-01-03')).toMatchObject({
      newCases: 1,
      underTreatmentHome: 1,
      underTreatmentFacility: 0,
      testsDone: 1,
      testsPositive: 1,
      casesLast7Days: 1,
    });
    expect(await summaryOf('06385', '2022-01-04')).toMatchObject({
      newCases: 0,
      newContacts: 1,
      inQuarantine: 1,
    });
    expect(await summaryOf('06385', '2022-01-06')).toMatchObject({
      underTreatmentHome: 0,
      underTreatmentFacility: 1,
    });
    expect(await summaryOf('06385', '2022-01-09')).toMatchObject({ casesLast7Days: 1 });
    expect(await summaryOf('06385', '2022-01-10')).toMatchObject({ casesLast7Days: 0 });
    expect(await summaryOf('06385', '2022-01-12')).toMatchObject({ recovered: 1, underTreatmentFacility: 0 });
    // the district and the province add their communes
    expect(await summaryOf('186', '2022-01-04')).toMatchObject({ inQuarantine: 1 });
    expect(await summaryOf('20', '2022-01-03')).toMatchObject({ newCases: 1 });
    expect(await recountDayCounts(db.db)).toEqual(await storedDayCounts(db.db));
  });

  it('counts severe (oxygen-support) cases by sample day beside new cases and deaths (218 criterion 1)', async () => {
    const [a, b, c] = await newPersons('06400', 3);
    const severe = await createCase(
      db,
      scope,
      {
        personId: a!,
        sampleDate: '2021-11-02',
        testKind: 'pcr',
        placeOfCare: 'hospital',
        severity: 'severe',
      },
      TODAY,
    );
    await createCase(
      db,
      scope,
      { personId: b!, sampleDate: '2021-11-03', testKind: 'pcr', placeOfCare: 'home', severity: 'mild' },
      TODAY,
    );
    await createCase(
      db,
      scope,
      {
        personId: c!,
        sampleDate: '2021-11-04',
        testKind: 'pcr',
        placeOfCare: 'hospital',
        severity: 'critical',
      },
      TODAY,
    );
    await setCaseOutcome(db, scope, severe.id, { status: 'died', on: '2021-11-05' }, TODAY);
    const week = await communeWeekCounts(db, { code: '186', level: 2 }, '2021-11-01', '2021-11-07');
    expect(week.get('06400')).toEqual({ newCases: 3, severeCases: 2, deaths: 1 });
    // The next week holds none of them.
    const next = await communeWeekCounts(db, { code: '186', level: 2 }, '2021-11-08', '2021-11-14');
    expect(next.get('06400')?.severeCases ?? 0).toBe(0);
    expect(await recountDayCounts(db.db)).toEqual(await storedDayCounts(db.db));
    // Migration 0095's fill gives the rows of cases stored before the counter the same numbers.
    await db.db.updateTable('case_day_counts').set({ severe_cases: 0 }).execute();
    await fillSevereCases(db.db);
    expect(await recountDayCounts(db.db)).toEqual(await storedDayCounts(db.db));
  });

  it('a contact who tests positive becomes a case: the chain links itself and quarantine ends', async () => {
    const [f0, f1] = await newPersons('06388', 2);
    const c = await createCase(
      db,
      scope,
      { personId: f0!, sampleDate: '2022-01-05', testKind: 'rapidAntigen', placeOfCare: 'home' },
      TODAY,
    );
    await addContact(db, scope, c.id, { personId: f1!, exposureDate: '2022-01-05' }, '2022-01-06');
    const second = await createCase(
      db,
      scope,
      { personId: f1!, sampleDate: '2022-01-08', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    expect(second.source_case_id).toBe(c.id);
    expect(await summaryOf('06388', '2022-01-07')).toMatchObject({ inQuarantine: 1 });
    expect(await summaryOf('06388', '2022-01-08')).toMatchObject({ inQuarantine: 0, underTreatmentHome: 2 });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const [p] = await newPersons('06400', 1);
    const before = await storedDayCounts(db.db);
    const fieldOf = (e: unknown) => (e as AppError).fields.map((f) => f.field);
    await expect(
      createCase(
        db,
        scope,
        { personId: p!, sampleDate: '2022-02-01', testKind: 'pcr', placeOfCare: 'home' },
        TODAY,
      ),
    ).rejects.toSatisfy((e) => fieldOf(e).includes('sampleDate'));
    await expect(
      createCase(
        db,
        scope,
        { personId: p!, sampleDate: '1979-01-01', testKind: 'pcr', placeOfCare: 'home' },
        TODAY,
      ),
    ).rejects.toSatisfy((e) => fieldOf(e).includes('sampleDate'));
    const c = await createCase(
      db,
      scope,
      { personId: p!, sampleDate: '2022-01-10', testKind: 'pcr', placeOfCare: 'home' },
      TODAY,
    );
    await expect(
      addContact(db, scope, c.id, { personId: p!, exposureDate: '2022-01-09' }, TODAY),
    ).rejects.toSatisfy((e) => fieldOf(e).includes('personId'));
    await expect(
      setCaseOutcome(db, scope, c.id, { status: 'recovered', on: '2022-01-09' }, TODAY),
    ).rejects.toSatisfy((e) => fieldOf(e).includes('on'));
    const after = await storedDayCounts(db.db);
    expect(after.get('06400|2022-01-10|new_cases')).toBe(1);
    after.delete('06400|2022-01-10|new_cases');
    after.delete('06400|2022-01-10|home_change');
    expect(after).toEqual(before);
  });

  it('keeps the day counts equal to a recount after 300 random changes (pooled tests included)', async () => {
    const rand = mulberry32(20220115);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const day = () => addDays('2021-12-01', Math.floor(rand() * 45));
    const people = (await Promise.all(COMMUNES.map((c) => newPersons(c, 60)))).flat();
    const open: { id: number; confirmed: string }[] = [];
    for (let i = 0; i < 300; i++) {
      const op = rand();
      try {
        if (op < 0.35) {
          const c = await createCase(
            db,
            scope,
            {
              personId: pick(people),
              sampleDate: day(),
              testKind: pick(['pcr', 'rapidAntigen'] as const),
              placeOfCare: pick(PLACES_OF_CARE),
              severity: pick([null, 'mild', 'moderate', 'severe', 'critical'] as const),
            },
            TODAY,
          );
          open.push({ id: c.id, confirmed: c.confirmed_on });
        } else if (op < 0.55 && open.length) {
          const c = pick(open);
          await transferCase(
            db,
            scope,
            c.id,
            { on: addDays(c.confirmed, Math.floor(rand() * 8)), placeOfCare: pick(PLACES_OF_CARE) },
            TODAY,
          );
        } else if (op < 0.7 && open.length) {
          const c = open.splice(Math.floor(rand() * open.length), 1)[0]!;
          await setCaseOutcome(
            db,
            scope,
            c.id,
            {
              status: rand() < 0.9 ? 'recovered' : 'died',
              on: addDays(c.confirmed, Math.floor(rand() * 15)),
            },
            TODAY,
          );
        } else if (op < 0.85 && open.length) {
          const c = pick(open);
          await addContact(db, scope, c.id, { personId: pick(people), exposureDate: day() }, TODAY);
        } else if (op < 0.93) {
          // A pooled sample of one commune's people, its result, then (positive) a member's retest.
          const commune = pick(COMMUNES);
          const own = people.slice(COMMUNES.indexOf(commune) * 60, COMMUNES.indexOf(commune) * 60 + 60);
          const sampleDate = day();
          const members = [...new Set([pick(own), pick(own), pick(own)])];
          const pool = await createPool(db, scope, { commune, kind: 'pcr', sampleDate, members }, TODAY);
          const result = rand() < 0.3 ? 'positive' : 'negative';
          await setPoolResult(db, scope, pool.id, { result, resultOn: sampleDate }, TODAY);
          const [retest] = (await pendingRetests(db, scope, { unit: commune, limit: 1, offset: 0 })).retests;
          if (retest)
            await recordRetest(
              db,
              scope,
              retest.id,
              {
                kind: 'pcr',
                sampleDate: retest.poolResultOn!,
                result: rand() < 0.5 ? 'positive' : 'negative',
              },
              TODAY,
            );
        } else {
          await recordTest(
            db,
            scope,
            {
              commune: pick(COMMUNES),
              kind: 'rapidAntigen',
              sampleDate: day(),
              result: rand() < 0.2 ? 'positive' : 'negative',
            },
            TODAY,
          );
        }
      } catch (e) {
        // refusals (a person already under treatment, dates in the future, own contact) are part of the game
        if (!(e instanceof AppError) || e.status >= 500) throw e;
      }
    }
    const recount = await recountDayCounts(db.db);
    expect(recount).toEqual(await storedDayCounts(db.db));
    expect([...recount.keys()].some((k) => k.endsWith('|severe_cases'))).toBe(true);
    // The summary's levels (running levels less later changes) on any day are the recount's sums up to it.
    for (const on of ['2021-12-10', '2022-01-01', TODAY]) {
      const upTo = (field: string) =>
        [...recount].reduce((n, [key, v]) => {
          const [, d, f] = key.split('|');
          return f === field && d! <= on ? n + v : n;
        }, 0);
      expect(await summaryOf('20', on)).toMatchObject({
        underTreatmentHome: upTo('home_change'),
        underTreatmentFacility: upTo('facility_change'),
        inQuarantine: upTo('quarantine_change'),
      });
    }
  }, 120_000);
});

import { type Kysely, sql } from 'kysely';
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { isWithin, type UnitTree, unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import {
  type CountDelta,
  type CountField,
  caseCounts,
  contactCounts,
  type DaySummary,
  testCounts,
} from './rules/day-counts.ts';
import { bumpCountVersions, cachedByCountVersion } from './summary-cache.ts';
import type { CaseDayCountTable, CaseLevelTable } from './tables.ts';

const FIELDS: readonly CountField[] = [
  'new_cases',
  'recovered',
  'deaths',
  'new_contacts',
  'tests_done',
  'tests_positive',
  'home_change',
  'facility_change',
  'quarantine_change',
  'severe_cases',
];

/** A day row as applyCounts builds it (every counter a plain number). */
type DayRow = Omit<CaseDayCountTable, CountField> & Record<CountField, number>;

/** Adds the deltas to the communes' day rows, in the caller's transaction (one upsert per commune and day). */
export async function applyCounts(trx: Kysely<Database>, tree: UnitTree, deltas: readonly CountDelta[]) {
  const rows = new Map<string, DayRow>();
  for (const d of deltas) {
    const key = `${d.commune}|${d.day}`;
    let row = rows.get(key);
    if (!row) {
      const unit = tree.get(d.commune)!;
      row = {
        province_code: unit.province_code!,
        district_code: unit.district_code!,
        commune_code: d.commune,
        day: d.day,
        ...(Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<CountField, number>),
      };
      rows.set(key, row);
    }
    row[d.field] += d.delta;
  }
  const values = [...rows.values()];
  await bumpCountVersions(
    trx,
    values.map((r) => r.province_code),
  );
  const levels = new Map<string, CaseLevelTable>();
  for (const r of values) {
    if (!r.home_change && !r.facility_change && !r.quarantine_change) continue;
    const level = levels.get(r.commune_code) ?? {
      province_code: r.province_code,
      district_code: r.district_code,
      commune_code: r.commune_code,
      home: 0,
      facility: 0,
      quarantine: 0,
    };
    level.home += r.home_change;
    level.facility += r.facility_change;
    level.quarantine += r.quarantine_change;
    levels.set(r.commune_code, level);
  }
  const running = [...levels.values()];
  for (let i = 0; i < running.length; i += 200)
    await trx
      .insertInto('case_levels')
      .values(running.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['province_code', 'commune_code']).doUpdateSet({
          home: sql`case_levels.home + excluded.home`,
          facility: sql`case_levels.facility + excluded.facility`,
          quarantine: sql`case_levels.quarantine + excluded.quarantine`,
        }),
      )
      .execute();
  for (let i = 0; i < values.length; i += 200)
    await trx
      .insertInto('case_day_counts')
      .values(values.slice(i, i + 200))
      .onConflict((oc) =>
        oc
          .columns(['province_code', 'commune_code', 'day'])
          .doUpdateSet(
            Object.fromEntries(
              FIELDS.map((f) => [f, sql`case_day_counts.${sql.ref(f)} + excluded.${sql.ref(f)}`]),
            ) as Record<CountField, never>,
          ),
      )
      .execute();
}

type Totals = Record<CountField | 'last7', number>;
const emptyTotals = (): Totals => ({
  ...(Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<CountField, number>),
  last7: 0,
});

function summaryOf(t: Totals): DaySummary {
  return {
    newCases: t.new_cases,
    underTreatmentHome: t.home_change,
    underTreatmentFacility: t.facility_change,
    recovered: t.recovered,
    deaths: t.deaths,
    newContacts: t.new_contacts,
    inQuarantine: t.quarantine_change,
    testsDone: t.tests_done,
    testsPositive: t.tests_positive,
    casesLast7Days: t.last7,
  };
}

const LEVELS = [
  ['home_change', 'home'],
  ['facility_change', 'facility'],
  ['quarantine_change', 'quarantine'],
] as const;

/**
 * Each commune's totals for the day: the events of the day and of its week from the day rows since the week
 * began, the levels from the running levels less the changes after the day (a few scheduled ends of
 * quarantine when the day is today): an index range, not every day since the first case.
 */
async function communeTotals(
  db: Db,
  unit: { code: string; level: number; province_code: string | null },
  day: string,
) {
  const weekStart = addDays(day, -6);
  const onDay = (f: CountField) =>
    sql<number>`sum(case when day = ${day} then ${sql.ref(f)} else 0 end)`.as(f);
  const after = (f: CountField) =>
    sql<number>`sum(case when day > ${day} then ${sql.ref(f)} else 0 end)`.as(f);
  let events = db.db
    .selectFrom('case_day_counts')
    .select([
      'commune_code',
      onDay('new_cases'),
      onDay('recovered'),
      onDay('deaths'),
      onDay('new_contacts'),
      onDay('tests_done'),
      onDay('tests_positive'),
      after('home_change'),
      after('facility_change'),
      after('quarantine_change'),
      sql<number>`sum(case when day <= ${day} then new_cases else 0 end)`.as('last7'),
    ])
    .where('day', '>=', weekStart)
    .groupBy('commune_code');
  let levels = db.db.selectFrom('case_levels').selectAll();
  if (unit.level > 0) {
    const province = unit.level === 1 ? unit.code : unit.province_code!;
    events = events.where('province_code', '=', province);
    levels = levels.where('province_code', '=', province);
    if (unit.level > 1) {
      const column = unit.level === 2 ? 'district_code' : 'commune_code';
      events = events.where(column, '=', unit.code);
      levels = levels.where(column, '=', unit.code);
    }
  }
  const rows = new Map<string, Totals>();
  for (const r of await events.execute())
    rows.set(
      r.commune_code,
      Object.fromEntries([...FIELDS, 'last7'].map((f) => [f, Number(r[f as keyof typeof r] ?? 0)])) as Totals,
    );
  for (const level of await levels.execute()) {
    const row = rows.get(level.commune_code) ?? emptyTotals();
    // The row holds the changes after the day: the level on the day is what remains of the running level.
    for (const [change, column] of LEVELS) row[change] = Number(level[column]) - row[change];
    rows.set(level.commune_code, row);
  }
  return [...rows].map(([commune_code, t]) => ({ commune_code, ...t }));
}

/**
 * The day's numbers of a unit and of every unit below it (districts, communes), summed from the communes'
 * maintained rows: the situation report's core (GET /api/cases/summary).
 */
export async function daySummary(db: Db, scope: Scope, unitCode: string, day: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const province = unit.level === 0 ? null : unit.level === 1 ? unit.code : unit.province_code!;
  return cachedByCountVersion(db, province, `summary|${unit.code}|${day}`, () =>
    computeDaySummary(db, unit, day),
  );
}

/** The day summary from the maintained rows, uncached (the benchmark's cold figure). */
export async function computeDaySummary(
  db: Db,
  unit: { code: string; level: number; province_code: string | null },
  day: string,
) {
  const tree = await unitTree(db);
  const totals = new Map<string, Totals>();
  const below: string[] = [];
  const walk = (code: string) => {
    totals.set(code, emptyTotals());
    for (const child of tree.children(code)) {
      below.push(child.code);
      walk(child.code);
    }
  };
  walk(unit.code);
  for (const row of await communeTotals(db, unit, day)) {
    const commune = tree.get(row.commune_code)!;
    for (const code of new Set([commune.code, commune.district_code, commune.province_code, unit.code])) {
      const t = code && totals.get(code);
      if (!t || !isWithin(commune, code)) continue;
      for (const f of [...FIELDS, 'last7'] as const) t[f] += Number(row[f] ?? 0);
    }
  }
  return {
    date: day,
    units: [unit.code, ...below].map((code) => ({
      code,
      name: tree.get(code)!.name_with_type,
      level: tree.get(code)!.level,
      ...summaryOf(totals.get(code)!),
    })),
  };
}

/**
 * Every commune's day rows recomputed from the records themselves: what the maintained rows must equal (the
 * property test), and the slow way the benchmark compares against.
 */
export async function recountDayCounts(q: Kysely<Database>): Promise<Map<string, number>> {
  const cases = await q.selectFrom('cases').selectAll().execute();
  const transfers = await q
    .selectFrom('case_transfers')
    .select(['case_id', 'on_day', 'place_of_care'])
    .execute();
  const byCase = new Map<number, { on_day: string; place_of_care: string }[]>();
  for (const t of transfers) byCase.set(Number(t.case_id), [...(byCase.get(Number(t.case_id)) ?? []), t]);
  const confirmedOn = new Map(cases.map((c) => [Number(c.id), c.confirmed_on]));
  const contacts = await q.selectFrom('contacts').selectAll().execute();
  const tests = await q.selectFrom('covid_tests').selectAll().execute();
  const deltas: CountDelta[] = [
    ...cases.flatMap((c) => caseCounts(c, byCase.get(Number(c.id)) ?? [])),
    ...contacts.flatMap((c) =>
      contactCounts({
        ...c,
        became_case_on:
          c.became_case_id === null ? null : (confirmedOn.get(Number(c.became_case_id)) ?? null),
      }),
    ),
    ...tests.flatMap(testCounts),
  ];
  const net = new Map<string, number>();
  for (const d of deltas) {
    const key = `${d.commune}|${d.day}|${d.field}`;
    net.set(key, (net.get(key) ?? 0) + d.delta);
  }
  for (const [key, n] of net) if (n === 0) net.delete(key);
  return net;
}

/** The maintained rows in the same shape as the recount (zeros dropped). */
export async function storedDayCounts(q: Kysely<Database>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const row of await q.selectFrom('case_day_counts').selectAll().execute())
    for (const f of FIELDS)
      if (Number(row[f]) !== 0) out.set(`${row.commune_code}|${row.day}|${f}`, Number(row[f]));
  return out;
}

/**
 * New cases (by sample day), severe (oxygen-support) new cases and deaths of each commune from `from` to `to`
 * (ISO days, inclusive), read from the maintained day rows of the communes of a unit (a province, district or
 * commune code, or VN): the risk levels' criterion 1. Aggregates, not personal data.
 */
export async function communeWeekCounts(
  db: Db,
  unit: { code: string; level: number },
  from: string,
  to: string,
): Promise<Map<string, { newCases: number; severeCases: number; deaths: number }>> {
  const column = unit.level === 1 ? 'province_code' : unit.level === 2 ? 'district_code' : 'commune_code';
  let q = db.db
    .selectFrom('case_day_counts')
    .select([
      'commune_code',
      (eb) => eb.fn.sum<number>('new_cases').as('new_cases'),
      (eb) => eb.fn.sum<number>('deaths').as('deaths'),
      (eb) => eb.fn.sum<number>('severe_cases').as('severe_cases'),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('commune_code');
  if (unit.level > 0) q = q.where(column, '=', unit.code);
  const out = new Map<string, { newCases: number; severeCases: number; deaths: number }>();
  for (const r of await q.execute())
    out.set(r.commune_code, {
      newCases: Number(r.new_cases ?? 0),
      severeCases: Number(r.severe_cases ?? 0),
      deaths: Number(r.deaths ?? 0),
    });
  return out;
}

/**
 * Cases under treatment outside home (commune station, mobile station, facility, hospital) on a day, by
 * district: the occupancy the capacity capability shows where a facility entered none. The running level less
 * the changes after the day.
 */
export async function facilityPatientsByDistrict(db: Db, districtCodes: readonly string[], day: string) {
  const out = new Map<string, number>();
  for (let i = 0; i < districtCodes.length; i += 500) {
    const chunk = districtCodes.slice(i, i + 500);
    for (const r of await db.db
      .selectFrom('case_levels')
      .select(['district_code', sql<number>`sum(facility)`.as('n')])
      .where('district_code', 'in', chunk)
      .groupBy('district_code')
      .execute())
      out.set(r.district_code, Number(r.n));
    for (const r of await db.db
      .selectFrom('case_day_counts')
      .select(['district_code', sql<number>`sum(facility_change)`.as('n')])
      .where('district_code', 'in', chunk)
      .where('day', '>', day)
      .groupBy('district_code')
      .execute())
      out.set(r.district_code, (out.get(r.district_code) ?? 0) - Number(r.n));
  }
  return out;
}

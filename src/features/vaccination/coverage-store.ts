/**
 * Coverage per unit × age group × class, and its weekly trend, read from the counters: a province view reads
 * a few hundred counter rows whatever its population. Aggregates, not personal data: not audited.
 */

import { addDays, vietnamToday } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { BANDS_OF_GROUP, COVERAGE_AGE_GROUPS, type CoverageAgeGroup } from './rules/age-groups.ts';
import { COVERAGE_CLASSES, type CoverageClass } from './rules/dose-series.ts';
import { syncStatuses } from './status-store.ts';

export type ClassCounts = Record<CoverageClass, number>;

export interface UnitCoverage {
  code: string;
  name: string;
  level: number;
  /** Registered residents counted (living here or temporarily away), every age. */
  population: number;
  byAgeGroup: Record<CoverageAgeGroup, ClassCounts>;
}

/** Counter rows are kept for communes, districts and provinces; the country adds its provinces up. */
export async function counterCodes(db: Db, unit: AdminUnitTable): Promise<string[]> {
  return unit.level === 0 ? (await unitTree(db)).children(unit.code).map((u) => u.code) : [unit.code];
}

const zeroCounts = (): ClassCounts => ({ notVaccinated: 0, partial: 0, primaryComplete: 0, booster: 0 });

/** Counts per age band and class for each unit: band → class → n. */
export async function bandCounts(db: Db, units: AdminUnitTable[]) {
  const codes = new Map<string, string>();
  for (const u of units) for (const code of await counterCodes(db, u)) codes.set(code, u.code);
  const rows = codes.size
    ? await db.db
        .selectFrom('coverage_counters')
        .select(['unit_code', 'age_band', 'coverage', 'count'])
        .where('unit_code', 'in', [...codes.keys()])
        .execute()
    : [];
  const out = new Map<string, Map<string, ClassCounts>>(units.map((u) => [u.code, new Map()]));
  for (const r of rows) {
    const bands = out.get(codes.get(r.unit_code)!)!;
    const counts = bands.get(r.age_band) ?? zeroCounts();
    counts[r.coverage as CoverageClass] += r.count;
    bands.set(r.age_band, counts);
  }
  return out;
}

function groupCounts(bands: Map<string, ClassCounts>, group: CoverageAgeGroup): ClassCounts {
  const counts = zeroCounts();
  for (const band of BANDS_OF_GROUP[group])
    for (const c of COVERAGE_CLASSES) counts[c] += bands.get(band)?.[c] ?? 0;
  return counts;
}

/** The unit and each unit directly below it (the contract of GET /api/vaccination/coverage). */
export async function coverage(db: Db, scope: Scope, unitCode: string, today = vietnamToday()) {
  const unit = await unitInScope(db, scope, unitCode);
  await syncStatuses(db, today);
  const units = [unit, ...(await unitTree(db)).children(unit.code)];
  const counts = await bandCounts(db, units);
  return {
    asOf: today,
    units: units.map((u): UnitCoverage => {
      const bands = counts.get(u.code)!;
      let population = 0;
      for (const c of bands.values()) for (const k of COVERAGE_CLASSES) population += c[k];
      return {
        code: u.code,
        name: u.name_with_type,
        level: u.level,
        population,
        byAgeGroup: Object.fromEntries(COVERAGE_AGE_GROUPS.map((g) => [g, groupCounts(bands, g)])) as Record<
          CoverageAgeGroup,
          ClassCounts
        >,
      };
    }),
  };
}

const MILESTONE_NAMES = ['firstDose', 'primaryComplete', 'booster'] as const;
type Milestone = (typeof MILESTONE_NAMES)[number];

/**
 * People of an age group who had reached each milestone by the end of each week, from the first week with a
 * dose to the last; counted over today's residents, by today's age.
 */
export async function trend(
  db: Db,
  scope: Scope,
  unitCode: string,
  ageGroup: CoverageAgeGroup,
  today = vietnamToday(),
) {
  const unit = await unitInScope(db, scope, unitCode);
  await syncStatuses(db, today);
  const rows = await db.db
    .selectFrom('milestone_counters')
    .select(['milestone', 'week', 'count'])
    .where('unit_code', 'in', await counterCodes(db, unit))
    .where('age_band', 'in', [...BANDS_OF_GROUP[ageGroup]])
    .execute();
  const population = groupCounts((await bandCounts(db, [unit])).get(unit.code)!, ageGroup);
  const perWeek = new Map<string, Record<Milestone, number>>();
  for (const r of rows) {
    const counts = perWeek.get(r.week) ?? { firstDose: 0, primaryComplete: 0, booster: 0 };
    counts[r.milestone as Milestone] += r.count;
    perWeek.set(r.week, counts);
  }
  const weeks: ({ week: string } & Record<Milestone, number>)[] = [];
  const ordered = [...perWeek.keys()].sort();
  const total = { firstDose: 0, primaryComplete: 0, booster: 0 };
  if (ordered.length)
    for (let week = ordered[0]!; week <= ordered.at(-1)!; week = addDays(week, 7)) {
      const added = perWeek.get(week);
      if (added) for (const m of MILESTONE_NAMES) total[m] += added[m];
      weeks.push({ week, ...total });
    }
  return {
    unit: { code: unit.code, name: unit.name_with_type },
    ageGroup,
    population: Object.values(population).reduce((a, b) => a + b, 0),
    asOf: today,
    weeks,
  };
}

/** What the risk levels' criterion 2 needs of one commune: groups and who reached a milestone by a week's end. */
export interface CommuneCoverageFacts {
  /** Registered residents of every age, and those with the primary series complete. */
  residents: number;
  residentsPrimary: number;
  /** People 18+ and those with at least one dose (4800's criterion 2). */
  adults: number;
  adultsFirstDose: number;
  /** People 50+ and those with the primary series complete (218's high-risk group; the draft over-50 rule). */
  over50: number;
  over50Primary: number;
}

/**
 * Criterion 2's counts per commune as of the end of the week starting `monday`, from the maintained counters
 * (today's residents by today's age band; milestones reached in weeks up to that one). Aggregates: not audited.
 */
export async function communeCoverageFacts(
  db: Db,
  communeCodes: readonly string[],
  monday: string,
  today = vietnamToday(),
): Promise<Map<string, CommuneCoverageFacts>> {
  await syncStatuses(db, today);
  const adult = new Set<string>(BANDS_OF_GROUP['18+']);
  const over50 = new Set<string>(BANDS_OF_GROUP['50+']);
  const out = new Map<string, CommuneCoverageFacts>();
  const facts = (code: string) => {
    let f = out.get(code);
    if (!f) {
      f = { residents: 0, residentsPrimary: 0, adults: 0, adultsFirstDose: 0, over50: 0, over50Primary: 0 };
      out.set(code, f);
    }
    return f;
  };
  for (let i = 0; i < communeCodes.length; i += 500) {
    const codes = communeCodes.slice(i, i + 500);
    for (const r of await db.db
      .selectFrom('coverage_counters')
      .select(['unit_code', 'age_band', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('unit_code', 'in', codes)
      .groupBy(['unit_code', 'age_band'])
      .execute()) {
      const f = facts(r.unit_code);
      const n = Number(r.n);
      f.residents += n;
      if (adult.has(r.age_band)) f.adults += n;
      if (over50.has(r.age_band)) f.over50 += n;
    }
    for (const r of await db.db
      .selectFrom('milestone_counters')
      .select(['unit_code', 'milestone', 'age_band', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('unit_code', 'in', codes)
      .where('milestone', 'in', ['firstDose', 'primaryComplete'])
      .where('week', '<=', monday)
      .groupBy(['unit_code', 'milestone', 'age_band'])
      .execute()) {
      const f = facts(r.unit_code);
      const n = Number(r.n);
      if (r.milestone === 'firstDose' && adult.has(r.age_band)) f.adultsFirstDose += n;
      if (r.milestone === 'primaryComplete') {
        f.residentsPrimary += n;
        if (over50.has(r.age_band)) f.over50Primary += n;
      }
    }
  }
  return out;
}

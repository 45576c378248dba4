/**
 * The situation room (issue 18, journey 6): the morning screen of a province or district in one small answer,
 * built from the other capabilities' maintained counters through their indexes — the day's cases and their
 * trend, coverage against the target, beds in use (capacity's figures), communes behind, overdue tasks, the map of levels —
 * and kept per (caller's unit, unit, day) while the province's audit chain stays where it was (every change
 * in the province appends to it) and at most a minute (what changes without an audit entry: people growing
 * into the next age band). Aggregates only: nothing personal, not audited.
 */
import { createHash } from 'node:crypto';
import { addDays } from '../../core/dates.ts';
import { badRequest } from '../../core/errors.ts';
import { cachePerOwner } from '../../core/ttl-cache.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { COUNTRY_CODE, unitInScope } from '../admin-units/index.ts';
import { chainPosition } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { bedsInUse } from '../capacity/index.ts';
import { communeWeekCounts, daySummary } from '../cases/index.ts';
import { compliance } from '../directives/index.ts';
import { dailyReportStatus } from '../reports/index.ts';
import { lastClosedWeek, levelMap } from '../risk-levels/index.ts';
import { coverage, listTargets, targetProgress } from '../vaccination/index.ts';
import { adultCoverage, type UnitFigures, underTreatment } from './rules/figures.ts';

/** Days drawn in the new-cases trend. */
export const TREND_DAYS = 14;
/** Communes behind the target shown by name (all are counted). */
const BEHIND_SHOWN = 10;

/** A number on the screen and the page that lists what it counts (a path of the web app, filters included). */
export interface Tile {
  key: string;
  value: number | null;
  /** What the value is out of (a target's percent, the beds), when known. */
  of?: number | null;
  /** `percent` values are shown with a % sign. */
  unit?: 'count' | 'percent';
  href: string;
  provisional?: boolean;
  /** A slot waiting for data another capability does not hold yet (shown labelled, not as zero). */
  noData?: boolean;
}

export interface SituationSummary {
  unit: { code: string; name: string; level: number };
  date: string;
  week: string;
  generatedAt: string;
  figures: UnitFigures;
  tiles: Tile[];
  trend: { day: string; newCases: number }[];
  target: {
    id: number;
    title: string;
    deadline: string;
    provisional: boolean;
    minAge: number;
    percent: number;
    coverage: number;
    remaining: number;
    onTrack: boolean;
    projectedDate: string | null;
  } | null;
  behind: { total: number; communes: { code: string; name: string; remaining: number }[] };
  map: {
    week: string;
    province: { code: string; name: string };
    width: number;
    height: number;
    source: string;
    districts: {
      code: string;
      name: string;
      path: string | null;
      level: number | null;
      announcedLevel: number | null;
      provisional: boolean;
    }[];
  } | null;
  below: UnitFigures[];
}

interface Cached {
  chain: number;
  body: string;
  etag: string;
}

const cache = cachePerOwner<Db, string, Cached>(60_000, 500);

/** The summary as sent (JSON text) and its entity tag, from the cache while nothing changed in the province. */
export async function situationSummaryBody(
  db: Db,
  scope: Scope,
  unitCode: string,
  day: string,
  today: string,
) {
  if (day > today)
    throw badRequest({ vi: 'Ngày chưa đến', en: 'The day has not come yet' }, [
      { field: 'date', message: { vi: 'không được sau hôm nay', en: 'must not be after today' } },
    ]);
  const unit = await unitInScope(db, scope, unitCode);
  const chain = await chainPosition(db, unit.province_code ?? (unit.level === 1 ? unit.code : ''));
  const key = `${scope.unitCode}|${unit.code}|${day}|${today}`;
  const hit = cache(db).get(key);
  if (hit && hit.chain === chain) return hit;
  const summary = await situationSummary(db, scope, unit.code, day, today);
  const body = JSON.stringify(summary);
  // The tag covers the numbers, not the time they were computed: a recomputation that changed nothing is a 304.
  const etag = `"${createHash('sha1')
    .update(JSON.stringify({ ...summary, generatedAt: '' }))
    .digest('base64url')}"`;
  const entry = { chain, body, etag };
  cache(db).set(key, entry);
  return entry;
}

/** Everything the screen shows for a unit and day. Coverage and targets are today's counters. */
export async function situationSummary(
  db: Db,
  scope: Scope,
  unitCode: string,
  day: string,
  today: string,
): Promise<SituationSummary> {
  const unit = await unitInScope(db, scope, unitCode);
  const week = lastClosedWeek(day);
  const [cases, vaccination, tasks, map, trend, targets, beds] = await Promise.all([
    daySummary(db, scope, unit.code, day),
    coverage(db, scope, unit.code, today),
    compliance(db, scope, { unitCode: unit.code }, today),
    unit.code === COUNTRY_CODE ? null : levelMap(db, scope, unit.code, week).catch(() => null),
    newCasesTrend(unit, day),
    listTargets(db, scope, unit.code, today),
    bedsInUse(db, scope, unit.code, day),
  ]);
  async function newCasesTrend(u: AdminUnitTable, last: string) {
    const days = Array.from({ length: TREND_DAYS }, (_, i) => addDays(last, i - TREND_DAYS + 1));
    return Promise.all(
      days.map(async (d) => {
        let n = 0;
        for (const c of (await communeWeekCounts(db, u, d, d)).values()) n += c.newCases;
        return { day: d, newCases: n };
      }),
    );
  }
  const levels = new Map<string, number | null>();
  for (const d of map?.districts ?? []) levels.set(d.code, d.announcedLevel ?? d.level);
  for (const c of map?.communes ?? []) levels.set(c.code, c.announcedLevel ?? c.level);
  const casesOf = new Map(cases.units.map((u) => [u.code, u]));
  const coverageOf = new Map(vaccination.units.map((u) => [u.code, u]));
  const overdueOf = new Map<string, number>();
  for (const r of tasks.rows)
    if (r.unitCode !== unit.code)
      overdueOf.set(r.unitCode, (overdueOf.get(r.unitCode) ?? 0) + r.counts.overdue);
  const figuresOf = (code: string, overdue: number): UnitFigures => {
    const c = casesOf.get(code)!;
    const adults = coverageOf.get(code)?.byAgeGroup['18+'];
    return {
      code,
      name: c.name,
      level: c.level,
      newCases: c.newCases,
      casesLast7Days: c.casesLast7Days,
      underTreatmentHome: c.underTreatmentHome,
      underTreatmentFacility: c.underTreatmentFacility,
      inQuarantine: c.inQuarantine,
      deaths: c.deaths,
      recovered: c.recovered,
      testsDone: c.testsDone,
      testsPositive: c.testsPositive,
      adults: adults ? adults.notVaccinated + adults.partial + adults.primaryComplete + adults.booster : 0,
      adultsPrimary: adults ? adults.primaryComplete + adults.booster : 0,
      adultsBooster: adults?.booster ?? 0,
      overdueTasks: overdue,
      riskLevel: levels.get(code) ?? null,
    };
  };
  const figures = figuresOf(unit.code, tasks.totals.overdue);
  const below = vaccination.units.slice(1).map((u) => figuresOf(u.code, overdueOf.get(u.code) ?? 0));

  // The first target that applies, with its primary-series goal (else its booster goal).
  const t = targets.targets.find((x) => isWithinTarget(x.progress.unitCode, unit.code));
  const goal = t ? (t.progress.primary ? 'primary' : 'booster') : null;
  const progress = t && goal ? t.progress[goal] : null;
  const target =
    t && goal && progress
      ? {
          id: t.id,
          title: t.title,
          deadline: t.deadline,
          provisional: t.provisional,
          minAge: t[goal]!.minAge,
          percent: t[goal]!.percent,
          coverage: progress.coverage,
          remaining: progress.remaining,
          onTrack: progress.onTrack,
          projectedDate: progress.projectedDate,
        }
      : null;
  const behindList =
    t && unit.level < 3 ? (await targetProgress(db, scope, t.id, unit.code, today)).behind : [];
  const behind = {
    total: behindList.length,
    communes: behindList.slice(0, BEHIND_SHOWN).map((c) => ({
      code: c.code,
      name: c.name,
      remaining: (c.primary?.remaining ?? 0) + (c.booster?.remaining ?? 0),
    })),
  };

  const u = unit.code;
  const tiles: Tile[] = [
    { key: 'newCases', value: figures.newCases, href: `/cases?unit=${u}` },
    { key: 'casesLast7Days', value: figures.casesLast7Days, href: `/cases?unit=${u}` },
    { key: 'underTreatment', value: underTreatment(figures), href: `/cases?unit=${u}&status=treating` },
    beds
      ? // Beds occupied out of the beds of the unit's facilities on the day (capacity's figures).
        {
          key: 'capacityInUse',
          value: beds.occupied,
          of: beds.beds,
          href: `/capacity?unit=${beds.fullest}&date=${day}`,
        }
      : {
          // No facility of the unit has figures entered: the people treated in facilities, labelled "no bed numbers".
          key: 'capacityInUse',
          value: figures.underTreatmentFacility,
          of: null,
          noData: true,
          href: `/cases?unit=${u}&status=treating`,
        },
    {
      key: 'coverage',
      value: adultCoverage(figures),
      unit: 'percent',
      href: `/vaccination?unit=${u}&age=18%2B`,
    },
    ...(target
      ? [
          {
            key: 'target',
            value: target.coverage,
            of: target.percent,
            unit: 'percent' as const,
            provisional: target.provisional,
            href: `/vaccination/targets?unit=${u}`,
          },
        ]
      : []),
    ...(unit.level < 3 && target
      ? [{ key: 'communesBehind', value: behind.total, href: `/vaccination/targets?unit=${u}` }]
      : []),
    { key: 'overdueTasks', value: figures.overdueTasks, href: `/directives/compliance?unit=${u}` },
  ];
  if (unit.level < 3) {
    // The daily reports of the units directly below not submitted yet (a late one stays missing until it is).
    const reports = await dailyReportStatus(db, scope, unit.code, day);
    tiles.push({
      key: 'reportsMissing',
      value: reports.missing.length,
      href: `/reports/daily?unit=${u}&date=${day}`,
    });
  }
  return {
    unit: { code: unit.code, name: unit.name_with_type, level: unit.level },
    date: day,
    week,
    generatedAt: new Date().toISOString(),
    figures,
    tiles,
    trend,
    target,
    behind,
    map: map
      ? {
          week: map.week,
          province: map.province,
          width: map.width,
          height: map.height,
          source: map.source,
          districts: map.districts,
        }
      : null,
    below,
  };
}

/** A target listed for a unit applies to it when its progress is the unit's own. */
const isWithinTarget = (progressUnit: string, unitCode: string) => progressUnit === unitCode;

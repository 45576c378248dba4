/**
 * The named queries report fields read (rules/forms.ts `query`): each answers a flat map of numbers for a unit
 * and period from a capability's maintained counters, reached only through that capability's index. Another
 * capability adds its own with `registerReportQuery` (from this feature's index) when it adds a section.
 */
import { addDays, isoWeek } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../auth/index.ts';
import { measuresFor } from '../capacity/index.ts';
import { communeWeekCounts, daySummary } from '../cases/index.ts';
import { compliance } from '../directives/index.ts';
import { inspectionFigures } from '../inspections/index.ts';
import { riskLevels } from '../risk-levels/index.ts';
import { supportFigures } from '../support/index.ts';
import { coverage } from '../vaccination/index.ts';

export interface QueryInput {
  db: Db;
  scope: Scope;
  unit: { code: string; level: number };
  /** The day, the week's Monday or the directive's id, as the form's period. */
  period: string;
  today: string;
}

export type ReportQuery = (input: QueryInput) => Promise<Record<string, number | null>>;

const registry = new Map<string, ReportQuery>();

export function registerReportQuery(name: string, query: ReportQuery) {
  registry.set(name, query);
}

export function reportQuery(name: string): ReportQuery {
  const q = registry.get(name);
  if (!q) throw new Error(`report query ${name} is not registered`);
  return q;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

registerReportQuery('cases.day', async ({ db, scope, unit, period }) => {
  const { units } = await daySummary(db, scope, unit.code, period);
  const { code, name, level, ...numbers } = units[0]!;
  return numbers;
});

// Coverage counters keep the present state only (no counts by day): the fields are as of when compiled
// (forms.ts `asOf: 'compiled'`), whatever the report's day.
registerReportQuery('vaccination.coverage', async ({ db, scope, unit, today }) => {
  const c = (await coverage(db, scope, unit.code, today)).units[0]!;
  const adults = c.byAgeGroup['18+'];
  const teens = c.byAgeGroup['12-17'];
  return {
    population: c.population,
    adults: sum(adults),
    adultsFirstDose: adults.partial + adults.primaryComplete + adults.booster,
    adultsPrimary: adults.primaryComplete + adults.booster,
    adultsBooster: adults.booster,
    teens: sum(teens),
    teensFirstDose: teens.partial + teens.primaryComplete + teens.booster,
    teensPrimary: teens.primaryComplete + teens.booster,
  };
});

const weekName = (monday: string) => {
  const w = isoWeek(monday);
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
};

/** The week's level and the activities its measures restrict or suspend on the week's Sunday (Resolution 128). */
registerReportQuery('risk-levels.week', async ({ db, scope, unit, period }) => {
  const { units } = await riskLevels(db, scope, unit.code, weekName(period));
  const own = units[0] as { level?: number; announcedLevel?: number | null } | undefined;
  const level = own?.announcedLevel ?? own?.level ?? null;
  const measures = level ? measuresFor(level as 1 | 2 | 3 | 4, addDays(period, 6))?.measures : undefined;
  const counted = (r: string) => (measures ? measures.filter((m) => m.restriction === r).length : null);
  return {
    level,
    measuresRestricted: counted('restricted'),
    measuresSuspended: counted('suspended'),
  };
});

registerReportQuery('inspections.week', ({ db, scope, unit, period }) =>
  inspectionFigures(db, scope, unit.code, period, addDays(period, 6)),
);

registerReportQuery('support.week', ({ db, scope, unit, period }) =>
  supportFigures(db, scope, unit.code, period, addDays(period, 6)),
);

registerReportQuery('cases.week', async ({ db, unit, period }) => {
  let newCases = 0;
  let deaths = 0;
  for (const c of (await communeWeekCounts(db, unit, period, addDays(period, 6))).values()) {
    newCases += c.newCases;
    deaths += c.deaths;
  }
  return { newCases, deaths };
});

/** Tasks keep their present state only: the fields are as of when compiled (forms.ts `asOf: 'compiled'`). */
const complianceNumbers = async (input: QueryInput, documentId?: number) => {
  const { totals } = await compliance(
    input.db,
    input.scope,
    { unitCode: input.unit.code, ...(documentId === undefined ? {} : { documentId }) },
    input.today,
  );
  return { ...totals, states: undefined } as unknown as Record<string, number>;
};

registerReportQuery('directives.compliance', (input) => complianceNumbers(input));
registerReportQuery('directives.document', (input) => complianceNumbers(input, Number(input.period)));

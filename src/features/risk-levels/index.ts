import { vietnamToday } from '../../core/dates.ts';
import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { systemScope } from '../auth/index.ts';
import { announcedLevels, computeAssessments, storeAssessments } from './assessment-store.ts';
import { mapFirstPaint } from './first-paint.ts';
import { riskLevels } from './migrations/0030-risk-levels.ts';
import { riskLevelPermissions } from './permissions.ts';
import { riskLevelRoutes } from './routes.ts';
import { lastClosedWeek } from './rules/week.ts';
import './tables.ts';

/**
 * The week closing on the last Sunday, for every commune of the country, once: stored with its criterion values
 * and rule set (the proposals the committees announce from). Later changes show on demand and by a recompute.
 */
export async function assessClosedWeek(db: Parameters<typeof storeAssessments>[0], today = vietnamToday()) {
  const week = lastClosedWeek(today);
  const done = await db.db
    .selectFrom('risk_assessments')
    .select('unit_code')
    .where('week', '=', week)
    .where('unit_level', '=', 0)
    .executeTakeFirst();
  if (done) return { week, units: 0 };
  return storeAssessments(db, systemScope('job:risk-levels.weekly'), 'VN', week);
}

/**
 * Risk levels under Resolution 128 (issue 16): rule sets 4800 and 218 as dated data, weekly levels of every
 * commune from the cases and vaccination counters, why, replay under another set, announcements.
 */
export const riskLevelsFeature = {
  name: 'riskLevels',
  permissions: riskLevelPermissions,
  migrations: { '0030-risk-levels': riskLevels },
  routes: riskLevelRoutes,
  firstPaint: [mapFirstPaint],
  jobs: [{ name: 'risk-levels.weekly', intervalMs: 3_600_000, run: (db) => assessClosedWeek(db) }],
} satisfies FeatureManifest;

/** The map of levels and the week it shows by default (the situation room reads them). */
export { levelMap } from './map-store.ts';
export { LEVEL_FILL } from './rules/rule-sets.ts';
export { lastClosedWeek } from './rules/week.ts';
/**
 * The level in force on a day for each commune (issue 17: an arrival's origin, a gathering's commune): the
 * level of the week closed on the Sunday before — its announced level, else its stored proposal, else the
 * proposal computed now from the counters (by district). Units without any are absent.
 */
export async function communeLevelsOnDay(
  db: Parameters<typeof storeAssessments>[0],
  codes: string[],
  day: string,
) {
  const week = lastClosedWeek(day);
  const out = new Map<
    string,
    { level: number; week: string; source: 'announced' | 'assessed' | 'computed' }
  >();
  for (const [code, level] of await announcedLevels(db, codes, week))
    out.set(code, { level, week, source: 'announced' });
  const rest = codes.filter((c) => !out.has(c));
  for (let i = 0; i < rest.length; i += 500)
    for (const r of await db.db
      .selectFrom('risk_assessments')
      .select(['unit_code', 'level'])
      .where('week', '=', week)
      .where('unit_code', 'in', rest.slice(i, i + 500))
      .orderBy('computed_at')
      .execute())
      out.set(r.unit_code, { level: r.level, week, source: 'assessed' });
  const missing = rest.filter((c) => !out.has(c));
  if (missing.length === 0) return out;
  const districts = await db.db
    .selectFrom('admin_units')
    .select('district_code')
    .distinct()
    .where('code', 'in', missing)
    .where('level', '=', 3)
    .execute();
  for (const d of districts) {
    const list = await computeAssessments(
      db,
      systemScope('risk-levels.level-on-day'),
      d.district_code!,
      week,
    ).catch(() => []);
    for (const a of list)
      if (missing.includes(a.unit.code))
        out.set(a.unit.code, { level: a.evaluation.level, week, source: 'computed' });
  }
  return out;
}
// What other features use of this one.
export { riskLevels } from './assessment-store.ts';

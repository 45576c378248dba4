import { vietnamToday } from '../../core/dates.ts';
import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { systemScope } from '../auth/index.ts';
import { storeAssessments } from './assessment-store.ts';
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
  jobs: [{ name: 'risk-levels.weekly', intervalMs: 3_600_000, run: (db) => assessClosedWeek(db) }],
} satisfies FeatureManifest;

// What other features use of this one.
export { riskLevels } from './assessment-store.ts';

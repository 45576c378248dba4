import { vietnamToday } from '../../core/dates.ts';
import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoVaccination } from './demo-doses.ts';
import { vaccinationCli } from './import/import-doses-command.ts';
import { vaccination } from './migrations/0004-vaccination.ts';
import { vaccinationDeferrals } from './migrations/0090-vaccination-deferrals.ts';
import { vaccinationPermissions } from './permissions.ts';
import { vaccinationRoutes } from './routes.ts';
import { syncStatusesOffThread } from './sync-task.ts';

/** Doses, statuses, coverage counters, targets, worklists, sessions, FHIR export. */
export const vaccinationFeature = {
  name: 'vaccination',
  permissions: vaccinationPermissions,
  migrations: { '0004-vaccination': vaccination, '0090-vaccination-deferrals': vaccinationDeferrals },
  cli: vaccinationCli,
  demo: async (db, area) => {
    await seedDemoVaccination(db, area.communeCodes, area.provinceCode, area.today);
  },
  routes: vaccinationRoutes,
  jobs: [
    {
      // Registry changes reach vaccination statuses before each read; catching up in the background too keeps
      // that work out of the pages' requests, and in a worker thread out of the server's (sync-task.ts).
      name: 'vaccination.sync-statuses',
      intervalMs: 10_000,
      run: (db) => syncStatusesOffThread(db, vietnamToday()),
    },
  ],
} satisfies FeatureManifest;

/** Coverage and targets as their routes answer them (the situation room reads them). */
export { type CommuneCoverageFacts, communeCoverageFacts, coverage } from './coverage-store.ts';
// What other features use of this one.
/** A recovery defers vaccination (rules.md §6): cases call it in the recovery's transaction. */
export { deferVaccination, type Recovery } from './deferrals-store.ts';
export { primarySeriesCompletedOn } from './series-facts.ts';
export { listTargets, targetProgress } from './targets-store.ts';

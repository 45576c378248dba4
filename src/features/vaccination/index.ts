import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoVaccination } from './demo-doses.ts';
import { vaccinationCli } from './import/import-doses-command.ts';
import { vaccination } from './migrations/0004-vaccination.ts';
import { vaccinationPermissions } from './permissions.ts';
import { vaccinationRoutes } from './routes.ts';

/** Doses, statuses, coverage counters, targets, worklists, sessions, FHIR export. */
export const vaccinationFeature = {
  name: 'vaccination',
  permissions: vaccinationPermissions,
  migrations: { '0004-vaccination': vaccination },
  cli: vaccinationCli,
  demo: async (db, area) => {
    await seedDemoVaccination(db, area.communeCodes, area.provinceCode);
  },
  routes: (app, services) => vaccinationRoutes(app, services.uploadsDir),
} satisfies FeatureManifest;
export { vietnamToday } from './rules/days.ts';

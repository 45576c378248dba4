import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoInspections } from './demo-inspections.ts';
import { establishmentsCli } from './import/import-establishments-command.ts';
import { inspections } from './migrations/0060-inspections.ts';
import { inspectionPermissions } from './permissions.ts';
import { inspectionRoutes } from './routes.ts';

/**
 * Inspections (issue 17): establishments and their risk class, antoancovid-style self-assessments, inspection
 * visits with violations, penalties and follow-up tasks, the district's list of establishments overdue.
 */
export const inspectionsFeature = {
  name: 'inspections',
  permissions: inspectionPermissions,
  migrations: { '0060-inspections': inspections },
  cli: establishmentsCli,
  demo: (db, area) => seedDemoInspections(db, area),
  routes: inspectionRoutes,
} satisfies FeatureManifest;

// What other features use of this one (the weekly report: the week's inspections).
export { inspectionFigures } from './store.ts';

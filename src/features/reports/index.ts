import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoReports } from './demo-reports.ts';
import { reports } from './migrations/0070-reports.ts';
import { reportPermissions } from './permissions.ts';
import { reportRoutes } from './routes.ts';

/**
 * Reports up the chain (issue 18): daily, weekly and directive reports compiled from the capabilities'
 * counters, corrected with reasons, signed off, submitted, rolled up, archived; .docx, .xlsx and print.
 */
export const reportsFeature = {
  name: 'reports',
  permissions: reportPermissions,
  migrations: { '0070-reports': reports },
  routes: reportRoutes,
  demo: (db, area) => seedDemoReports(db, area),
} satisfies FeatureManifest;

// What other features use of this one.
export { type QueryInput, type ReportQuery, registerReportQuery } from './queries.ts';
export { dailyReportStatus, reportView } from './store.ts';

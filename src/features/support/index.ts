import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoSupport } from './demo-support.ts';
import { support } from './migrations/0040-support.ts';
import { supportPermissions } from './permissions.ts';
import { supportRoutes } from './routes.ts';
import './tables.ts';

/**
 * Social support under Resolution 68/NQ-CP (issue 17): the policies as dated rule sets, claims built from the
 * cases feature's F0 and F1 records or entered from applications, review at the commune, approval at the
 * district, one payment per person per policy, payment lists, and the eligible people with no claim.
 */
export const supportFeature = {
  name: 'support',
  permissions: supportPermissions,
  migrations: { '0040-support': support },
  routes: supportRoutes,
  demo: (db, area) => seedDemoSupport(db, area),
} satisfies FeatureManifest;

// What other features use of this one (the weekly report: support approved and paid in the week).
export { supportFigures } from './claims-store.ts';

import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { adminUnitPermissions } from './permissions.ts';
import { adminUnitRoutes } from './routes.ts';

/** Provinces → districts → communes → villages: the jurisdiction every other feature is scoped by. */
export const adminUnitsFeature = {
  name: 'admin-units',
  permissions: adminUnitPermissions,
  routes: adminUnitRoutes,
} satisfies FeatureManifest;

import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { organizationRoutes } from './routes.ts';

/** The phòng, ban, ngành of each unit (their rights are the area's: units.read / units.write). */
export const organizationsFeature = {
  name: 'organizations',
  routes: organizationRoutes,
} satisfies FeatureManifest;

// What other features and the shell use of this one.
export { ORGANIZATION_KINDS } from './rules.ts';
export { organizationOfKind, seedDefaultOrganizations } from './store.ts';

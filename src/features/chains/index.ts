import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoChains } from './demo-chains.ts';
import { clustersZones } from './migrations/0080-clusters-zones.ts';
import { chainPermissions } from './permissions.ts';
import { chainRoutes } from './routes.ts';

/**
 * Transmission chains, clusters and containment zones (issue 15): who infected whom across a unit's cases
 * (drawn for 5,000 cases on a phone), clusters (ổ dịch) with their cases, and containment zones as narrow as
 * a household with their start, planned end, lifting criteria and the people inside.
 */
export const chainsFeature = {
  name: 'chains',
  permissions: chainPermissions,
  migrations: { '0080-clusters-zones': clustersZones },
  demo: (db, area) => seedDemoChains(db, area),
  routes: chainRoutes,
} satisfies FeatureManifest;

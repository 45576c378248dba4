import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { adminUnitPermissions } from './permissions.ts';
import { adminUnitRoutes } from './routes.ts';

/** Provinces → districts → communes → villages: the jurisdiction every other feature is scoped by. */
export const adminUnitsFeature = {
  name: 'admin-units',
  permissions: adminUnitPermissions,
  routes: adminUnitRoutes,
} satisfies FeatureManifest;

// What other features and the shell use of this one.
export { hashCode, splitPopulation } from './population.ts';
export { loadReferenceUnits } from './reference.ts';
export { COUNTRY_CODE, isWithin, placeColumn, type VillageKind } from './rules.ts';
export {
  forgetAreaDetails,
  insertVillage,
  loadUnits,
  recordInScope,
  unitCodesWithin,
  unitInScope,
  villageNames,
  writeAreaRecord,
} from './store.ts';
export { forgetUnitTree, type UnitTree, unitTree } from './tree.ts';

import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoCapacity } from './demo-capacity.ts';
import { capacity } from './migrations/0032-capacity.ts';
import { responsePlans } from './migrations/0033-response-plans.ts';
import { capacityPermissions } from './permissions.ts';
import { capacityRoutes } from './routes.ts';

/**
 * Treatment capacity (issue 15) and what follows a level (issue 16): facilities, mobile medical stations and
 * commune stations' oxygen by day; criterion 3 of the risk levels; measures per level; response plans and the
 * checklists an announced level opens as tasks. The risk levels use it through this index; it never imports them.
 */
export const capacityFeature = {
  name: 'capacity',
  permissions: capacityPermissions,
  migrations: { '0032-capacity': capacity, '0033-response-plans': responsePlans },
  routes: capacityRoutes,
  demo: (db, area) => seedDemoCapacity(db, area),
} satisfies FeatureManifest;

// What other features use of this one (the risk levels: criterion 3, and the checklist of an announced level;
// the situation room: beds in use; the weekly report: measures in force).
export { bedsInUse, treatmentCapacity } from './capacity-store.ts';
export { type LevelAnnouncement, openLevelChecklist } from './plans-store.ts';
export type { CheckResult, Criterion3Result } from './rules/criterion3.ts';
export { measuresFor } from './rules/measures.ts';

import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoMovement } from './demo-movement.ts';
import { movement } from './migrations/0050-movement.ts';
import { decisionRecords } from './migrations/0094-decision-records.ts';
import { movementPermissions } from './permissions.ts';
import { movementRoutes } from './routes.ts';
import './tables.ts';

/**
 * Movement control (issue 17): arrivals and their medical declarations (a public form too), what the rule set
 * in force asks of each, the Tết forecast; checkpoints and their shifts; gatherings (festivals, events) with
 * the conditions at the commune's level and their approval.
 */
export const movementFeature = {
  name: 'movement',
  permissions: movementPermissions,
  migrations: { '0050-movement': movement, '0094-decision-records': decisionRecords },
  routes: movementRoutes,
  demo: (db, area) => seedDemoMovement(db, area),
} satisfies FeatureManifest;

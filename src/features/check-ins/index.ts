import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { onCaseConfirmed } from '../cases/index.ts';
import { seedDemoCheckIns } from './demo-check-ins.ts';
import { checkIns } from './migrations/0055-check-ins.ts';
import { checkInPermissions } from './permissions.ts';
import { checkInRoutes } from './routes.ts';
import { recordExposures } from './store.ts';

// A case confirmed: the people checked in where its person was while infectious are listed for follow-up.
onCaseConfirmed(async (db, scope, c) => {
  await recordExposures(db, scope, c);
});

/**
 * QR check-in and exposure (issue 17): venues with a printable QR, check-ins without an account, and the
 * people a confirmed case's venue visits exposed, listed and made F1 contacts in one action.
 */
export const checkInsFeature = {
  name: 'check-ins',
  permissions: checkInPermissions,
  migrations: { '0055-check-ins': checkIns },
  demo: (db, area) => seedDemoCheckIns(db, area),
  routes: checkInRoutes,
} satisfies FeatureManifest;

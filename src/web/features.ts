import { adminUnitsWeb } from '../features/admin-units/web/index.ts';
import { auditWeb } from '../features/audit/web/index.ts';
import { authWeb } from '../features/auth/web/index.ts';
import { capacityWeb } from '../features/capacity/web/index.ts';
import { caseOrdersWeb, casesWeb } from '../features/cases/web/index.ts';
import { chainsWeb } from '../features/chains/web/index.ts';
import { checkInsWeb } from '../features/check-ins/web/index.ts';
import { communityTeamsWeb } from '../features/community-teams/web/index.ts';
import { directivesWeb } from '../features/directives/web/index.ts';
import { inspectionsWeb } from '../features/inspections/web/index.ts';
import { movementWeb } from '../features/movement/web/index.ts';
import { personsWeb } from '../features/persons/web/index.ts';
import { reportsWeb } from '../features/reports/web/index.ts';
import { riskLevelsWeb } from '../features/risk-levels/web/index.ts';
import { situationRoomWeb } from '../features/situation-room/web/index.ts';
import { supportWeb } from '../features/support/web/index.ts';
import { vaccinationWeb } from '../features/vaccination/web/index.ts';
import type { WebFeatureManifest } from './feature-manifest.ts';

/**
 * Every feature's web manifest: the one list the app's texts (src/web/i18n.ts) are built from. A new feature adds
 * its manifest here.
 */
export const webFeatures = [
  authWeb,
  adminUnitsWeb,
  personsWeb,
  riskLevelsWeb,
  situationRoomWeb,
  directivesWeb,
  vaccinationWeb,
  casesWeb,
  chainsWeb,
  caseOrdersWeb,
  inspectionsWeb,
  communityTeamsWeb,
  checkInsWeb,
  supportWeb,
  capacityWeb,
  movementWeb,
  reportsWeb,
  auditWeb,
] as const satisfies readonly WebFeatureManifest[];

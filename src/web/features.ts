import { adminUnitsWeb } from '../features/admin-units/web/index.ts';
import { auditWeb } from '../features/audit/web/index.ts';
import { authWeb } from '../features/auth/web/index.ts';
import { casesWeb } from '../features/cases/web/index.ts';
import { directivesWeb } from '../features/directives/web/index.ts';
import { personsWeb } from '../features/persons/web/index.ts';
import { reportsWeb } from '../features/reports/web/index.ts';
import { riskLevelsWeb } from '../features/risk-levels/web/index.ts';
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
  directivesWeb,
  vaccinationWeb,
  casesWeb,
  reportsWeb,
  auditWeb,
] as const satisfies readonly WebFeatureManifest[];

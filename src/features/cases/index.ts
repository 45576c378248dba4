import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { casesRulesRoutes } from './rules-routes.ts';

/**
 * The three pillars (issue 15): testing, cases (F0) and their home treatment, contacts (F1) and quarantine.
 * Its regulation so far: warning signs, release and quarantine rule sets, served as calculators.
 */
export const casesFeature = {
  name: 'cases',
  routes: casesRulesRoutes,
} satisfies FeatureManifest;

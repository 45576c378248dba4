import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { checkRoutes } from './checks-routes.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoOrders } from './demo-orders.ts';
import { seedDemoTesting } from './demo-testing.ts';
import { casesCli } from './import/import-cases-command.ts';
import { caseImportRoutes } from './import-routes.ts';
import { cases } from './migrations/0020-cases.ts';
import { homeChecks } from './migrations/0021-home-checks.ts';
import { caseImports } from './migrations/0022-case-imports.ts';
import { caseLevels } from './migrations/0023-case-levels.ts';
import { testing } from './migrations/0085-testing.ts';
import { summarySpeed } from './migrations/0086-summary-speed.ts';
import { quarantineOrders } from './migrations/0091-quarantine-orders.ts';
import { severeCaseCounts } from './migrations/0095-severe-case-counts.ts';
import { quarantineOrderRoutes } from './orders-routes.ts';
import { casePermissions } from './permissions.ts';
import { caseRoutes } from './routes.ts';
import { casesRulesRoutes } from './rules-routes.ts';
import { testingRoutes } from './testing-routes.ts';

/**
 * The three pillars (issue 15): tests, cases (F0) and their places of care, close contacts (F1) and their
 * quarantine, each commune's numbers by day; the regulation (warning signs, release, quarantine) as calculators.
 */
export const casesFeature = {
  name: 'cases',
  permissions: casePermissions,
  migrations: {
    '0020-cases': cases,
    '0021-home-checks': homeChecks,
    '0022-case-imports': caseImports,
    '0023-case-levels': caseLevels,
    '0085-testing': testing,
    '0086-summary-speed': summarySpeed,
    '0091-quarantine-orders': quarantineOrders,
    '0095-severe-case-counts': severeCaseCounts,
  },
  cli: casesCli,
  demo: async (db, area) => {
    await seedDemoCases(db, area);
    await seedDemoOrders(db, area);
    await seedDemoTesting(db, area);
  },
  routes(app) {
    casesRulesRoutes(app);
    caseRoutes(app);
    checkRoutes(app);
    quarantineOrderRoutes(app);
    caseImportRoutes(app);
    testingRoutes(app);
  },
} satisfies FeatureManifest;

export { type CaseConfirmedHandler, type ConfirmedCase, onCaseConfirmed } from './case-events.ts';
export { caseInScope, treatingCaseOf } from './cases-store.ts';
export {
  type ChainCaseRow,
  chainCases,
  chainCasesByIds,
  lastSampleOfPersons,
  setCaseSources,
} from './chain-rows.ts';
export { addContact } from './contacts-store.ts';
// What other features use of this one.
/** The day's numbers of a unit and of every unit below it (the situation room reads them). */
export { communeWeekCounts, daySummary, facilityPatientsByDistrict } from './counts-store.ts';
export { type SupportEpisode, supportEpisodes } from './support-episodes.ts';
export { type VillageWorkload, villageWorkload } from './workload-store.ts';

import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedDemoCommunityTeams } from './demo-community-teams.ts';
import { communityTeams } from './migrations/0061-community-teams.ts';
import { communityTeamPermissions } from './permissions.ts';
import { communityTeamRoutes } from './routes.ts';

/**
 * Community forces (issue 17): community COVID teams and inter-household groups per village with their workload
 * from the pillars, and communes' requests for support to the district with the answer and the day needed.
 */
export const communityTeamsFeature = {
  name: 'community-teams',
  permissions: communityTeamPermissions,
  migrations: { '0061-community-teams': communityTeams },
  demo: (db, area) => seedDemoCommunityTeams(db, area),
  routes: communityTeamRoutes,
} satisfies FeatureManifest;

// What other features use of this one (capacity: criterion 3's home-care teams).
export { homeCareTeamsByCommune } from './store.ts';

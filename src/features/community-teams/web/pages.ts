import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

export const communityTeamPages: FeaturePage[] = [
  {
    path: '/community-teams',
    component: lazyPage(() => import('./CommunityTeamsPage.tsx'), 'CommunityTeamsPage'),
  },
];

export const communityTeamNav: NavEntry[] = [
  {
    key: 'communityTeams',
    group: 'main',
    order: 110,
    to: () => '/community-teams',
    prefix: '/community-teams',
  },
];

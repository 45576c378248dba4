import { type FeaturePage, type HomeCard, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journeys 3 and 6: coverage, targets, sessions, worklists, dose import; ECharts shared with the compliance
// chart (src/web/charts).
export const vaccinationPages: FeaturePage[] = [
  { path: '/vaccination', component: lazyPage(() => import('./CoveragePage.tsx'), 'CoveragePage') },
  { path: '/vaccination/targets', component: lazyPage(() => import('./TargetsPage.tsx'), 'TargetsPage') },
  { path: '/vaccination/sessions', component: lazyPage(() => import('./SessionsPage.tsx'), 'SessionsPage') },
  { path: '/vaccination/worklist', component: lazyPage(() => import('./WorklistPage.tsx'), 'WorklistPage') },
  {
    path: '/vaccination/import',
    component: lazyPage(() => import('./DoseImportPage.tsx'), 'DoseImportPage'),
  },
];

export const vaccinationHome: HomeCard[] = [
  { key: 'worklist', order: 20, component: lazyPage(() => import('./WorklistCard.tsx'), 'WorklistCard') },
];

export const vaccinationNav: NavEntry[] = [
  { key: 'vaccination', group: 'main', order: 50, to: () => '/vaccination', prefix: '/vaccination' },
];

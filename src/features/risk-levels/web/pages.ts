import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journey 5: the weekly level, why, the announcement; replay under another rule set.
export const riskLevelPages: FeaturePage[] = [
  { path: '/risk-levels', component: lazyPage(() => import('./RiskLevelsPage.tsx'), 'RiskLevelsPage') },
  { path: '/risk-levels/replay', component: lazyPage(() => import('./ReplayPage.tsx'), 'ReplayPage') },
];

export const riskLevelNav: NavEntry[] = [
  { key: 'riskLevels', group: 'main', order: 40, to: () => '/risk-levels', prefix: '/risk-levels' },
];

import { type FeaturePage, type HomeCard, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journey 5: the weekly level, why, the announcement; replay under another rule set.
export const riskLevelPages: FeaturePage[] = [
  { path: '/risk-levels', component: lazyPage(() => import('./RiskLevelsPage.tsx'), 'RiskLevelsPage') },
  { path: '/risk-levels/replay', component: lazyPage(() => import('./ReplayPage.tsx'), 'ReplayPage') },
  { path: '/risk-levels/map', component: lazyPage(() => import('./MapPage.tsx'), 'MapPage') },
  {
    path: '/risk-levels/rule-sets',
    component: lazyPage(() => import('./RuleSetsPage.tsx'), 'RuleSetsPage'),
  },
];

/** A commune's level on its home page, one tap from why (journey 5 on the phone). */
export const riskLevelHome: HomeCard[] = [
  { key: 'riskLevel', order: 10, component: lazyPage(() => import('./LevelCard.tsx'), 'LevelCard') },
];

export const riskLevelNav: NavEntry[] = [
  { key: 'riskLevels', group: 'main', order: 40, to: () => '/risk-levels', prefix: '/risk-levels' },
];

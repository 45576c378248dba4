import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

export const capacityPages: FeaturePage[] = [
  { path: '/capacity', component: lazyPage(() => import('./CapacityPage.tsx'), 'CapacityPage') },
  { path: '/response-plans', component: lazyPage(() => import('./PlanPage.tsx'), 'PlanPage') },
];

export const capacityNav: NavEntry[] = [
  {
    key: 'capacity',
    label: 'capacity.title',
    group: 'main',
    order: 45,
    to: () => '/capacity',
    prefix: '/capacity',
  },
  {
    key: 'plans',
    label: 'capacity.planTitle',
    group: 'main',
    order: 46,
    to: () => '/response-plans',
    prefix: '/response-plans',
  },
];

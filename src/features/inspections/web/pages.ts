import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

export const inspectionPages: FeaturePage[] = [
  {
    path: '/inspections',
    component: lazyPage(() => import('./EstablishmentsPage.tsx'), 'EstablishmentsPage'),
  },
  {
    path: '/inspections/:id',
    component: lazyPage(() => import('./EstablishmentPage.tsx'), 'EstablishmentPage'),
  },
];

export const inspectionNav: NavEntry[] = [
  { key: 'inspections', group: 'main', order: 90, to: () => '/inspections', prefix: '/inspections' },
];

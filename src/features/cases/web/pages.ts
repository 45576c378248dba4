import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journey 4: the station's page, and the patient's own form behind a personal link (no account).
export const casePages: FeaturePage[] = [
  { path: '/cases', component: lazyPage(() => import('./CasesPage.tsx'), 'CasesPage') },
  { path: '/xet-nghiem', component: lazyPage(() => import('./TestingPage.tsx'), 'TestingPage') },
  {
    path: '/cases/:id/giay-xac-nhan',
    component: lazyPage(() => import('./CertificatePage.tsx'), 'CertificatePage'),
  },
  {
    path: '/theo-doi/:token',
    component: lazyPage(() => import('./CheckPage.tsx'), 'CheckPage'),
    public: true,
  },
];

export const caseNav: NavEntry[] = [
  { key: 'cases', group: 'main', order: 70, to: () => '/cases', prefix: '/cases' },
  {
    key: 'testing',
    label: 'testing.nav',
    group: 'main',
    order: 71,
    to: () => '/xet-nghiem',
    prefix: '/xet-nghiem',
  },
];

import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Issue 17: Resolution 68 support, the commune's review and the district's approval and payment list.
export const supportPages: FeaturePage[] = [
  { path: '/support', component: lazyPage(() => import('./SupportPage.tsx'), 'SupportPage') },
  {
    path: '/support/apply',
    component: lazyPage(() => import('./ApplicationPage.tsx'), 'ApplicationPage'),
  },
];

export const supportNav: NavEntry[] = [
  { key: 'socialSupport', group: 'main', order: 100, to: () => '/support', prefix: '/support' },
];

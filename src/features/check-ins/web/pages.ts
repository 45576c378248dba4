import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journey 8: the market's QR poster, the stall owner's check-in (no account), the contacts a case's visit exposed.
export const checkInPages: FeaturePage[] = [
  { path: '/check-ins', component: lazyPage(() => import('./VenuesPage.tsx'), 'VenuesPage') },
  { path: '/check-ins/exposures', component: lazyPage(() => import('./ExposuresPage.tsx'), 'ExposuresPage') },
  {
    path: '/check-in/:token',
    component: lazyPage(() => import('./CheckInPage.tsx'), 'CheckInPage'),
    public: true,
  },
];

export const checkInNav: NavEntry[] = [
  {
    key: 'checkIns',
    label: 'checkIns.nav',
    group: 'main',
    order: 75,
    to: () => '/check-ins',
    prefix: '/check-in',
  },
];

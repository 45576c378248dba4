import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Issue 17: the commune's arrivals, checkpoint shifts, gatherings; the public declaration form (no account).
export const movementPages: FeaturePage[] = [
  { path: '/movement', component: lazyPage(() => import('./ArrivalsPage.tsx'), 'ArrivalsPage') },
  {
    path: '/movement/checkpoints',
    component: lazyPage(() => import('./CheckpointsPage.tsx'), 'CheckpointsPage'),
  },
  {
    path: '/movement/checkpoints/:id/decision/:kind',
    component: lazyPage(() => import('./DecisionPage.tsx'), 'DecisionPage'),
  },
  {
    path: '/movement/gatherings',
    component: lazyPage(() => import('./GatheringsPage.tsx'), 'GatheringsPage'),
  },
  { path: '/khai-bao', component: lazyPage(() => import('./DeclarePage.tsx'), 'DeclarePage'), public: true },
];

export const movementNav: NavEntry[] = [
  { key: 'movement', group: 'main', order: 80, to: () => '/movement', prefix: '/movement' },
];

import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// The resident registry: its own chunks, loaded when a user opens it.
export const personPages: FeaturePage[] = [
  { path: '/persons', component: lazyPage(() => import('./PersonListPage.tsx'), 'PersonListPage') },
  { path: '/persons/import', component: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage') },
  { path: '/persons/imports', component: lazyPage(() => import('./ImportsPage.tsx'), 'ImportsPage') },
  {
    path: '/persons/duplicates',
    component: lazyPage(() => import('./DuplicatesPage.tsx'), 'DuplicatesPage'),
  },
  { path: '/persons/print', component: lazyPage(() => import('./PrintPage.tsx'), 'PrintPage') },
  { path: '/persons/:id', component: lazyPage(() => import('./PersonPage.tsx'), 'PersonPage') },
];

export const personNav: NavEntry[] = [
  { key: 'persons', group: 'main', order: 20, to: () => '/persons', prefix: '/persons' },
];

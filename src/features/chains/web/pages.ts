import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Each page in its own chunk: the graph's code loads only on /chains.
export const chainPages: FeaturePage[] = [
  { path: '/chains', component: lazyPage(() => import('./ChainsPage.tsx'), 'ChainsPage') },
  { path: '/clusters', component: lazyPage(() => import('./ClustersPage.tsx'), 'ClustersPage') },
  { path: '/clusters/:id', component: lazyPage(() => import('./ClustersPage.tsx'), 'ClusterPage') },
  { path: '/containment-zones', component: lazyPage(() => import('./ZonesPage.tsx'), 'ZonesPage') },
  { path: '/containment-zones/:id', component: lazyPage(() => import('./ZonesPage.tsx'), 'ZonePage') },
];

export const chainNav: NavEntry[] = [
  { key: 'chains', label: 'chains.nav', group: 'main', order: 75, to: () => '/chains', prefix: '/chains' },
];

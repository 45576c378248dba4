import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

export const examplePages: FeaturePage[] = [
  { path: '/example', component: lazyPage(() => import('./ExamplePage.tsx'), 'ExamplePage') },
];

export const exampleNav: NavEntry[] = [
  {
    key: 'example',
    label: 'example.nav',
    group: 'main',
    order: 130,
    to: () => '/example',
    prefix: '/example',
  },
];

import { type FeaturePage, type HomeCard, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journeys 1 and 2: one chunk per page; ECharts loads only with the compliance chart.
export const directivePages: FeaturePage[] = [
  { path: '/directives', component: lazyPage(() => import('./InboxPage.tsx'), 'InboxPage') },
  { path: '/directives/new', component: lazyPage(() => import('./NewDocumentPage.tsx'), 'NewDocumentPage') },
  {
    path: '/directives/documents/:id',
    component: lazyPage(() => import('./DocumentPage.tsx'), 'DocumentPage'),
  },
  { path: '/directives/tasks/:id', component: lazyPage(() => import('./TaskPage.tsx'), 'TaskPage') },
  {
    path: '/directives/compliance',
    component: lazyPage(() => import('./CompliancePage.tsx'), 'CompliancePage'),
  },
  { path: '/directives/steering', component: lazyPage(() => import('./SteeringPage.tsx'), 'SteeringPage') },
];

export const directiveHome: HomeCard[] = [
  { key: 'new-tasks', order: 10, component: lazyPage(() => import('./NewTasksCard.tsx'), 'NewTasksCard') },
];

export const directiveNav: NavEntry[] = [
  { key: 'directives', group: 'main', order: 30, to: () => '/directives', prefix: '/directives' },
];

import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journey 9: a commune signs off and submits its daily report.
export const reportPages: FeaturePage[] = [
  { path: '/reports/daily', component: lazyPage(() => import('./DailyReportPage.tsx'), 'DailyReportPage') },
];

export const reportNav: NavEntry[] = [
  { key: 'reports', group: 'main', order: 90, to: () => '/reports/daily', prefix: '/reports' },
];

import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

const report = (name: 'DailyReportPage' | 'WeeklyReportPage' | 'DirectiveReportPage') =>
  lazyPage(() => import('./ReportPage.tsx'), name);

// Journey 9: a commune signs off and submits its daily report; the weekly one, one answering a directive, and
// the archive of every submitted version.
export const reportPages: FeaturePage[] = [
  { path: '/reports/daily', component: report('DailyReportPage') },
  { path: '/reports/weekly', component: report('WeeklyReportPage') },
  { path: '/reports/directive', component: report('DirectiveReportPage') },
  { path: '/reports/archive', component: lazyPage(() => import('./ArchivePage.tsx'), 'ArchivePage') },
];

export const reportNav: NavEntry[] = [
  { key: 'reports', group: 'main', order: 90, to: () => '/reports/daily', prefix: '/reports' },
];

import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

export const auditPages: FeaturePage[] = [
  { path: '/admin/audit', component: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage'), admin: true },
];

export const auditNav: NavEntry[] = [{ key: 'audit', group: 'admin', order: 20, to: () => '/admin/audit' }];

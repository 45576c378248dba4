import type { WebFeatureManifest } from '../../../../web/feature-manifest.ts';
import { type FeaturePage, lazyPage, type NavEntry } from '../../../../web/feature-pages.ts';
import { caseOrdersEn } from './messages.en.ts';
import { type CaseOrdersMessages, caseOrdersVi } from './messages.vi.ts';

// F1 quarantine decisions with their delivery records, and the F0 list upload (issue 15), beside /cases.
const pages: FeaturePage[] = [
  {
    path: '/cases/quyet-dinh-cach-ly',
    component: lazyPage(() => import('./OrdersPage.tsx'), 'OrdersPage'),
  },
  {
    path: '/cases/quyet-dinh-cach-ly/:id',
    component: lazyPage(() => import('./OrderPage.tsx'), 'OrderPage'),
  },
  {
    path: '/cases/nhap-danh-sach',
    component: lazyPage(() => import('./CaseImportPage.tsx'), 'CaseImportPage'),
  },
];

const nav: NavEntry[] = [
  {
    key: 'caseOrders',
    label: 'caseOrders.nav.orders',
    group: 'main',
    order: 71,
    to: () => '/cases/quyet-dinh-cach-ly',
    prefix: '/cases/quyet-dinh-cach-ly',
  },
  {
    key: 'caseImport',
    label: 'caseOrders.nav.import',
    group: 'main',
    order: 72,
    to: () => '/cases/nhap-danh-sach',
  },
];

/** The quarantine decisions' and the F0 upload's part of the web app (listed in src/web/features.ts). */
export const caseOrdersWeb = {
  name: 'case-orders',
  // Its permissions are the cases bundle's, declared there once (a right declared twice stops the app).
  permissions: {},
  pages,
  nav,
  messages: { vi: caseOrdersVi, en: caseOrdersEn },
} satisfies WebFeatureManifest<CaseOrdersMessages>;

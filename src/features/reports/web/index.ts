import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { reportPermissions } from '../permissions.ts';
import { reportsEn } from './messages.en.ts';
import { type ReportsMessages, reportsVi } from './messages.vi.ts';
import { reportNav, reportPages } from './pages.ts';

/** The reports' part of the web app (listed in src/web/features.ts). */
export const reportsWeb = {
  name: 'reports',
  permissions: reportPermissions,
  pages: reportPages,
  nav: reportNav,
  messages: { vi: reportsVi, en: reportsEn },
} satisfies WebFeatureManifest<ReportsMessages>;

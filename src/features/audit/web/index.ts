import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { auditPermissions } from '../permissions.ts';
import { auditEn } from './messages.en.ts';
import { type AuditMessages, auditVi } from './messages.vi.ts';
import { auditNav, auditPages } from './pages.ts';

/** The audit feature's part of the web app (listed in src/web/features.ts). */
export const auditWeb = {
  name: 'audit',
  permissions: auditPermissions,
  pages: auditPages,
  nav: auditNav,
  messages: { vi: auditVi, en: auditEn },
} satisfies WebFeatureManifest<AuditMessages>;

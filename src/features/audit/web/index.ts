import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { auditEn } from './messages.en.ts';
import { type AuditMessages, auditVi } from './messages.vi.ts';

/** The audit feature's part of the web app (listed in src/web/features.ts). */
export const auditWeb = {
  name: 'audit',
  messages: { vi: auditVi, en: auditEn },
} satisfies WebFeatureManifest<AuditMessages>;

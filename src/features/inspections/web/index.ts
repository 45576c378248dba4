import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { inspectionPermissions } from '../permissions.ts';
import { inspectionsEn } from './messages.en.ts';
import { type InspectionsMessages, inspectionsVi } from './messages.vi.ts';
import { inspectionNav, inspectionPages } from './pages.ts';

/** The inspections feature's part of the web app (listed in src/web/features.ts). */
export const inspectionsWeb = {
  name: 'inspections',
  permissions: inspectionPermissions,
  pages: inspectionPages,
  nav: inspectionNav,
  messages: { vi: inspectionsVi, en: inspectionsEn },
} satisfies WebFeatureManifest<InspectionsMessages>;

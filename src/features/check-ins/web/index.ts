import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { checkInPermissions } from '../permissions.ts';
import { checkInsEn } from './messages.en.ts';
import { type CheckInsMessages, checkInsVi } from './messages.vi.ts';
import { checkInNav, checkInPages } from './pages.ts';

/** The check-ins feature's part of the web app (listed in src/web/features.ts). */
export const checkInsWeb = {
  name: 'check-ins',
  permissions: checkInPermissions,
  pages: checkInPages,
  nav: checkInNav,
  messages: { vi: checkInsVi, en: checkInsEn },
} satisfies WebFeatureManifest<CheckInsMessages>;

import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { supportPermissions } from '../permissions.ts';
import { supportEn } from './messages.en.ts';
import { type SupportMessages, supportVi } from './messages.vi.ts';
import { supportNav, supportPages } from './pages.ts';

/** Resolution 68 support's part of the web app (listed in src/web/features.ts). */
export const supportWeb = {
  name: 'support',
  permissions: supportPermissions,
  pages: supportPages,
  nav: supportNav,
  messages: { vi: supportVi, en: supportEn },
} satisfies WebFeatureManifest<SupportMessages>;

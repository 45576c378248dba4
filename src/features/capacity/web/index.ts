import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { capacityPermissions } from '../permissions.ts';
import { capacityEn } from './messages.en.ts';
import { type CapacityMessages, capacityVi } from './messages.vi.ts';
import { capacityNav, capacityPages } from './pages.ts';

/** Capacity and response plans in the web app (listed in src/web/features.ts). */
export const capacityWeb = {
  name: 'capacity',
  permissions: capacityPermissions,
  pages: capacityPages,
  nav: capacityNav,
  messages: { vi: capacityVi, en: capacityEn },
} satisfies WebFeatureManifest<CapacityMessages>;

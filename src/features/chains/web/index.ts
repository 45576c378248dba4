import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { chainPermissions } from '../permissions.ts';
import { chainsEn } from './messages.en.ts';
import { type ChainsMessages, chainsVi } from './messages.vi.ts';
import { chainNav, chainPages } from './pages.ts';

/** Transmission chains, clusters and containment zones in the web app (listed in src/web/features.ts). */
export const chainsWeb = {
  name: 'chains',
  permissions: chainPermissions,
  pages: chainPages,
  nav: chainNav,
  messages: { vi: chainsVi, en: chainsEn },
} satisfies WebFeatureManifest<ChainsMessages>;

import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { directivePermissions } from '../permissions.ts';
import { directivesEn } from './messages.en.ts';
import { type DirectivesMessages, directivesVi } from './messages.vi.ts';
import { directiveHome, directiveNav, directivePages } from './pages.ts';

/** The directives feature's part of the web app (listed in src/web/features.ts). */
export const directivesWeb = {
  name: 'directives',
  permissions: directivePermissions,
  pages: directivePages,
  nav: directiveNav,
  home: directiveHome,
  messages: { vi: directivesVi, en: directivesEn },
} satisfies WebFeatureManifest<DirectivesMessages>;

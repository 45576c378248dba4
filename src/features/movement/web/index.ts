import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { movementPermissions } from '../permissions.ts';
import { movementEn } from './messages.en.ts';
import { type MovementMessages, movementVi } from './messages.vi.ts';
import { movementNav, movementPages } from './pages.ts';

/** Movement control's part of the web app (listed in src/web/features.ts). */
export const movementWeb = {
  name: 'movement',
  permissions: movementPermissions,
  pages: movementPages,
  nav: movementNav,
  messages: { vi: movementVi, en: movementEn },
} satisfies WebFeatureManifest<MovementMessages>;

import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { authPermissions } from '../permissions.ts';
import { authEn } from './messages.en.ts';
import { type AuthMessages, authVi } from './messages.vi.ts';
import { authNav, authPages } from './pages.ts';

/** The auth feature's part of the web app (listed in src/web/features.ts). */
export const authWeb = {
  name: 'auth',
  permissions: authPermissions,
  pages: authPages,
  nav: authNav,
  messages: { vi: authVi, en: authEn },
} satisfies WebFeatureManifest<AuthMessages>;

// What other features and the shell use of this one.
export type { Role } from '../rules.ts';
export type { currentUser, userResponse } from '../schemas.ts';

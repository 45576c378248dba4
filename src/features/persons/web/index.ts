import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { personPermissions } from '../permissions.ts';
import { personsEn } from './messages.en.ts';
import { type PersonsMessages, personsVi } from './messages.vi.ts';
import { personNav, personPages } from './pages.ts';

/** The persons feature's part of the web app (listed in src/web/features.ts). */
export const personsWeb = {
  name: 'persons',
  permissions: personPermissions,
  pages: personPages,
  nav: personNav,
  messages: { vi: personsVi, en: personsEn },
} satisfies WebFeatureManifest<PersonsMessages>;

// What other features and the shell use of this one.
export type { uploadResponse } from '../schemas.ts';
export { type PersonListItem, usePersons } from './persons-api.ts';

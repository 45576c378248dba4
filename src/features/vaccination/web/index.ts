import { lazy } from 'react';
import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { vaccinationPermissions } from '../permissions.ts';
import { vaccinationEn } from './messages.en.ts';
import { type VaccinationMessages, vaccinationVi } from './messages.vi.ts';
import { vaccinationHome, vaccinationNav, vaccinationPages } from './pages.ts';

/** The vaccination feature's part of the web app (listed in src/web/features.ts). */
export const vaccinationWeb = {
  name: 'vaccination',
  permissions: vaccinationPermissions,
  pages: vaccinationPages,
  nav: vaccinationNav,
  home: vaccinationHome,
  messages: { vi: vaccinationVi, en: vaccinationEn },
} satisfies WebFeatureManifest<VaccinationMessages>;

// What other features and the shell use of this one.
/** The vaccination section of a person's page: its own chunk, loaded with that page. */
export const PersonVaccination = lazy(() =>
  import('./PersonVaccination.tsx').then((m) => ({ default: m.PersonVaccination })),
);

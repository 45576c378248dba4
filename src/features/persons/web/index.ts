import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { personsEn } from './messages.en.ts';
import { type PersonsMessages, personsVi } from './messages.vi.ts';

/** The persons feature's part of the web app (listed in src/web/features.ts). */
export const personsWeb = {
  name: 'persons',
  messages: { vi: personsVi, en: personsEn },
} satisfies WebFeatureManifest<PersonsMessages>;

import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { casePermissions } from '../permissions.ts';
import { casesEn } from './messages.en.ts';
import { type CasesMessages, casesVi } from './messages.vi.ts';
import { caseNav, casePages } from './pages.ts';
import { type TestingMessages, testingEn, testingVi } from './testing-messages.ts';

/** The cases feature's part of the web app (listed in src/web/features.ts). */
export const casesWeb = {
  name: 'cases',
  permissions: casePermissions,
  pages: casePages,
  nav: caseNav,
  messages: { vi: { ...casesVi, ...testingVi }, en: { ...casesEn, ...testingEn } },
} satisfies WebFeatureManifest<CasesMessages & TestingMessages>;

/** The F1 quarantine decisions' and the F0 upload's pages (their own bundle of texts). */
export { caseOrdersWeb } from './orders/index.ts';
/** The QR drawing (uqr), for other features' pages (check-in posters); import it from a lazy page only. */
export { QrCode } from './QrCode.tsx';

import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { adminUnitPermissions } from '../permissions.ts';
import { adminUnitsEn } from './messages.en.ts';
import { type AdminUnitsMessages, adminUnitsVi } from './messages.vi.ts';
import { adminUnitNav, adminUnitPages } from './pages.ts';

/** The admin-units feature's part of the web app (listed in src/web/features.ts). */
export const adminUnitsWeb = {
  name: 'admin-units',
  permissions: adminUnitPermissions,
  pages: adminUnitPages,
  nav: adminUnitNav,
  messages: { vi: adminUnitsVi, en: adminUnitsEn },
} satisfies WebFeatureManifest<AdminUnitsMessages>;

// What other features and the shell use of this one.
export type { VillageKind } from '../rules.ts';
export { type Organization, type UnitSummary, useUnit } from './units-api.ts';

import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { riskLevelPermissions } from '../permissions.ts';
import { riskLevelsEn } from './messages.en.ts';
import { type RiskLevelsMessages, riskLevelsVi } from './messages.vi.ts';
import { riskLevelHome, riskLevelNav, riskLevelPages } from './pages.ts';

/** The risk levels' part of the web app (listed in src/web/features.ts). */
export const riskLevelsWeb = {
  name: 'risk-levels',
  permissions: riskLevelPermissions,
  pages: riskLevelPages,
  nav: riskLevelNav,
  home: riskLevelHome,
  messages: { vi: riskLevelsVi, en: riskLevelsEn },
} satisfies WebFeatureManifest<RiskLevelsMessages>;

/** The SVG map of levels, for other pages that already hold its data (the situation room). */
export { LEVEL_FILL, LevelMap, type LevelMapData } from './LevelMap.tsx';

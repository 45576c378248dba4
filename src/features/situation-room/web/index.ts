import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { situationRoomPermissions } from '../permissions.ts';
import { situationRoomEn } from './messages.en.ts';
import { type SituationRoomMessages, situationRoomVi } from './messages.vi.ts';
import { situationRoomNav, situationRoomPages } from './pages.ts';

/** The situation room's part of the web app (listed in src/web/features.ts). */
export const situationRoomWeb = {
  name: 'situation-room',
  permissions: situationRoomPermissions,
  pages: situationRoomPages,
  nav: situationRoomNav,
  messages: { vi: situationRoomVi, en: situationRoomEn },
} satisfies WebFeatureManifest<SituationRoomMessages>;

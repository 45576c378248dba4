import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { communityTeamPermissions } from '../permissions.ts';
import { communityTeamsEn } from './messages.en.ts';
import { type CommunityTeamsMessages, communityTeamsVi } from './messages.vi.ts';
import { communityTeamNav, communityTeamPages } from './pages.ts';

/** The community forces' part of the web app (listed in src/web/features.ts). */
export const communityTeamsWeb = {
  name: 'community-teams',
  permissions: communityTeamPermissions,
  pages: communityTeamPages,
  nav: communityTeamNav,
  messages: { vi: communityTeamsVi, en: communityTeamsEn },
} satisfies WebFeatureManifest<CommunityTeamsMessages>;

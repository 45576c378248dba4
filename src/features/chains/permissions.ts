import type { Role } from '../auth/index.ts';

/** Who may read transmission chains, clusters and containment zones, and who may record them, within their jurisdiction. */
export const chainPermissions = {
  'chains.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'chains.write': ['admin', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

import type { Role } from '../auth/index.ts';

/** The area pages: everyone reads their own area; those who keep it edit villages and organizations. */
export const adminUnitPermissions = {
  'units.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'units.write': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

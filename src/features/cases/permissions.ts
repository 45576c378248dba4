import type { Role } from '../auth/index.ts';

/** Who may do what with tests, cases and contacts, within their jurisdiction. */
export const casePermissions = {
  'cases.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'cases.write': ['admin', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

import type { Role } from '../auth/index.ts';

/** Who may do what with community teams and requests for support, within their jurisdiction. */
export const communityTeamPermissions = {
  /** The roster and workload, requests and their answers: everyone, a team member on a phone included. */
  'communityTeams.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Set up the commune's teams and groups. */
  'communityTeams.write': ['admin', 'leader', 'officer'],
  /** Ask the district for support (the commune), answer or refuse it (the district: checked by the store). */
  'supportRequests.write': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

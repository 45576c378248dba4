import type { Role } from '../auth/index.ts';

export const vaccinationPermissions = {
  /** Coverage, trend, targets, worklists, vaccination cards and sessions within one's unit. */
  'vaccination.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Record, correct and import doses; run sessions; export FHIR. */
  'vaccination.write': ['admin', 'officer', 'healthWorker'],
  /** Record what a contact gave (journey 3: the community team does it in the evening). */
  'vaccination.outcomes': ['admin', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Set a unit's vaccination targets. */
  'vaccination.targets': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

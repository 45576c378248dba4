import type { Role } from '../auth/index.ts';

/** Who may do what with arrivals, checkpoints and gatherings, within their jurisdiction. */
export const movementPermissions = {
  /** Arrivals lists (personal data), checkpoints, gatherings, the Tết forecast. */
  'movement.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Declare an arrival for someone, open/record checkpoint shifts, request a gathering. */
  'movement.write': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Decisions: open or close a checkpoint, approve or refuse a gathering. */
  'movement.decide': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

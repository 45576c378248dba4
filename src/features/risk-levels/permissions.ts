import type { Role } from '../auth/index.ts';

/** Who may do what with risk levels, within their jurisdiction. */
export const riskLevelPermissions = {
  /** Levels, why, replay, the map, announcement history: everyone, a commune on its phone included. */
  'riskLevels.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Recompute a week; announce a level for the committee (journey 5: the district health centre, the chairman). */
  'riskLevels.announce': ['admin', 'leader', 'officer'],
  /** A province's own rule-set variant, with the document that sets it. */
  'riskLevels.ruleSets': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

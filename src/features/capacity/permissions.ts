import type { Role } from '../auth/index.ts';

/** Who may do what with treatment capacity and response plans, within their jurisdiction. */
export const capacityPermissions = {
  /** Facilities, mobile stations, oxygen, history; plans, measures and checklists: every account. */
  'capacity.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Enter the day's figures (commune station, district health centre) and set up facilities and stations. */
  'capacity.write': ['admin', 'officer', 'healthWorker'],
  /** Edit a unit's response plan (its scenario per level). */
  'plans.write': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

import type { Role } from '../auth/index.ts';

/** Who may do what with establishments and their inspections, within their jurisdiction. */
export const inspectionPermissions = {
  'inspections.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Register establishments, record their self-assessment (entered for them by the commune), inspect. */
  'inspections.write': ['admin', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

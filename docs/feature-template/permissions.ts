import type { Role } from '../auth/index.ts';

/** Who may do what with examples, within their jurisdiction. */
export const examplePermissions = {
  'example.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'example.write': ['admin', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

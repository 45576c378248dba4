import type { Role } from '../auth/index.ts';

export const personPermissions = {
  'persons.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'persons.write': ['admin', 'leader', 'officer', 'healthWorker'],
  'persons.import': ['admin', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

import type { Role } from '../auth/index.ts';

export const directivePermissions = {
  /** Inbox, document register, cascade, compliance: every role, within its unit. */
  'directives.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Register documents, accept or return reported tasks, keep the steering committee and its visits. */
  'directives.write': ['admin', 'leader', 'officer'],
  /** Acknowledge, work on and report the tasks of one's unit. */
  'directives.report': ['admin', 'leader', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

import type { Role } from '../auth/index.ts';

/**
 * Who may do what with Resolution 68 support, within their jurisdiction. The level decides the step: a
 * commune's office enters and reviews claims, a district's approves and pays (rules/claim-lifecycle.ts).
 */
export const supportPermissions = {
  'support.read': ['admin', 'leader', 'officer'],
  'support.write': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

import type { Role } from '../auth/index.ts';

/** Who may register venues, read their check-ins and turn exposures into contacts, within their jurisdiction. */
export const checkInPermissions = {
  'checkIns.read': ['admin', 'leader', 'officer', 'healthWorker'],
  'checkIns.write': ['admin', 'officer', 'healthWorker'],
} as const satisfies Record<string, readonly Role[]>;

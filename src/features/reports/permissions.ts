import type { Role } from '../auth/index.ts';

/** Who may read, prepare and sign off reports, within their jurisdiction. */
export const reportPermissions = {
  'reports.read': ['admin', 'leader', 'officer', 'healthWorker'],
  'reports.write': ['admin', 'leader', 'officer', 'healthWorker'],
  'reports.sign': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

/** Roles, rights, sessions and login throttling: pure rules, no I/O. */

export const ROLES = ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  officer: { vi: 'Cán bộ, chuyên viên', en: 'Officer' },
  healthWorker: { vi: 'Nhân viên y tế', en: 'Health worker' },
  communityTeamMember: { vi: 'Tổ Covid cộng đồng', en: 'Community team member' },
};

/** What each role may do, within its jurisdiction only. */
export const PERMISSIONS = {
  'units.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'units.write': ['admin', 'leader', 'officer'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'persons.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  'persons.write': ['admin', 'leader', 'officer', 'healthWorker'],
  'persons.import': ['admin', 'officer', 'healthWorker'],
  /** Inbox, document register, cascade, compliance: every role, within its unit. */
  'directives.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Register documents, accept or return reported tasks, keep the steering committee and its visits. */
  'directives.write': ['admin', 'leader', 'officer'],
  /** Acknowledge, work on and report the tasks of one's unit. */
  'directives.report': ['admin', 'leader', 'officer', 'healthWorker'],
  /** Coverage, trend, targets, worklists, vaccination cards and sessions within one's unit. */
  'vaccination.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Record, correct and import doses; run sessions; export FHIR. */
  'vaccination.write': ['admin', 'officer', 'healthWorker'],
  /** Record what a contact gave (journey 3: the community team does it in the evening). */
  'vaccination.outcomes': ['admin', 'officer', 'healthWorker', 'communityTeamMember'],
  /** Set a unit's vaccination targets. */
  'vaccination.targets': ['admin', 'leader', 'officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The caller as every store sees it: who, with which role, over which unit, from where. */
export interface Scope {
  userId: number;
  username: string;
  role: Role;
  unitCode: string;
  ip: string;
}

/** Sessions end 12 h after login or 2 h after the last request, whichever comes first. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;

/** Five wrong passwords in a row lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** One address may fail 20 times in 15 minutes, whatever usernames it tries (password spraying). */
export const IP_FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_IP_FAILURES = 20;

export function sessionExpiry(createdAt: Date, lastSeen: Date): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_ABSOLUTE_MS, lastSeen.getTime() + SESSION_IDLE_MS));
}

/** After a failure: the new count and, on reaching the limit, the lock's end. */
export function afterFailedLogin(
  failedLogins: number,
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  const count = failedLogins + 1;
  return count >= MAX_FAILED_LOGINS
    ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
    : { failedLogins: count, lockedUntil: null };
}

/** Passwords: at least 10 characters with a letter and a digit (NIST 800-63B favours length over rules). */
export function passwordProblem(password: string): { vi: string; en: string } | null {
  if (password.length < 10 || !/\p{L}/u.test(password) || !/\d/.test(password))
    return {
      vi: 'Mật khẩu phải có ít nhất 10 ký tự, gồm cả chữ và số.',
      en: 'The password needs at least 10 characters, with letters and digits.',
    };
  return null;
}

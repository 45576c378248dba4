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

/**
 * The caller as every store sees it: who, with which role, over which unit, from where. Never absent: the
 * CLI and background jobs act through an explicit system scope (no user id, the whole country).
 */
export interface Scope {
  userId: number | null;
  username: string;
  role: Role;
  unitCode: string;
  ip: string | null;
}

/** The scope of the CLI and of system jobs: nationwide, recorded in the audit log under `name`. */
export function systemScope(name: string): Scope {
  return { userId: null, username: name, role: 'admin', unitCode: 'VN', ip: null };
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

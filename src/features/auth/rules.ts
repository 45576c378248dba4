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
  /** The user's name as others see it, when the session knew it (answers name their author without a query). */
  displayName?: string;
}

/** The scope of the CLI and of system jobs: nationwide, recorded in the audit log under `name`. */
export function systemScope(name: string): Scope {
  return { userId: null, username: name, role: 'admin', unitCode: 'VN', ip: null };
}

/** Sessions end 12 h after login or 2 h after the last request, whichever comes first. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;

/**
 * NIST SP 800-63B favours length over composition rules; 12 is OWASP's floor for single-factor logins. The
 * strength check itself is rules/password-strength.ts.
 */
export const MIN_PASSWORD_LENGTH = 12;

export function sessionExpiry(createdAt: Date, lastSeen: Date): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_ABSOLUTE_MS, lastSeen.getTime() + SESSION_IDLE_MS));
}

/**
 * Login throttling: after `free` failures, each further attempt waits `baseMs`, doubling per failure up to
 * `capMs`, counted from the last failure; failures are forgotten after `forgetAfterMs` without one.
 */
export interface ThrottleLevel {
  free: number;
  baseMs: number;
  capMs: number;
  forgetAfterMs: number;
}

/** One account from one address: the guesser's own lane, slowed hard (15 guesses take hours). */
export const PAIR_THROTTLE: ThrottleLevel = {
  free: 5,
  baseMs: 1000,
  capMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
};
/**
 * One account from every address (guessing spread over many addresses): ten times the pair's allowance. Addresses
 * the account logged in from before are exempt, so guessers elsewhere cannot keep its owner out.
 */
export const ACCOUNT_THROTTLE: ThrottleLevel = {
  free: 50,
  baseMs: 1000,
  capMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
};
/**
 * One address, every account (password spraying). A commune office shares one address behind its NAT, so the wait
 * is capped at 30 s and accounts that logged in from the address before are exempt: slowed, never shut out.
 */
export const ADDRESS_THROTTLE: ThrottleLevel = {
  free: 20,
  baseMs: 1000,
  capMs: 30_000,
  forgetAfterMs: 3600_000,
};

/** A throttling key's counter as stored; absent when it never failed. */
export interface ThrottleCounter {
  failures: number;
  lastFailureAt: string | null;
  lastSuccessAt: string | null;
}

/** The wait after `failures` failures in a row. */
export function throttleWait(level: ThrottleLevel, failures: number): number {
  return failures <= level.free ? 0 : Math.min(level.baseMs * 2 ** (failures - level.free - 1), level.capMs);
}

/** The failures still counted now (forgotten after a quiet spell). */
export function liveFailures(level: ThrottleLevel, counter: ThrottleCounter | undefined, now: Date): number {
  if (!counter?.lastFailureAt) return 0;
  return now.getTime() - Date.parse(counter.lastFailureAt) > level.forgetAfterMs ? 0 : counter.failures;
}

/** Whether a key with this counter must still wait now. */
export function waiting(level: ThrottleLevel, counter: ThrottleCounter | undefined, now: Date): boolean {
  const wait = throttleWait(level, liveFailures(level, counter, now));
  return wait > 0 && now.getTime() < Date.parse(counter!.lastFailureAt!) + wait;
}

/**
 * Whether an attempt is refused without looking at the password. The pair's own wait always applies; the
 * account's and the address's only to an address the account never logged in from.
 */
export function loginThrottled(
  counters: { pair?: ThrottleCounter; account?: ThrottleCounter; address?: ThrottleCounter },
  now: Date,
): boolean {
  if (waiting(PAIR_THROTTLE, counters.pair, now)) return true;
  if (counters.pair?.lastSuccessAt) return false;
  return waiting(ACCOUNT_THROTTLE, counters.account, now) || waiting(ADDRESS_THROTTLE, counters.address, now);
}

import { describe, expect, it } from 'vitest';
import { can } from '../../server/features.ts';
import {
  afterFailedLogin,
  LOCKOUT_MS,
  MAX_FAILED_LOGINS,
  passwordProblem,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionExpiry,
} from './rules.ts';

describe('auth rules', () => {
  it('gives management rights to admins only, reading to every role', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('leader', 'users.manage')).toBe(false);
    expect(can('communityTeamMember', 'units.read')).toBe(true);
    expect(can('communityTeamMember', 'units.write')).toBe(false);
    expect(can('officer', 'audit.read')).toBe(false);
  });

  it('locks an account at the fifth consecutive failure, for 15 minutes', () => {
    const now = new Date('2021-12-06T08:00:00Z');
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailedLogin(state.failedLogins, now);
      expect(state).toEqual({ failedLogins: i, lockedUntil: null });
    }
    state = afterFailedLogin(state.failedLogins, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MS);
    expect(LOCKOUT_MS).toBe(15 * 60_000);
  });

  it('ends a session at the idle limit or the absolute limit, whichever is first', () => {
    const created = new Date('2021-12-06T08:00:00Z');
    expect(sessionExpiry(created, created).getTime()).toBe(created.getTime() + SESSION_IDLE_MS);
    const late = new Date(created.getTime() + SESSION_ABSOLUTE_MS - 60_000);
    expect(sessionExpiry(created, late).getTime()).toBe(created.getTime() + SESSION_ABSOLUTE_MS);
  });

  it('refuses short passwords and passwords without letters or digits', () => {
    expect(passwordProblem('short1')).not.toBeNull();
    expect(passwordProblem('onlyletterslong')).not.toBeNull();
    expect(passwordProblem('1234567890')).not.toBeNull();
    expect(passwordProblem('SafeAdapt@2021')).toBeNull();
    expect(passwordProblem('mậtkhẩu2021')).toBeNull();
  });
});

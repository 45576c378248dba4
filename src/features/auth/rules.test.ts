import { describe, expect, it } from 'vitest';
import { can } from '../../server/features.ts';
import {
  ADDRESS_THROTTLE,
  loginThrottled,
  PAIR_THROTTLE,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionExpiry,
  throttleWait,
} from './rules.ts';

describe('auth rules', () => {
  it('gives management rights to admins only, reading to every role', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('leader', 'users.manage')).toBe(false);
    expect(can('communityTeamMember', 'units.read')).toBe(true);
    expect(can('communityTeamMember', 'units.write')).toBe(false);
    expect(can('officer', 'audit.read')).toBe(false);
  });

  it('doubles the wait after the free failures, up to the cap', () => {
    const waits = [5, 6, 7, 8, 9, 20, 60].map((n) => throttleWait(PAIR_THROTTLE, n));
    expect(waits).toEqual([0, 1000, 2000, 4000, 8000, 15 * 60_000, 15 * 60_000]);
    expect(throttleWait(ADDRESS_THROTTLE, 10_000)).toBe(30_000);
  });

  it("holds an address's wait only over accounts that never logged in from it, and forgets it after an hour", () => {
    const now = new Date('2021-12-06T08:00:00Z');
    const justFailed = { failures: 40, lastFailureAt: now.toISOString(), lastSuccessAt: null };
    expect(loginThrottled({ address: justFailed }, now)).toBe(true);
    const known = { failures: 0, lastFailureAt: null, lastSuccessAt: '2021-12-01T08:00:00Z' };
    expect(loginThrottled({ address: justFailed, pair: known }, now)).toBe(false);
    expect(loginThrottled({ address: justFailed }, new Date(now.getTime() + 30_000))).toBe(false);
    const later = new Date(now.getTime() + 3600_000 + 1);
    expect(loginThrottled({ address: { ...justFailed, lastFailureAt: now.toISOString() } }, later)).toBe(
      false,
    );
  });

  it("holds the pair's own wait even from a known address", () => {
    const now = new Date('2021-12-06T08:00:00Z');
    const pair = { failures: 6, lastFailureAt: now.toISOString(), lastSuccessAt: '2021-12-01T08:00:00Z' };
    expect(loginThrottled({ pair }, new Date(now.getTime() + 999))).toBe(true);
    expect(loginThrottled({ pair }, new Date(now.getTime() + 1000))).toBe(false);
  });

  it('ends a session at the idle limit or the absolute limit, whichever is first', () => {
    const created = new Date('2021-12-06T08:00:00Z');
    expect(sessionExpiry(created, created).getTime()).toBe(created.getTime() + SESSION_IDLE_MS);
    const late = new Date(created.getTime() + SESSION_ABSOLUTE_MS - 60_000);
    expect(sessionExpiry(created, late).getTime()).toBe(created.getTime() + SESSION_ABSOLUTE_MS);
  });
});

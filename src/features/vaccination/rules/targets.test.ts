import { describe, expect, it } from 'vitest';
import { goalProgress } from './targets.ts';

describe('goal progress (seed 004: 100 % of 12+ primary, boosters for 18+, within 01/2022)', () => {
  const base = { population: 1000, percent: 100, windowEnd: '2022-01-10', deadline: '2022-01-31' };

  it('projects the remaining people at the pace of the last 14 days', () => {
    expect(goalProgress({ ...base, achieved: 860, recentGains: 140 })).toEqual({
      population: 1000,
      achieved: 860,
      required: 1000,
      remaining: 140,
      coverage: 86,
      pacePerDay: 10,
      projectedDate: '2022-01-24',
      beyondHorizon: false,
      onTrack: true,
    });
    expect(goalProgress({ ...base, achieved: 500, recentGains: 140 })).toMatchObject({
      remaining: 500,
      projectedDate: '2022-03-01',
      onTrack: false,
    });
  });

  it('says "not reached at the current pace" past a year after the deadline, not a date centuries away', () => {
    // 10 % left at 1 person a fortnight: 1,400 days at that pace.
    expect(goalProgress({ ...base, achieved: 900, recentGains: 1 })).toMatchObject({
      remaining: 100,
      projectedDate: null,
      beyondHorizon: true,
      onTrack: false,
    });
    // 31/01/2023 is the horizon's last day: still a date.
    expect(goalProgress({ ...base, achieved: 1000 - 386, recentGains: 14 })).toMatchObject({
      projectedDate: '2023-01-31',
      beyondHorizon: false,
    });
    expect(goalProgress({ ...base, achieved: 1000 - 387, recentGains: 14 })).toMatchObject({
      projectedDate: null,
      beyondHorizon: true,
    });
  });

  it('is met, or never met without a pace', () => {
    expect(goalProgress({ ...base, percent: 90, achieved: 905, recentGains: 0 })).toMatchObject({
      required: 900,
      remaining: 0,
      projectedDate: null,
      onTrack: true,
    });
    expect(goalProgress({ ...base, achieved: 905, recentGains: 0 })).toMatchObject({
      projectedDate: null,
      onTrack: false,
    });
    expect(goalProgress({ ...base, population: 0, achieved: 0, recentGains: 0 })).toMatchObject({
      coverage: 0,
      onTrack: true,
    });
  });
});

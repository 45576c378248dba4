import { describe, expect, it } from 'vitest';
import {
  isoWeekKey,
  POOL_RULES,
  poolMemberProblems,
  poolOutcome,
  positivityRate,
  resultDateProblems,
  roundProblems,
  shareTested,
  weeklyPositivity,
  weekMonday,
} from './testing.ts';

describe('pooled samples (glossary: gộp mẫu; pool size and retest delay provisional)', () => {
  it('holds 2 to 10 distinct people, and says so in data', () => {
    expect(POOL_RULES).toMatchObject({ maxMembers: 10, provisional: true });
    expect(poolMemberProblems([1])[0]!.field).toBe('members');
    expect(poolMemberProblems([1, 2])).toEqual([]);
    expect(poolMemberProblems(Array.from({ length: 10 }, (_, i) => i + 1))).toEqual([]);
    expect(poolMemberProblems(Array.from({ length: 11 }, (_, i) => i + 1))).toHaveLength(1);
    expect(poolMemberProblems([1, 2, 1])[0]!.message.en).toMatch(/twice/);
  });

  it('a negative pool is a negative for each member on the sample day; a positive one opens retests due next day', () => {
    expect(poolOutcome('negative', { sampleDate: '2022-01-10', resultOn: '2022-01-11' })).toEqual({
      kind: 'negative',
      sampleDate: '2022-01-10',
    });
    expect(poolOutcome('positive', { sampleDate: '2022-01-10', resultOn: '2022-01-11' })).toEqual({
      kind: 'retest',
      due: '2022-01-12',
      provisional: true,
    });
  });

  it('a result comes between its sample day and today', () => {
    expect(resultDateProblems('2022-01-10', '2022-01-10', '2022-01-15')).toEqual([]);
    expect(resultDateProblems('2022-01-10', '2022-01-09', '2022-01-15')[0]!.field).toBe('resultOn');
    expect(resultDateProblems('2022-01-10', '2022-01-16', '2022-01-15')[0]!.field).toBe('resultOn');
  });
});

describe('mass-testing rounds', () => {
  it('end on or after their start, within 31 days', () => {
    expect(roundProblems({ startsOn: '2022-01-10', endsOn: '2022-01-10' })).toEqual([]);
    expect(roundProblems({ startsOn: '2022-01-10', endsOn: '2022-01-09' })[0]!.field).toBe('endsOn');
    expect(roundProblems({ startsOn: '2022-01-01', endsOn: '2022-01-31' })).toEqual([]);
    expect(roundProblems({ startsOn: '2022-01-01', endsOn: '2022-02-01' })).toHaveLength(1);
  });

  it('share tested in per cent, capped at the whole area, none without people', () => {
    expect(shareTested(250, 1000)).toBe(25);
    expect(shareTested(1, 3)).toBe(33.3);
    expect(shareTested(12, 10)).toBe(100);
    expect(shareTested(5, 0)).toBeNull();
  });
});

describe('positivity per ISO week', () => {
  it('keys days by ISO week, the year of their Thursday', () => {
    expect(isoWeekKey('2022-01-02')).toBe('2021-W52');
    expect(isoWeekKey('2022-01-03')).toBe('2022-W01');
    expect(isoWeekKey('2021-01-04')).toBe('2021-W01');
    expect(weekMonday('2022-W01')).toBe('2022-01-03');
    expect(weekMonday('2020-W53')).toBe('2020-12-28');
  });

  it('sums days into weeks with the rate of positives among tests done', () => {
    expect(positivityRate(0, 0)).toBeNull();
    expect(positivityRate(200, 3)).toBe(1.5);
    expect(
      weeklyPositivity([
        { day: '2022-01-09', done: 10, positive: 1 },
        { day: '2022-01-03', done: 30, positive: 2 },
        { day: '2022-01-02', done: 5, positive: 0 },
      ]),
    ).toEqual([
      { week: '2021-W52', testsDone: 5, testsPositive: 0, rate: 0 },
      { week: '2022-W01', testsDone: 40, testsPositive: 3, rate: 7.5 },
    ]);
  });
});

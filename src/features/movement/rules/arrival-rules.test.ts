import { describe, expect, it } from 'vitest';
import { type ArrivalFacts, arrivalPlan, nextDue } from './arrival-rules.ts';
import { arrivalDateProblems, testDateProblems } from './declaration-input.ts';

const plan = (f: Partial<ArrivalFacts> & { arrivalDate: string }) =>
  arrivalPlan({ originLevel: 1, vaccination: 'full', ...f })!;
const terms = (p: ReturnType<typeof plan>) => [
  p.ruleSet.id,
  p.quarantineDays,
  p.selfMonitoringDays,
  p.testDays,
];

describe('arrival rules by date (rules.md §2, §3, §5)', () => {
  it('before 128/4800 (12/10/2021) no rule set is in force', () => {
    expect(arrivalPlan({ arrivalDate: '2021-10-11', originLevel: 4, vaccination: 'none' })).toBeNull();
  });

  it('4800, origin level 1–2: no test for ordinary travel (§2), 7 days self-monitoring, flagged provisional', () => {
    const p = plan({ arrivalDate: '2022-01-20', originLevel: 2, vaccination: 'none' });
    expect(terms(p)).toEqual(['NQ-128-QD-4800', 0, 7, []]);
    expect(p.provisional).toBe(true);
    expect(p.obligations).toEqual([
      { kind: 'selfMonitoring', from: '2022-01-20', until: '2022-01-26', provisional: true },
    ]);
  });

  it('4800, origin level 4, fully vaccinated: self-monitor 7 days and a test on day 1 (§2, §5)', () => {
    const p = plan({ arrivalDate: '2022-01-25', originLevel: 4, vaccination: 'full' });
    expect(terms(p)).toEqual(['NQ-128-QD-4800', 0, 7, [1]]);
    expect(p.provisional).toBe(false);
    expect(p.dueBy).toBe('2022-01-31');
    expect(nextDue(p, '2022-01-25')).toMatchObject({ kind: 'selfMonitoring' });
  });

  it('4800, origin level 4, partly vaccinated: 7 days home quarantine + 7 days (§5)', () => {
    const p = plan({ arrivalDate: '2022-01-10', originLevel: 4, vaccination: 'partial' });
    expect(terms(p)).toEqual(['NQ-128-QD-4800', 7, 7, [1, 7]]);
    expect(p.obligations.find((o) => o.kind === 'quarantine')).toMatchObject({
      from: '2022-01-10',
      until: '2022-01-16',
    });
    expect(p.dueBy).toBe('2022-01-23');
  });

  it('4800, origin level 4, unvaccinated: 14 + 14 days, tests on days 7 and 14 (§5) and day 1 (§2)', () => {
    const p = plan({ arrivalDate: '2022-01-10', originLevel: 4, vaccination: 'none' });
    expect(terms(p)).toEqual(['NQ-128-QD-4800', 14, 14, [1, 7, 14]]);
    expect(p.obligations.filter((o) => o.kind === 'test').map((o) => o.from)).toEqual([
      '2022-01-10',
      '2022-01-16',
      '2022-01-23',
    ]);
    expect(p.dueBy).toBe('2022-02-06');
  });

  it('a negative test within 72 h before arrival replaces the day-1 test (provisional practice)', () => {
    const p = plan({
      arrivalDate: '2022-01-10',
      originLevel: 4,
      vaccination: 'none',
      negativeTestOn: '2022-01-08',
    });
    expect(p.testDays).toEqual([7, 14]);
    const old = plan({
      arrivalDate: '2022-01-10',
      originLevel: 4,
      vaccination: 'none',
      negativeTestOn: '2022-01-05',
    });
    expect(old.testDays).toEqual([1, 7, 14]);
  });

  it('an unknown origin level is taken as level 2 and flagged', () => {
    const p = plan({ arrivalDate: '2022-01-10', originLevel: null, vaccination: 'none' });
    expect(p).toMatchObject({ originLevel: 2, originLevelKnown: false, provisional: true });
  });

  it('218 from 27/01/2022: no test for domestic travel (§3), even from level 4 when vaccinated', () => {
    expect(terms(plan({ arrivalDate: '2022-01-27', originLevel: 4, vaccination: 'full' }))).toEqual([
      'QD-218-BYT',
      0,
      7,
      [],
    ]);
    expect(terms(plan({ arrivalDate: '2022-01-26', originLevel: 4, vaccination: 'full' }))[0]).toBe(
      'NQ-128-QD-4800',
    );
    expect(plan({ arrivalDate: '2022-02-01', originLevel: 4, vaccination: 'none' }).testDays).toEqual([1]);
  });

  it('refuses an arrival more than 30 days ahead or back, naming the field', () => {
    expect(arrivalDateProblems('2022-02-14', '2022-01-15')).toEqual([]);
    expect(arrivalDateProblems('2022-02-15', '2022-01-15')[0]?.field).toBe('arrivalDate');
    expect(arrivalDateProblems('2021-12-16', '2022-01-15')).toEqual([]);
    expect(arrivalDateProblems('2021-12-15', '2022-01-15')[0]?.field).toBe('arrivalDate');
    expect(testDateProblems('2022-01-16', '2022-01-20', '2022-01-15')[0]?.field).toBe('test.date');
  });
});

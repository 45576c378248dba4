import { describe, expect, it } from 'vitest';
import { exposedCheckIns, exposureWindow } from './exposure.ts';
import { CHECK_IN_THROTTLE, checkInThrottled, minutesToWait } from './throttle.ts';

describe('exposure window (rules.md §8/§5: no clause sets it → provisional product value)', () => {
  it('runs from 2 days before the sample day through confirmation, flagged provisional', () => {
    const w = exposureWindow({ sample_date: '2022-01-11', confirmed_on: '2022-01-12' })!;
    expect([w.from, w.to]).toEqual(['2022-01-09', '2022-01-12']);
    expect(w.ruleSet.provisional).toBe(true);
  });
  it('has no rule before PC-Covid check-ins began (30/9/2021, rules.md §8)', () => {
    expect(exposureWindow({ sample_date: '2021-09-29', confirmed_on: '2021-09-29' })).toBeNull();
  });
});

describe('exposed check-ins: same venue, same day, inside the window, not the case itself', () => {
  const person = { phone: '0912000001', nationalId: '020080000001' };
  const ci = (
    id: number,
    venue_id: number,
    day: string,
    phone: string,
    national_id: string | null = null,
  ) => ({
    id,
    venue_id,
    day,
    phone,
    national_id,
  });
  const window = { from: '2022-01-09', to: '2022-01-11' };
  it('matches the visit by phone or by CCCD and lists the others there that day', () => {
    const out = exposedCheckIns(window, person, [
      ci(1, 1, '2022-01-10', '0912000001'), // the case, by phone
      ci(2, 1, '2022-01-10', '0912000002'),
      ci(3, 1, '2022-01-11', '0912000003'), // same venue, another day: the case was not there
      ci(4, 2, '2022-01-10', '0912000004'), // another venue
      ci(5, 2, '2022-01-09', '0900000000', '020080000001'), // the case, by CCCD
      ci(6, 2, '2022-01-09', '0912000006'),
      ci(7, 1, '2022-01-08', '0912000001'), // the case before the window
      ci(8, 1, '2022-01-08', '0912000008'),
    ]);
    expect(out.map((e) => [e.checkIn.id, e.visitId])).toEqual([
      [2, 1],
      [6, 5],
    ]);
  });
  it('lists a person once when two visits expose them', () => {
    const out = exposedCheckIns(window, person, [
      ci(1, 1, '2022-01-10', '0912000001'),
      ci(2, 1, '2022-01-10', '0912000001'),
      ci(3, 1, '2022-01-10', '0912000003'),
    ]);
    expect(out.map((e) => e.checkIn.id)).toEqual([3]);
  });
});

describe('check-in throttle per address', () => {
  it('refuses from the 21st check-in in 10 minutes and says how long to wait', () => {
    expect(checkInThrottled(CHECK_IN_THROTTLE.perAddress - 1)).toBe(false);
    expect(checkInThrottled(CHECK_IN_THROTTLE.perAddress)).toBe(true);
    expect(minutesToWait('2022-01-10T01:00:00.000Z', new Date('2022-01-10T01:02:30.000Z'))).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { recoveryDeferral } from './recovery-deferral.ts';

// Vectors traced to rules.md §6: "After a COVID infection following mũi 3, defer vaccination by 3 months".
describe('vaccination deferred after recovery (rules.md §6)', () => {
  it("infected after mũi 3: 3 months from the recovery day (the digest's rule)", () => {
    const d = recoveryDeferral({ recoveredOn: '2022-01-10', dosesBefore: 3 });
    expect(d).toMatchObject({ months: 3, until: '2022-04-10' });
    expect(d?.ruleSet.id).toBe('BYT-HOAN-TIEM-SAU-MAC-3-THANG');
    // The letter's number and date were NOT FOUND: the rule set is provisional whatever the doses.
    expect(d?.provisional).toBe(true);
  });

  it('fewer doses: the same 3 months as a provisional default', () => {
    expect(recoveryDeferral({ recoveredOn: '2021-12-31', dosesBefore: 0 })).toMatchObject({
      months: 3,
      until: '2022-03-31',
      provisional: true,
    });
  });

  it('month ends clamp (30/11 + 3 months = 28/02)', () => {
    expect(recoveryDeferral({ recoveredOn: '2021-11-30', dosesBefore: 2 })?.until).toBe('2022-02-28');
  });

  it('no rule before the first rule set', () => {
    expect(recoveryDeferral({ recoveredOn: '2020-06-01', dosesBefore: 0 })).toBeNull();
  });
});

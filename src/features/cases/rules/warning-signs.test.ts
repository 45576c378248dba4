import { describe, expect, it } from 'vitest';
import { WARNING_SIGN_NUMBERS, warningsFor } from './warning-signs.ts';

const numbers = (date: string, m: Parameters<typeof warningsFor>[1]) =>
  warningsFor(date, m)!.warnings.map((w) => w.number);
const UNDER_261 = '2022-02-15';
const UNDER_4038 = '2021-12-20';

describe('warning signs (rules.md §4.4)', () => {
  it('numbers the 11 signs of 261/QĐ-BYT', () => {
    expect(WARNING_SIGN_NUMBERS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('sign 2, respiratory rate by age band under 261: adult ≥ 20, 5-<12 ≥ 30, 1-<5 ≥ 40', () => {
    expect(numbers(UNDER_261, { ageYears: 30, respiratoryRate: 20 })).toEqual([2]);
    expect(numbers(UNDER_261, { ageYears: 30, respiratoryRate: 19 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 12, respiratoryRate: 20 })).toEqual([2]);
    expect(numbers(UNDER_261, { ageYears: 11, respiratoryRate: 29 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 11, respiratoryRate: 30 })).toEqual([2]);
    expect(numbers(UNDER_261, { ageYears: 4, respiratoryRate: 39 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 4, respiratoryRate: 40 })).toEqual([2]);
    expect(numbers(UNDER_261, { ageYears: 1, respiratoryRate: 40 })).toEqual([2]);
  });

  it('infants use 5155/QĐ-BYT fast breathing, flagged provisional', () => {
    const infant = warningsFor(UNDER_261, { ageYears: 0.5, respiratoryRate: 50 })!;
    expect(infant.warnings.map((w) => [w.number, w.provisional])).toEqual([[2, true]]);
    expect(numbers(UNDER_261, { ageYears: 0.5, respiratoryRate: 49 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 0.1, respiratoryRate: 59 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 0.1, respiratoryRate: 60 })).toEqual([2]);
  });

  it('sign 3, SpO2 ≤ 96 % under 261 (97 is fine)', () => {
    expect(numbers(UNDER_261, { ageYears: 40, spo2: 96 })).toEqual([3]);
    expect(numbers(UNDER_261, { ageYears: 40, spo2: 94 })).toEqual([3]);
    expect(numbers(UNDER_261, { ageYears: 40, spo2: 97 })).toEqual([]);
  });

  it('sign 4, pulse > 120 or < 50; sign 5, systolic < 90 or diastolic < 60', () => {
    expect(numbers(UNDER_261, { ageYears: 40, pulse: 121 })).toEqual([4]);
    expect(numbers(UNDER_261, { ageYears: 40, pulse: 120 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 40, pulse: 49 })).toEqual([4]);
    expect(numbers(UNDER_261, { ageYears: 40, pulse: 50 })).toEqual([]);
    expect(numbers(UNDER_261, { ageYears: 40, systolic: 89, diastolic: 70 })).toEqual([5]);
    expect(numbers(UNDER_261, { ageYears: 40, systolic: 90, diastolic: 59 })).toEqual([5]);
    expect(numbers(UNDER_261, { ageYears: 40, systolic: 90, diastolic: 60 })).toEqual([]);
  });

  it('observed signs 1 and 6-11 are raised as reported, once each, in order', () => {
    expect(numbers(UNDER_261, { ageYears: 40, spo2: 95, signs: [11, 1, 3, 7, 12] })).toEqual([1, 3, 7, 11]);
  });

  it('before 31/01/2022 the 4038-era values apply (RR ≥ 21, SpO2 < 95), flagged provisional', () => {
    const r = warningsFor(UNDER_4038, { ageYears: 40, respiratoryRate: 20, spo2: 95 })!;
    expect(r.ruleSet).toMatchObject({ id: 'QD-4038-BYT', provisional: true });
    expect(r.warnings).toEqual([]);
    expect(numbers(UNDER_4038, { ageYears: 40, respiratoryRate: 21, spo2: 94 })).toEqual([2, 3]);
    const r261 = warningsFor('2022-01-31', { ageYears: 40, respiratoryRate: 20, spo2: 95 })!;
    expect(r261.ruleSet).toMatchObject({ id: 'QD-261-BYT', provisional: false });
    expect(r261.warnings.map((w) => w.number)).toEqual([2, 3]);
  });

  it('has no rule set before home treatment existed', () => {
    expect(warningsFor('2021-01-01', { ageYears: 40 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { quarantinePlan } from './quarantine.ts';

const plan = (
  exposureDate: string,
  fullyVaccinatedOn: string | null = null,
  recoveredOn: string | null = null,
) => quarantinePlan({ exposureDate, fullyVaccinatedOn, recoveredOn })!;
const terms = (p: ReturnType<typeof plan>) => [
  p.ruleSet.id,
  p.quarantineDays,
  p.selfMonitoringDays,
  p.testDays,
];

describe('F1 quarantine (rules.md §5)', () => {
  it('before 16/12/2021: 14 days + 14 days for every contact', () => {
    expect(terms(plan('2021-11-20', '2021-09-01'))).toEqual(['F1-14-NGAY', 14, 14, [7, 14]]);
    expect(plan('2021-11-20').ruleSet.provisional).toBe(true);
  });

  it('10696/BYT-MT: fully vaccinated 14 days to 6 months before → 7 + 7, tests day 1 and 7', () => {
    const p = plan('2021-12-20', '2021-10-01');
    expect(terms(p)).toEqual(['CV-10696-BYT-MT', 7, 7, [1, 7]]);
    expect(p).toMatchObject({
      protected: true,
      quarantineEndsOn: '2021-12-27',
      selfMonitoringEndsOn: '2022-01-03',
    });
    expect(p.testDates).toEqual(['2021-12-21', '2021-12-27']);
  });

  it('10696/BYT-MT: a series finished 13 days or more than 6 months before does not protect', () => {
    expect(plan('2021-12-20', '2021-12-07').protected).toBe(false); // 13 days
    expect(plan('2021-12-20', '2021-12-06').protected).toBe(true); // 14 days
    expect(plan('2021-12-20', '2021-06-20').protected).toBe(true); // exactly 6 months
    expect(terms(plan('2021-12-20', '2021-06-19'))).toEqual(['CV-10696-BYT-MT', 14, 14, [7, 14]]);
  });

  it('10696/BYT-MT: recovered within 6 months → 7 + 7', () => {
    expect(plan('2022-01-10', null, '2021-08-01').protected).toBe(true);
    expect(plan('2022-01-10', null, '2021-07-09').protected).toBe(false);
  });

  it('the letter replacing 10696: protected → 5 + 5, test day 5; others → 7 + 3, test day 7', () => {
    expect(terms(plan('2022-03-10', '2021-06-01'))).toEqual(['BYT-MT-2022-F1-5-NGAY', 5, 5, [5]]);
    expect(terms(plan('2022-03-10'))).toEqual(['BYT-MT-2022-F1-5-NGAY', 7, 3, [7]]);
    // recovered within 3 months, not 6
    expect(plan('2022-03-10', null, '2021-12-10').protected).toBe(true);
    expect(plan('2022-03-10', null, '2021-12-09').protected).toBe(false);
    expect(plan('2022-03-10').ruleSet.provisional).toBe(true); // its number and date were not found
  });

  it('a recovery after the exposure does not count', () => {
    expect(plan('2022-01-10', null, '2022-01-11').protected).toBe(false);
  });
});

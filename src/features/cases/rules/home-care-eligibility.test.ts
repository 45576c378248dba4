import { describe, expect, it } from 'vitest';
import { type EligibilityFacts, homeCareEligibility } from './home-care-eligibility.ts';

const well: EligibilityFacts = {
  date: '2022-02-10',
  ageYears: 60,
  mildOrNoSymptoms: true,
  respiratoryRate: 18,
  spo2: 97,
  abnormalBreathing: false,
  comorbidity: 'stable',
  selfCareOrCaregiver: true,
  hasMeansOfContact: true,
  doses: 0,
  lastDoseOn: null,
};
const unmet = (f: Partial<EligibilityFacts>) =>
  homeCareEligibility({ ...well, ...f })!.unmet.map((u) => u.field);

describe('home-care eligibility (rules.md §4.2)', () => {
  it('261: RR < 20 and SpO2 > 96 on room air; stable comorbidity and no vaccination are fine', () => {
    expect(homeCareEligibility(well)).toMatchObject({ eligible: true, ruleSet: { id: 'QD-261-BYT' } });
    expect(unmet({ respiratoryRate: 20 })).toEqual(['respiratoryRate']);
    expect(unmet({ spo2: 96 })).toEqual(['spo2']);
    expect(unmet({ comorbidity: 'unstable', hasMeansOfContact: false })).toEqual([
      'comorbidity',
      'hasMeansOfContact',
    ]);
  });

  it('4038: RR ≤ 20 and SpO2 ≥ 96, plus vaccinated or aged 1-50 without comorbidity', () => {
    const d = '2021-12-01';
    expect(unmet({ date: d, respiratoryRate: 20, spo2: 96 })).toEqual(['doses']);
    expect(unmet({ date: d, doses: 2, lastDoseOn: '2021-10-01' })).toEqual([]);
    expect(unmet({ date: d, doses: 1, lastDoseOn: '2021-11-17' })).toEqual([]); // 14 days before
    expect(unmet({ date: d, doses: 1, lastDoseOn: '2021-11-18' })).toEqual(['doses']);
    expect(unmet({ date: d, ageYears: 30, comorbidity: 'none' })).toEqual([]);
    expect(unmet({ date: d, ageYears: 30, comorbidity: 'stable' })).toEqual(['doses']);
    expect(unmet({ date: d, respiratoryRate: 21, doses: 2 })).toEqual(['respiratoryRate']);
  });
});

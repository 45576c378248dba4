/**
 * Whether a case may be treated at home (shared/domain/rules.md §4.2), by the rule set in force on the day:
 * 261/QĐ-BYT from 31/01/2022; before it 4038/QĐ-BYT (21/08/2021), stricter (vaccinated, or young and healthy).
 * Answers every unmet condition, each naming its measure, so the form can say why. Pure.
 */
import { addDays } from '../../../core/dates.ts';
import type { Message } from '../../../core/errors.ts';
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

export interface EligibilityRuleSet extends DatedRuleSet {
  /** Breathing below / SpO2 above these (261: RR < 20, SpO2 > 96; 4038: RR ≤ 20, SpO2 ≥ 96). */
  respiratoryRateBelow: number;
  spo2Above: number;
  /** 4038 only: one of "vaccinated" or "1 < age < 50, no comorbidity" was also required. */
  requiresProtection: boolean;
}

export const ELIGIBILITY_RULE_SETS: readonly EligibilityRuleSet[] = [
  {
    id: 'QD-4038-BYT',
    name: 'Điều kiện quản lý F0 tại nhà theo Quyết định 4038/QĐ-BYT',
    legalBasis: 'Quyết định 4038/QĐ-BYT ngày 21/08/2021',
    legalBasisProvisional: false,
    effectiveFrom: '2021-08-21',
    effectiveTo: '2022-01-30',
    effectiveDatesProvisional: false,
    respiratoryRateBelow: 21, // "RR ≤ 20" (CONFIRMED, baovephapluat.vn)
    spo2Above: 95, // "SpO2 ≥ 96 %"
    requiresProtection: true,
  },
  {
    id: 'QD-261-BYT',
    name: 'Điều kiện quản lý F0 tại nhà theo Quyết định 261/QĐ-BYT',
    legalBasis: 'Quyết định 261/QĐ-BYT ngày 31/01/2022',
    legalBasisProvisional: false,
    effectiveFrom: '2022-01-31',
    effectiveTo: null,
    effectiveDatesProvisional: false,
    respiratoryRateBelow: 20, // condition 2: "respiratory rate < 20/min"
    spo2Above: 96, // condition 2: "SpO2 > 96 % on room air"
    requiresProtection: false,
  },
];

export interface EligibilityFacts {
  date: string;
  ageYears: number;
  /** Condition 1: asymptomatic or mild symptoms only. */
  mildOrNoSymptoms: boolean;
  respiratoryRate: number;
  spo2: number;
  /** Condition 2: grunting, chest indrawing, nasal flaring, wheeze, stridor. */
  abnormalBreathing: boolean;
  /** Condition 3: none, or under stable treatment. */
  comorbidity: 'none' | 'stable' | 'unstable';
  /** Condition 4: cares for oneself, or has a caregiver who can; has a phone or computer. */
  selfCareOrCaregiver: boolean;
  hasMeansOfContact: boolean;
  /** Doses received and the last one's day (4038's protection). */
  doses: number;
  lastDoseOn: string | null;
}

export interface Eligibility {
  ruleSet: RuleSetRef;
  eligible: boolean;
  unmet: { field: keyof EligibilityFacts; reason: Message }[];
}

function protectedUnder4038(f: EligibilityFacts): boolean {
  // vaccinated: 2 doses, or 1 dose given ≥ 14 days before; or all of: age > 1 and < 50, no comorbidity, self-care
  const vaccinated =
    f.doses >= 2 || (f.doses === 1 && f.lastDoseOn !== null && addDays(f.lastDoseOn, 14) <= f.date);
  const youngHealthy = f.ageYears > 1 && f.ageYears < 50 && f.comorbidity === 'none' && f.selfCareOrCaregiver;
  return vaccinated || youngHealthy;
}

export function homeCareEligibility(f: EligibilityFacts): Eligibility | null {
  const set = ruleSetInForce(ELIGIBILITY_RULE_SETS, f.date);
  if (!set) return null;
  const unmet: Eligibility['unmet'] = [];
  const fail = (field: keyof EligibilityFacts, vi: string, en: string) =>
    unmet.push({ field, reason: { vi, en } });
  if (!f.mildOrNoSymptoms)
    fail('mildOrNoSymptoms', 'Có triệu chứng không phải mức nhẹ.', 'Symptoms beyond mild.');
  if (f.respiratoryRate >= set.respiratoryRateBelow)
    fail(
      'respiratoryRate',
      `Nhịp thở từ ${set.respiratoryRateBelow} lần/phút trở lên.`,
      `Respiratory rate ${set.respiratoryRateBelow}/min or more.`,
    );
  if (f.spo2 <= set.spo2Above)
    fail('spo2', `SpO2 không quá ${set.spo2Above} %.`, `SpO2 at or below ${set.spo2Above} %.`);
  if (f.abnormalBreathing) fail('abnormalBreathing', 'Thở bất thường.', 'Abnormal breathing.');
  if (f.comorbidity === 'unstable')
    fail('comorbidity', 'Bệnh nền chưa ổn định.', 'Comorbidity not under stable treatment.');
  if (!f.selfCareOrCaregiver)
    fail(
      'selfCareOrCaregiver',
      'Không tự chăm sóc được và không có người chăm sóc.',
      'No self-care and no caregiver.',
    );
  if (!f.hasMeansOfContact)
    fail(
      'hasMeansOfContact',
      'Không có điện thoại hoặc máy tính để liên lạc.',
      'No phone or computer to stay in contact.',
    );
  if (set.requiresProtection && !protectedUnder4038(f))
    fail(
      'doses',
      'Chưa tiêm đủ và không thuộc nhóm 1-50 tuổi khỏe mạnh (Quyết định 4038).',
      'Not vaccinated and not aged 1-50 without comorbidity (4038).',
    );
  return { ruleSet: ruleSetRef(set), eligible: unmet.length === 0, unmet };
}

/**
 * Quarantine of a close contact (F1) by the rule set in force on the exposure date (shared/domain/rules.md §5),
 * chosen by the contact's protection: fully vaccinated (primary series) or recovered. Days count from the last
 * exposure (day 0); `testDays` are day numbers. Pure.
 */
import { addDays, addMonths } from '../../../core/dates.ts';
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

interface QuarantineTerms {
  quarantineDays: number;
  selfMonitoringDays: number;
  testDays: readonly number[];
  provisional: boolean;
}

export interface QuarantineRuleSet extends DatedRuleSet {
  /** Protected when the primary series ended at least `minDays` and (if set) at most `maxMonths` before exposure… */
  vaccinated: { minDays: number; maxMonths: number | null } | null;
  /** …or when recovery was at most `recoveredWithinMonths` before exposure. */
  recoveredWithinMonths: number | null;
  protectedTerms: QuarantineTerms;
  otherTerms: QuarantineTerms;
}

/** 2020 - mid 2021: 14 days (centralised, then at home under 5599/BYT-MT) + 14 days of monitoring (CONFIRMED, secondary). */
const FOURTEEN_PLUS_FOURTEEN: QuarantineTerms = {
  quarantineDays: 14,
  selfMonitoringDays: 14,
  testDays: [7, 14], // the digest's tests for unvaccinated returnees (~10/2021); none given for F1 of that time
  provisional: true,
};

export const QUARANTINE_RULE_SETS: readonly QuarantineRuleSet[] = [
  {
    id: 'F1-14-NGAY',
    name: 'Cách ly F1 14 ngày và theo dõi 14 ngày (2020 - 2021)',
    legalBasis:
      'Quy định cách ly F1 2020 - 2021; Công văn 5599/BYT-MT ngày 14/07/2021 (thí điểm cách ly tại nhà)',
    legalBasisProvisional: false,
    effectiveFrom: '2020-01-01',
    effectiveTo: '2021-12-15',
    effectiveDatesProvisional: true,
    vaccinated: null,
    recoveredWithinMonths: null,
    protectedTerms: FOURTEEN_PLUS_FOURTEEN,
    otherTerms: FOURTEEN_PLUS_FOURTEEN,
  },
  {
    // 10696/BYT-MT (16/12/2021), CONFIRMED (VN text): fully vaccinated, last dose ≥ 14 days and ≤ 6 months
    // before, or recovered within 6 months → 7 days at home + 7 days self-monitoring, tests day 1 and day 7.
    // It says nothing of other F1: they keep the earlier 14 + 14 (provisional).
    id: 'CV-10696-BYT-MT',
    name: 'Cách ly F1 đã tiêm đủ liều hoặc đã khỏi bệnh theo Công văn 10696/BYT-MT',
    legalBasis: 'Công văn 10696/BYT-MT ngày 16/12/2021',
    legalBasisProvisional: false,
    effectiveFrom: '2021-12-16',
    effectiveTo: '2022-02-28',
    effectiveDatesProvisional: true, // its end: the replacing letter's date is NOT FOUND
    vaccinated: { minDays: 14, maxMonths: 6 },
    recoveredWithinMonths: 6,
    protectedTerms: { quarantineDays: 7, selfMonitoringDays: 7, testDays: [1, 7], provisional: false },
    otherTerms: FOURTEEN_PLUS_FOURTEEN,
  },
  {
    // The letter replacing 10696 (early 2022; number and date NOT FOUND, content CONFIRMED by vov2.vov.vn):
    // ≥ 2 doses with the last ≥ 14 days before, or recovered within 3 months → 5 days + 5 days, test day 5;
    // others → 7 days + 3 days, test day 7. Start 01/03/2022 is a provisional default.
    id: 'BYT-MT-2022-F1-5-NGAY',
    name: 'Cách ly F1 5 ngày (đã tiêm đủ liều) hoặc 7 ngày (hướng dẫn thay Công văn 10696/BYT-MT)',
    legalBasis: 'Bộ Y tế, hướng dẫn đầu năm 2022 thay Công văn 10696/BYT-MT (chưa tìm thấy số văn bản)',
    legalBasisProvisional: true,
    effectiveFrom: '2022-03-01',
    effectiveTo: null,
    effectiveDatesProvisional: true,
    vaccinated: { minDays: 14, maxMonths: null },
    recoveredWithinMonths: 3,
    protectedTerms: { quarantineDays: 5, selfMonitoringDays: 5, testDays: [5], provisional: false },
    otherTerms: { quarantineDays: 7, selfMonitoringDays: 3, testDays: [7], provisional: false },
  },
];

export interface ContactProtection {
  exposureDate: string;
  /** The day the primary series was completed (its last dose), if it was. */
  fullyVaccinatedOn: string | null;
  recoveredOn: string | null;
}

export function isProtected(set: QuarantineRuleSet, p: ContactProtection): boolean {
  const v = set.vaccinated;
  const vaccinated =
    v !== null &&
    p.fullyVaccinatedOn !== null &&
    addDays(p.fullyVaccinatedOn, v.minDays) <= p.exposureDate &&
    (v.maxMonths === null || p.exposureDate <= addMonths(p.fullyVaccinatedOn, v.maxMonths));
  const recovered =
    set.recoveredWithinMonths !== null &&
    p.recoveredOn !== null &&
    p.recoveredOn <= p.exposureDate &&
    p.exposureDate <= addMonths(p.recoveredOn, set.recoveredWithinMonths);
  return vaccinated || recovered;
}

export interface QuarantinePlan {
  ruleSet: RuleSetRef;
  protected: boolean;
  quarantineDays: number;
  selfMonitoringDays: number;
  testDays: number[];
  /** Last day of quarantine, last day of self-monitoring, and the test days as dates. */
  quarantineEndsOn: string;
  selfMonitoringEndsOn: string;
  testDates: string[];
}

/** The plan for a contact under the rule set in force on the exposure date; null before the first set. */
export function quarantinePlan(p: ContactProtection): QuarantinePlan | null {
  const set = ruleSetInForce(QUARANTINE_RULE_SETS, p.exposureDate);
  if (!set) return null;
  const prot = isProtected(set, p);
  const terms = prot ? set.protectedTerms : set.otherTerms;
  const quarantineEndsOn = addDays(p.exposureDate, terms.quarantineDays);
  return {
    ruleSet: ruleSetRef(set, terms.provisional),
    protected: prot,
    quarantineDays: terms.quarantineDays,
    selfMonitoringDays: terms.selfMonitoringDays,
    testDays: [...terms.testDays],
    quarantineEndsOn,
    selfMonitoringEndsOn: addDays(quarantineEndsOn, terms.selfMonitoringDays),
    testDates: terms.testDays.map((d) => addDays(p.exposureDate, d)),
  };
}

/**
 * Vaccination deferred after a recovery from COVID-19 (shared/domain/rules.md §6, "Additional and booster
 * doses"): "After a COVID infection following mũi 3, defer vaccination by 3 months" — CONFIRMED content
 * (hcdc.vn, 24/06/2022), letter number NOT FOUND. The digest gives no other deferral: applying 3 months to
 * every recovery (fewer than 3 doses before the infection) and counting it from the recovery day are
 * provisional defaults, flagged. Pure.
 */
import { addMonths } from '../../../core/dates.ts';
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

interface DeferralTerms {
  months: number;
  provisional: boolean;
}

export interface RecoveryDeferralRuleSet extends DatedRuleSet {
  /** Infected after this many doses or more (mũi 3 = the third dose)… */
  afterDoses: number;
  /** …defer by these terms; anyone else by `otherTerms`. */
  boostedTerms: DeferralTerms;
  otherTerms: DeferralTerms;
}

export const RECOVERY_DEFERRAL_RULE_SETS: readonly RecoveryDeferralRuleSet[] = [
  {
    // §6: "After a COVID infection following mũi 3, defer vaccination by 3 months" (CONFIRMED, hcdc.vn
    // 24/06/2022). The guidance's own date is NOT FOUND: in force over the whole period the product covers,
    // provisionally (the demo wave of late 2021 recovers under it).
    id: 'BYT-HOAN-TIEM-SAU-MAC-3-THANG',
    name: 'Tạm hoãn tiêm vắc xin 3 tháng sau khi mắc COVID-19',
    legalBasis: 'Bộ Y tế, hướng dẫn tiêm mũi nhắc lại (hcdc.vn 24/06/2022; chưa tìm thấy số văn bản)',
    legalBasisProvisional: true,
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    effectiveDatesProvisional: true,
    afterDoses: 3,
    boostedTerms: { months: 3, provisional: false }, // §6, CONFIRMED content
    otherTerms: { months: 3, provisional: true }, // not in the digest: the same 3 months, provisional default
  },
];

export interface RecoveryFacts {
  recoveredOn: string;
  /** Doses received before the infection (its sample day). */
  dosesBefore: number;
}

export interface RecoveryDeferral {
  ruleSet: RuleSetRef;
  months: number;
  /** The deferral's last day: vaccination may resume the day after. */
  until: string;
  provisional: boolean;
}

/** The deferral after a recovery under the rule set in force on the recovery day; null before the first set. */
export function recoveryDeferral(f: RecoveryFacts): RecoveryDeferral | null {
  const set = ruleSetInForce(RECOVERY_DEFERRAL_RULE_SETS, f.recoveredOn);
  if (!set) return null;
  const terms = f.dosesBefore >= set.afterDoses ? set.boostedTerms : set.otherTerms;
  const ruleSet = ruleSetRef(set, terms.provisional);
  return {
    ruleSet,
    months: terms.months,
    until: addMonths(f.recoveredOn, terms.months),
    provisional: ruleSet.provisional,
  };
}

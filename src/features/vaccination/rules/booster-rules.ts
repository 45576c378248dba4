/**
 * Additional and booster doses as dated rule sets (rules.md §6 "Additional and booster doses"), one per source,
 * each in force from that source's date and for the groups it names. The letters behind them were NOT FOUND,
 * so every legal basis and every effective date is provisional; the intervals themselves are CONFIRMED by the
 * secondary sources cited beside each. A due date records the rule set that produced it.
 */
import { addMonths, anniversary } from '../../../core/dates.ts';
import { type DatedRuleSet, ruleSetInForce } from '../../../core/rule-sets.ts';

export interface BoosterRule {
  /** 1 = mũi 3 (first booster), 2 = mũi 4. */
  booster: 1 | 2;
  minAge: number;
  maxAge: number | null;
  /** From the last primary or additional dose (booster 1), or from booster 1 (booster 2). */
  afterMonths: number;
  provisional: boolean;
}

export interface BoosterRuleSet extends DatedRuleSet {
  boosters: readonly BoosterRule[];
  /** The extra primary dose some special groups could get after the series. */
  additionalDoseAfterDays: number | null;
}

export const BOOSTER_RULE_SETS: readonly BoosterRuleSet[] = [
  {
    // CONFIRMED (secondary: vtvgo.vn): first MoH guidance, 11/2021: booster ≥ 6 months after the last primary
    // or additional dose; an additional dose for some special groups ≥ 28 days after the series. Booster
    // ages: 18+ (targets "dose 3 for 18+ in Q1/2022", vovworld.vn). The digest gives the month only.
    id: 'BYT-2021-11-booster-6m',
    name: 'Liều bổ sung và liều nhắc lại sau 6 tháng (hướng dẫn đầu tiên của Bộ Y tế)',
    legalBasis: 'Bộ Y tế, hướng dẫn tháng 11/2021 (chưa tìm thấy số văn bản)',
    legalBasisProvisional: true,
    effectiveFrom: '2021-11-01',
    effectiveTo: '2021-11-30',
    effectiveDatesProvisional: true,
    boosters: [{ booster: 1, minAge: 18, maxAge: null, afterMonths: 6, provisional: false }],
    additionalDoseAfterDays: 28,
  },
  {
    // CONFIRMED (hcdc.vn, 24/06/2022): booster 1 ≥ 3 months after the last primary dose. The letter is NOT
    // FOUND (the digest names an unverified "10288/BYT-DP"); its start is unknown. Default 01/12/2021:
    // seed 004 (01/2022) orders boosters for everyone 18+ within January 2022, which a 6-month rule forbids.
    id: 'BYT-2021-12-booster-3m',
    name: 'Liều nhắc lại sau 3 tháng',
    legalBasis: 'Bộ Y tế (chưa tìm thấy số văn bản; "10288/BYT-DP" chưa được kiểm chứng)',
    legalBasisProvisional: true,
    effectiveFrom: '2021-12-01',
    effectiveTo: '2022-06-23',
    effectiveDatesProvisional: true,
    boosters: [{ booster: 1, minAge: 18, maxAge: null, afterMonths: 3, provisional: false }],
    additionalDoseAfterDays: 28,
  },
  {
    // CONFIRMED (hcdc.vn, 24/06/2022): booster 1 ≥ 3 months after the last primary dose; booster 2 (mũi 4)
    // ≥ 4 months after mũi 3. In force from the date of that source. The digest names no group for mũi 4;
    // it went first to the groups §6 "Age groups" gives priority (toquoc.vn): people aged 50+ and those with
    // comorbidities. Age is what the registry knows, so mũi 4 from 50 (provisional); not every adult.
    id: 'BYT-2022-06-booster-2',
    name: 'Liều nhắc lại thứ nhất và thứ hai (mũi 4 cho người từ 50 tuổi)',
    legalBasis: 'Bộ Y tế (chưa tìm thấy số văn bản)',
    legalBasisProvisional: true,
    effectiveFrom: '2022-06-24',
    effectiveTo: null,
    effectiveDatesProvisional: true,
    boosters: [
      { booster: 1, minAge: 18, maxAge: null, afterMonths: 3, provisional: false },
      { booster: 2, minAge: 50, maxAge: null, afterMonths: 4, provisional: true },
    ],
    additionalDoseAfterDays: 28,
  },
  {
    // CONFIRMED (baokhanhhoa.vn, 08/2022): ages 12–<18, mũi 3 5 months after mũi 2. In force from the month
    // of that source (its first day: the digest gives no day). Listed after the set above, which therefore
    // stays the one in force for the additional dose's interval (`ruleSetOn`).
    id: 'BYT-2022-08-booster-12-17',
    name: 'Liều nhắc lại cho trẻ 12–17 tuổi',
    legalBasis: 'Bộ Y tế (chưa tìm thấy số văn bản)',
    legalBasisProvisional: true,
    effectiveFrom: '2022-08-01',
    effectiveTo: null,
    effectiveDatesProvisional: true,
    boosters: [{ booster: 1, minAge: 12, maxAge: 17, afterMonths: 5, provisional: false }],
    additionalDoseAfterDays: null,
  },
];

export interface BoosterDue {
  from: string;
  ruleSetId: string;
  provisional: boolean;
}

/**
 * The first day a booster is due: under each rule set, the latest of its start, the interval after the
 * previous dose and the day the person reaches the rule's age, if that day is still in force and in the age
 * range. The earliest such day wins. It depends on dates only, not on today, so it can be stored.
 */
export function boosterDue(
  booster: 1 | 2,
  previousDose: string,
  birth: string,
  ruleSets: readonly BoosterRuleSet[] = BOOSTER_RULE_SETS,
): BoosterDue | null {
  let best: BoosterDue | null = null;
  for (const set of ruleSets)
    for (const rule of set.boosters) {
      if (rule.booster !== booster) continue;
      const from = [
        set.effectiveFrom,
        addMonths(previousDose, rule.afterMonths),
        anniversary(birth, rule.minAge),
      ]
        .sort()
        .at(-1)!;
      const inForce = set.effectiveTo === null || from <= set.effectiveTo;
      const inAgeRange = rule.maxAge === null || from < anniversary(birth, rule.maxAge + 1);
      if (!inForce || !inAgeRange) continue;
      if (!best || from < best.from)
        best = { from, ruleSetId: set.id, provisional: rule.provisional || set.effectiveDatesProvisional };
    }
  return best;
}

export function ruleSetOn(day: string, ruleSets = BOOSTER_RULE_SETS): BoosterRuleSet | null {
  return ruleSetInForce(ruleSets, day);
}

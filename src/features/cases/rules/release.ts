/**
 * Release of a home-treated case (F0) by the rule set in force on the day treatment began (shared/domain/
 * rules.md §4.5). Day 0 is the positive sample's day. Pure.
 */
import { addDays, formatDay } from '../../../core/dates.ts';
import type { Message } from '../../../core/errors.ts';
import { type DatedRuleSet, type RuleSetRef, ruleSetInForce, ruleSetRef } from '../../../core/rule-sets.ts';

export interface ReleaseRuleSet extends DatedRuleSet {
  /** Released from this day with a negative test taken on or after it… */
  withNegativeTestFromDay: number;
  /** …else on these days without one. */
  withoutTestDayVaccinated: number;
  withoutTestDayOther: number;
  valuesProvisional: boolean;
}

export const RELEASE_RULE_SETS: readonly ReleaseRuleSet[] = [
  {
    // Before February 2022: 10 days plus a negative test (Hà Nội; provinces varied) — secondary, provisional.
    // A case still positive then stayed to day 14 (the 14-day isolation of the time; provisional).
    id: 'F0-10-NGAY',
    name: 'Kết thúc cách ly F0 sau 10 ngày và xét nghiệm âm tính (trước 28/01/2022)',
    legalBasis: 'Hướng dẫn của địa phương (Hà Nội) trước Quyết định 250/QĐ-BYT',
    legalBasisProvisional: true,
    effectiveFrom: '2021-08-21',
    effectiveTo: '2022-01-27',
    effectiveDatesProvisional: true,
    withNegativeTestFromDay: 10,
    withoutTestDayVaccinated: 14,
    withoutTestDayOther: 14,
    valuesProvisional: true,
  },
  {
    // 250/QĐ-BYT (28/01/2022), CONFIRMED (secondary): 7 days + a negative rapid antigen test; still positive
    // on day 7 → day 10 if the primary series is complete, day 14 if not.
    id: 'QD-250-BYT',
    name: 'Kết thúc cách ly F0 sau 7 ngày và xét nghiệm nhanh âm tính (Quyết định 250/QĐ-BYT)',
    legalBasis: 'Quyết định 250/QĐ-BYT ngày 28/01/2022',
    legalBasisProvisional: false,
    effectiveFrom: '2022-01-28',
    effectiveTo: null,
    effectiveDatesProvisional: false,
    withNegativeTestFromDay: 7,
    withoutTestDayVaccinated: 10,
    withoutTestDayOther: 14,
    valuesProvisional: false,
  },
];

export interface ReleaseInput {
  /** The positive sample's day. */
  sampleDate: string;
  primarySeriesComplete: boolean;
  /** The first negative test's day, if any. */
  negativeTestOn: string | null;
}

export interface ReleasePlan {
  ruleSet: RuleSetRef;
  /** The earliest day a negative test releases. */
  earliestRelease: string;
  /** The day the case is released: the negative test's (not before `earliestRelease`) or the fallback day. */
  releaseOn: string;
  byNegativeTest: boolean;
}

export function releasePlan(input: ReleaseInput): ReleasePlan | null {
  const set = ruleSetInForce(RELEASE_RULE_SETS, input.sampleDate);
  if (!set) return null;
  const earliestRelease = addDays(input.sampleDate, set.withNegativeTestFromDay);
  const fallback = addDays(
    input.sampleDate,
    input.primarySeriesComplete ? set.withoutTestDayVaccinated : set.withoutTestDayOther,
  );
  const byTest =
    input.negativeTestOn !== null &&
    input.negativeTestOn >= earliestRelease &&
    input.negativeTestOn < fallback;
  return {
    ruleSet: ruleSetRef(set, set.valuesProvisional),
    earliestRelease,
    releaseOn: byTest ? input.negativeTestOn! : fallback,
    byNegativeTest: byTest,
  };
}

/**
 * Why a home-treated case may not be recorded recovered on `on` (null when it may): released from the rule
 * set's earliest day with a negative test taken by then, else only from the fallback day. `negativeTestOn` is
 * the first negative test from the earliest day on (the caller's query).
 */
export function earlyReleaseProblem(input: ReleaseInput, on: string): Message | null {
  const plan = releasePlan(input);
  if (!plan || on >= plan.releaseOn) return null;
  const fallback = formatDay(releasePlan({ ...input, negativeTestOn: null })!.releaseOn);
  const earliest = formatDay(plan.earliestRelease);
  const basis = plan.ruleSet.legalBasis;
  const flag = plan.ruleSet.provisional
    ? { vi: ' (quy định tạm tính)', en: ' (provisional rule)' }
    : { vi: '', en: '' };
  return {
    vi: `Theo ${basis}${flag.vi}, ca điều trị tại nhà kết thúc cách ly từ ngày ${earliest} nếu xét nghiệm âm tính, nếu không thì từ ngày ${fallback}.`,
    en: `Under ${basis}${flag.en}, a case treated at home is released from ${earliest} with a negative test, otherwise from ${fallback}.`,
  };
}

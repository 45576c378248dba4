/**
 * What a claim is worth under its policy: days inside the policy's period, caps, day conditions, the one-off
 * child supplement. Pure: no I/O, no clock (today is an argument).
 */
import { ageOnDay, daysBetween } from '../../../core/dates.ts';
import type { Message } from '../../../core/errors.ts';
import type { SupportPolicy, SupportRuleSet } from './policies.ts';

/** Days of [from, to] (both included) that fall inside the policy's period; 0 when they do not meet. */
export function daysInPeriod(
  from: string,
  to: string,
  policy: Pick<SupportPolicy, 'periodFrom' | 'periodTo'>,
) {
  const start = from > policy.periodFrom ? from : policy.periodFrom;
  const end = to < policy.periodTo ? to : policy.periodTo;
  return end < start ? 0 : daysBetween(start, end) + 1;
}

/** A child for the supplement: under the age (16) on the first day of the episode. */
export function isChild(birth: string | null, onDay: string, set: SupportRuleSet): boolean {
  return birth !== null && ageOnDay(birth, onDay) < set.childSupplement.underAge;
}

export interface PolicyAmountResult {
  /** The days paid (capped), or null when the policy is not paid by the day. */
  paidDays: number | null;
  amount: number;
  /** Why nothing is due (days below the policy's minimum), else null. */
  ineligible: Message | null;
}

/** The policy's amount for so many days; `entered` is the amount of a policy left to local decision. */
export function policyAmount(
  policy: SupportPolicy,
  days: number,
  entered: number | null = null,
): PolicyAmountResult {
  const a = policy.amount;
  const tooFew = (min: number): Message => ({
    vi: `Chưa đủ ${min} ngày theo chính sách (${days} ngày).`,
    en: `Fewer than the policy's ${min} days (${days}).`,
  });
  switch (a.kind) {
    case 'perDay': {
      const paidDays = Math.max(0, Math.min(days, a.maxDays));
      return {
        paidDays,
        amount: paidDays * a.perDay,
        ineligible: paidDays === 0 ? tooFew(1) : null,
      };
    }
    case 'fixed':
      return days >= a.minDays
        ? { paidDays: null, amount: a.amount, ineligible: null }
        : { paidDays: null, amount: 0, ineligible: tooFew(a.minDays) };
    case 'tiered': {
      const tier = [...a.tiers].sort((x, y) => y.minDays - x.minDays).find((t) => days >= t.minDays);
      const least = Math.min(...a.tiers.map((t) => t.minDays));
      return tier
        ? { paidDays: null, amount: tier.amount, ineligible: null }
        : { paidDays: null, amount: 0, ineligible: tooFew(least) };
    }
    case 'local':
      return { paidDays: null, amount: entered ?? 0, ineligible: null };
  }
}

/** The whole claim: the policy's amount and the child supplement when it goes with this claim. */
export function claimAmount(
  set: SupportRuleSet,
  policy: SupportPolicy,
  facts: { days: number; childSupplement: boolean; entered?: number | null },
) {
  const base = policyAmount(policy, facts.days, facts.entered ?? null);
  const supplement = facts.childSupplement && base.ineligible === null ? set.childSupplement.amount : 0;
  return { ...base, supplement, amount: base.amount + supplement };
}

/** Upper bound of a locally decided amount (VND): a typo guard, not law. */
export const LOCAL_AMOUNT_MAX = 20_000_000;

export interface ApplicationInput {
  from?: string | null;
  to?: string | null;
  amount?: number | null;
}

/**
 * What is wrong with a hand-entered claim (an application), by field: the period must be a real range inside
 * the policy's period and not in the future; a locally decided amount must be entered (and only then).
 */
export function applicationProblems(policy: SupportPolicy, input: ApplicationInput, today: string) {
  const problems: { field: string; message: Message }[] = [];
  const needsDays = policy.amount.kind !== 'fixed' || policy.amount.minDays > 0;
  if (needsDays && (!input.from || !input.to))
    problems.push({
      field: input.from ? 'to' : 'from',
      message: { vi: 'Cần nhập từ ngày, đến ngày.', en: 'The period (from, to) is required.' },
    });
  if (input.from && input.to) {
    if (input.to < input.from)
      problems.push({
        field: 'to',
        message: { vi: 'Đến ngày trước từ ngày.', en: 'The period ends before it starts.' },
      });
    else if (input.to > today)
      problems.push({ field: 'to', message: { vi: 'Ngày trong tương lai.', en: 'A day in the future.' } });
    else if (daysInPeriod(input.from, input.to, policy) === 0)
      problems.push({
        field: 'from',
        message: {
          vi: 'Thời gian không nằm trong thời hạn của chính sách.',
          en: "The period is outside the policy's dates.",
        },
      });
  }
  if (policy.amount.kind === 'local') {
    if (input.amount == null || input.amount <= 0 || input.amount > LOCAL_AMOUNT_MAX)
      problems.push({
        field: 'amount',
        message: {
          vi: `Nhập số tiền hỗ trợ theo chính sách địa phương (1 – ${LOCAL_AMOUNT_MAX.toLocaleString('vi-VN')} đồng).`,
          en: `Enter the amount of the local policy (1 – ${LOCAL_AMOUNT_MAX} VND).`,
        },
      });
  } else if (input.amount != null)
    problems.push({
      field: 'amount',
      message: {
        vi: 'Số tiền do chính sách quy định, không nhập tay.',
        en: 'The amount is set by the policy, not entered.',
      },
    });
  return problems;
}

/** The days of an application that count (inside the policy's period); 0 when no period was given. */
export function applicationDays(policy: SupportPolicy, input: ApplicationInput) {
  return input.from && input.to ? daysInPeriod(input.from, input.to, policy) : 0;
}

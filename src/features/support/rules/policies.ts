/**
 * Resolution 68/NQ-CP (01/07/2021) and Decision 23/2021/QĐ-TTg: the support policies of rules.md §7 as a dated
 * rule set, each amount, cap and condition citing its row of the digest. Values the digest does not confirm
 * ship flagged `provisional`. Pure: no I/O.
 */
import { type DatedRuleSet, ruleSetInForce } from '../../../core/rule-sets.ts';

export const SUPPORT_POLICIES = [
  'f0Treatment',
  'f1Quarantine',
  'workStoppage',
  'suspendedContract',
  'contractEnded',
  'artist',
  'tourGuide',
  'householdBusiness',
  'freelance',
] as const;
export type SupportPolicyId = (typeof SUPPORT_POLICIES)[number];

/** The policies claims are built from the system's own records for (cases and contacts). */
export const RECORD_POLICIES = ['f0Treatment', 'f1Quarantine'] as const satisfies readonly SupportPolicyId[];
export type RecordPolicy = (typeof RECORD_POLICIES)[number];
export const isRecordPolicy = (p: string): p is RecordPolicy =>
  (RECORD_POLICIES as readonly string[]).includes(p);

export type PolicyAmount =
  /** So much a day, for at most so many days inside the period. */
  | { kind: 'perDay'; perDay: number; maxDays: number }
  /** A one-off amount, for at least `minDays` days (0: no such condition). */
  | { kind: 'fixed'; amount: number; minDays: number }
  /** One-off by duration: the first tier whose `minDays` the days reach, from the longest. */
  | { kind: 'tiered'; tiers: readonly { minDays: number; amount: number }[] }
  /** Left to local policy: the amount is entered with the claim. */
  | { kind: 'local' };

export interface SupportPolicy {
  id: SupportPolicyId;
  name: { vi: string; en: string };
  amount: PolicyAmount;
  /** The days that count: first and last day of the period (ISO). */
  periodFrom: string;
  periodTo: string;
  /** Where the digest puts it (rules.md §7, its row). */
  clause: string;
  provisional: boolean;
}

export interface SupportRuleSet extends DatedRuleSet {
  policies: Readonly<Record<SupportPolicyId, SupportPolicy>>;
  /** One-off supplement for a child who is F0 or F1 (once per child, whichever claim comes first). */
  childSupplement: { amount: number; underAge: number; clause: string; provisional: boolean };
  /** Employer policies of the package: shown with the set, never claimed by a person. */
  employerPolicies: readonly { name: { vi: string; en: string }; terms: string; clause: string }[];
}

const DAY_68 = '2021-12-31';

/**
 * Decision 23/2021/QĐ-TTg under Resolution 68/NQ-CP. The F0 and F1 food allowances run 27/04–31/12/2021
 * (rules.md §7 row "F0 under treatment": "27/4–31/12/2021", QĐ 23 Art. 26); the F1 row says "same" without a
 * period: the same period is assumed and flagged.
 */
export const RESOLUTION_68: SupportRuleSet = {
  id: 'NQ-68-CP',
  name: 'Nghị quyết 68/NQ-CP và Quyết định 23/2021/QĐ-TTg',
  legalBasis: 'Nghị quyết 68/NQ-CP ngày 01/07/2021; Quyết định 23/2021/QĐ-TTg',
  legalBasisProvisional: false,
  effectiveFrom: '2021-04-27',
  effectiveTo: DAY_68,
  effectiveDatesProvisional: false,
  policies: {
    f0Treatment: {
      id: 'f0Treatment',
      name: { vi: 'F0 điều trị (tiền ăn)', en: 'F0 under treatment (food allowance)' },
      // rules.md §7 "F0 under treatment (food allowance)": 80,000 VND/person/day, up to 45 days, 27/4–31/12/2021.
      amount: { kind: 'perDay', perDay: 80_000, maxDays: 45 },
      periodFrom: '2021-04-27',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 Điều 26 (rules.md §7: F0 under treatment)',
      provisional: false,
    },
    f1Quarantine: {
      id: 'f1Quarantine',
      name: { vi: 'F1 cách ly y tế (tiền ăn)', en: 'F1 in medical isolation (food allowance)' },
      // rules.md §7 "F1 in medical isolation": 80,000 VND/person/day, up to 21 days; period "same" (assumed).
      amount: { kind: 'perDay', perDay: 80_000, maxDays: 21 },
      periodFrom: '2021-04-27',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 Điều 26 (rules.md §7: F1 in medical isolation)',
      provisional: true,
    },
    workStoppage: {
      id: 'workStoppage',
      name: {
        vi: 'Người lao động ngừng việc do cách ly, phong tỏa',
        en: 'Worker stopped from work by quarantine or lockdown',
      },
      // rules.md §7 "Worker stopped from work (ngừng việc) … ≥14 days": 1,000,000 VND one-off.
      amount: { kind: 'fixed', amount: 1_000_000, minDays: 14 },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 (rules.md §7: worker stopped from work ≥ 14 days)',
      // The period is not in the digest: the suspended-contract row's (1/5–31/12/2021) is assumed.
      provisional: true,
    },
    suspendedContract: {
      id: 'suspendedContract',
      name: {
        vi: 'Người lao động tạm hoãn hợp đồng, nghỉ không lương',
        en: 'Worker with suspended contract or unpaid leave',
      },
      // rules.md §7: 1,855,000 VND for 15 days to < 1 month; 3,710,000 VND for ≥ 1 month, 1/5–31/12/2021.
      // "1 month" is read as 30 days (not in the digest: flagged).
      amount: {
        kind: 'tiered',
        tiers: [
          { minDays: 30, amount: 3_710_000 },
          { minDays: 15, amount: 1_855_000 },
        ],
      },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 (rules.md §7: suspended labour contract or unpaid leave ≥ 15 consecutive days)',
      provisional: true,
    },
    contractEnded: {
      id: 'contractEnded',
      name: {
        vi: 'Người lao động chấm dứt hợp đồng, không đủ điều kiện hưởng trợ cấp thất nghiệp',
        en: 'Worker whose contract ended, not eligible for unemployment benefit',
      },
      // rules.md §7 (secondary: sggpnews): 3,710,000 VND.
      amount: { kind: 'fixed', amount: 3_710_000, minDays: 0 },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 (rules.md §7: contract ended, no unemployment benefit)',
      provisional: true,
    },
    artist: {
      id: 'artist',
      name: {
        vi: 'Viên chức, nghệ sĩ đơn vị nghệ thuật biểu diễn',
        en: 'Artist of a public performing-arts unit',
      },
      // rules.md §7 (secondary): suspended ≥ 15 days, 3,710,000 VND.
      amount: { kind: 'fixed', amount: 3_710_000, minDays: 15 },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 (rules.md §7: artists suspended ≥ 15 days)',
      provisional: true,
    },
    tourGuide: {
      id: 'tourGuide',
      name: { vi: 'Hướng dẫn viên du lịch', en: 'Tour guide' },
      // rules.md §7 (secondary): 3,710,000 VND.
      amount: { kind: 'fixed', amount: 3_710_000, minDays: 0 },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 (rules.md §7: tour guides)',
      provisional: true,
    },
    householdBusiness: {
      id: 'householdBusiness',
      name: { vi: 'Hộ kinh doanh tạm ngừng kinh doanh', en: 'Household business suspended' },
      // rules.md §7 (secondary): registered for tax, suspended ≥ 15 days, 3,000,000 VND.
      amount: { kind: 'fixed', amount: 3_000_000, minDays: 15 },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 / QĐ 23 (rules.md §7: household businesses suspended ≥ 15 days)',
      provisional: true,
    },
    freelance: {
      id: 'freelance',
      name: { vi: 'Lao động tự do (theo chính sách địa phương)', en: 'Freelance worker (local policy)' },
      // rules.md §7: "Left to local policy (amount not seen)", UNCERTAIN.
      amount: { kind: 'local' },
      periodFrom: '2021-05-01',
      periodTo: DAY_68,
      clause: 'NQ 68 (rules.md §7: freelance workers, UNCERTAIN)',
      provisional: true,
    },
  },
  childSupplement: {
    // rules.md §7 "Children who are F0 or F1": additional one-off 1,000,000 VND per child (plo.vn); under 16 as
    // the contract of issue 17 states (the age is not in the digest: flagged).
    amount: 1_000_000,
    underAge: 16,
    clause: 'NQ 68 / QĐ 23 Điều 26 (rules.md §7: children who are F0 or F1)',
    provisional: true,
  },
  employerPolicies: [
    {
      name: { vi: 'Giảm đóng quỹ BHTNLĐ-BNN', en: 'Occupational accident fund contribution cut' },
      terms: '0% of payroll, 1/7/2021–30/6/2022',
      clause: 'rules.md §7: BHTNLĐ-BNN contribution cut',
    },
    {
      name: { vi: 'Tạm dừng đóng quỹ hưu trí, tử tuất', en: 'Deferral of retirement and survivorship fund' },
      terms: 'deferral for affected employers',
      clause: 'rules.md §7: deferral of contributions',
    },
    {
      name: { vi: 'Vay không lãi trả lương, phục hồi sản xuất', en: 'Zero-interest loans for wages' },
      terms: 'VBSP loans',
      clause: 'rules.md §7: employers',
    },
  ],
};

export const SUPPORT_RULE_SETS: readonly SupportRuleSet[] = [RESOLUTION_68];

/** The rule set a claim's days fall under: the one in force on its first day (else the latest). */
export function supportRuleSetFor(day: string): SupportRuleSet {
  return ruleSetInForce(SUPPORT_RULE_SETS, day) ?? SUPPORT_RULE_SETS.at(-1)!;
}

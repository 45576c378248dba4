import { describe, expect, it } from 'vitest';
import { applicationProblems, claimAmount, daysInPeriod, isChild, policyAmount } from './amounts.ts';
import { CLAIM_LIFECYCLE, partiesOf } from './claim-lifecycle.ts';
import { RESOLUTION_68, supportRuleSetFor } from './policies.ts';

const P = RESOLUTION_68.policies;

/** Vectors traced to rules.md §7 (Resolution 68/NQ-CP, Decision 23/2021/QĐ-TTg). */
describe('Resolution 68 support amounts', () => {
  it('pays F0 80,000 VND a day up to 45 days (§7 "F0 under treatment")', () => {
    expect(policyAmount(P.f0Treatment, 10).amount).toBe(800_000);
    expect(policyAmount(P.f0Treatment, 45).amount).toBe(3_600_000);
    expect(policyAmount(P.f0Treatment, 46)).toMatchObject({ paidDays: 45, amount: 3_600_000 });
    expect(policyAmount(P.f0Treatment, 0).ineligible).not.toBeNull();
  });

  it('pays F1 80,000 VND a day up to 21 days (§7 "F1 in medical isolation"), period flagged', () => {
    expect(policyAmount(P.f1Quarantine, 14).amount).toBe(1_120_000);
    expect(policyAmount(P.f1Quarantine, 21).amount).toBe(1_680_000);
    expect(policyAmount(P.f1Quarantine, 28)).toMatchObject({ paidDays: 21, amount: 1_680_000 });
    expect(P.f1Quarantine.provisional).toBe(true);
    expect(P.f0Treatment.provisional).toBe(false);
  });

  it('counts only days inside 27/04–31/12/2021 (§7 F0 period)', () => {
    expect(daysInPeriod('2021-12-25', '2022-01-05', P.f0Treatment)).toBe(7);
    expect(daysInPeriod('2021-04-20', '2021-04-30', P.f0Treatment)).toBe(4);
    expect(daysInPeriod('2022-01-01', '2022-01-10', P.f0Treatment)).toBe(0);
    expect(daysInPeriod('2021-04-27', '2021-04-27', P.f0Treatment)).toBe(1);
  });

  it('adds 1,000,000 VND once for a child under 16 (§7 "Children who are F0 or F1")', () => {
    expect(isChild('2006-01-10', '2021-12-01', RESOLUTION_68)).toBe(true);
    expect(isChild('2005-12-01', '2021-12-01', RESOLUTION_68)).toBe(false);
    expect(isChild(null, '2021-12-01', RESOLUTION_68)).toBe(false);
    expect(claimAmount(RESOLUTION_68, P.f0Treatment, { days: 10, childSupplement: true }).amount).toBe(
      1_800_000,
    );
    expect(claimAmount(RESOLUTION_68, P.f1Quarantine, { days: 7, childSupplement: true }).amount).toBe(
      1_560_000,
    );
    expect(claimAmount(RESOLUTION_68, P.f1Quarantine, { days: 0, childSupplement: true }).amount).toBe(0);
  });

  it('pays the one-off policies by their day conditions (§7 worker rows)', () => {
    expect(policyAmount(P.workStoppage, 14).amount).toBe(1_000_000);
    expect(policyAmount(P.workStoppage, 13)).toMatchObject({ amount: 0 });
    expect(policyAmount(P.workStoppage, 13).ineligible).not.toBeNull();
    expect(policyAmount(P.suspendedContract, 14).amount).toBe(0);
    expect(policyAmount(P.suspendedContract, 15).amount).toBe(1_855_000);
    expect(policyAmount(P.suspendedContract, 29).amount).toBe(1_855_000);
    expect(policyAmount(P.suspendedContract, 30).amount).toBe(3_710_000);
    expect(policyAmount(P.contractEnded, 0).amount).toBe(3_710_000);
    expect(policyAmount(P.artist, 15).amount).toBe(3_710_000);
    expect(policyAmount(P.artist, 14).amount).toBe(0);
    expect(policyAmount(P.tourGuide, 0).amount).toBe(3_710_000);
    expect(policyAmount(P.householdBusiness, 15).amount).toBe(3_000_000);
    expect(policyAmount(P.householdBusiness, 14).amount).toBe(0);
    expect(policyAmount(P.freelance, 0, 1_500_000).amount).toBe(1_500_000);
    expect(P.freelance.provisional).toBe(true);
  });

  it('refuses applications with a bad period or amount, naming the field', () => {
    const fields = (policy: keyof typeof P, input: Parameters<typeof applicationProblems>[1]) =>
      applicationProblems(P[policy], input, '2022-01-15').map((p) => p.field);
    expect(fields('f0Treatment', {})).toEqual(['from']);
    expect(fields('f0Treatment', { from: '2021-12-10', to: '2021-12-01' })).toEqual(['to']);
    expect(fields('f0Treatment', { from: '2022-01-01', to: '2022-01-05' })).toEqual(['from']);
    expect(fields('f0Treatment', { from: '2021-12-01', to: '2022-02-01' })).toEqual(['to']);
    expect(fields('f0Treatment', { from: '2021-12-01', to: '2021-12-10', amount: 5 })).toEqual(['amount']);
    expect(fields('contractEnded', {})).toEqual([]);
    expect(fields('freelance', { from: '2021-08-01', to: '2021-08-20' })).toEqual(['amount']);
    expect(fields('freelance', { from: '2021-08-01', to: '2021-08-20', amount: 2_000_000 })).toEqual([]);
  });

  it('finds the rule set by day', () => {
    expect(supportRuleSetFor('2021-12-01').id).toBe('NQ-68-CP');
  });
});

describe('claim lifecycle', () => {
  it('reviews at the commune, approves at the district', () => {
    const commune = partiesOf(3);
    const district = partiesOf(2);
    expect(CLAIM_LIFECYCLE.transition('submitted', 'review', commune)).toEqual({ ok: true, to: 'reviewed' });
    expect(CLAIM_LIFECYCLE.transition('submitted', 'review', district)).toMatchObject({ ok: false });
    expect(CLAIM_LIFECYCLE.transition('reviewed', 'approve', commune)).toMatchObject({ refusal: 'party' });
    expect(CLAIM_LIFECYCLE.transition('submitted', 'approve', district)).toMatchObject({ refusal: 'state' });
    expect(CLAIM_LIFECYCLE.transition('reviewed', 'approve', district)).toEqual({ ok: true, to: 'approved' });
    expect(CLAIM_LIFECYCLE.transition('reviewed', 'refuse', district, '')).toMatchObject({
      refusal: 'reason',
    });
    expect(CLAIM_LIFECYCLE.transition('approved', 'pay', district)).toEqual({ ok: true, to: 'paid' });
  });
});

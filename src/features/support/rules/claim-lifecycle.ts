/**
 * A support claim's lifecycle (issue 17): the commune reviews, the district approves and pays; either may
 * refuse with a reason. One payment per person and policy is kept by the database (a unique index over
 * approved and paid claims), not by this machine. Pure.
 */
import { defineWorkflow } from '../../../core/workflow.ts';

export const CLAIM_STATES = ['submitted', 'reviewed', 'approved', 'paid', 'rejected'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
/** States that hold the person's place under the policy: a second claim is refused while one is in them. */
export const ACTIVE_CLAIM_STATES = ['submitted', 'reviewed', 'approved', 'paid'] as const;
/** States of a claim that is paid or will be: the unique index covers these. */
export const PAYMENT_STATES = ['approved', 'paid'] as const;

export type ClaimParty = 'commune' | 'district';

export const CLAIM_LIFECYCLE = defineWorkflow({
  states: CLAIM_STATES,
  actions: {
    review: { allowedFrom: ['submitted'], to: 'reviewed', by: 'commune' },
    reject: { allowedFrom: ['submitted'], to: 'rejected', by: 'commune', needsReason: true },
    approve: { allowedFrom: ['reviewed'], to: 'approved', by: 'district' },
    refuse: { allowedFrom: ['reviewed'], to: 'rejected', by: 'district', needsReason: true },
    pay: { allowedFrom: ['approved'], to: 'paid', by: 'district' },
  },
});
export type ClaimAction = (typeof CLAIM_LIFECYCLE.actionNames)[number];
export const CLAIM_ACTIONS = [
  'review',
  'reject',
  'approve',
  'refuse',
  'pay',
] as const satisfies readonly ClaimAction[];

/** A commune's office reviews; a district's (or the province's, the country's) approves. */
export function partiesOf(scopeUnitLevel: number): ReadonlySet<ClaimParty> {
  return new Set([scopeUnitLevel >= 3 ? 'commune' : 'district']);
}

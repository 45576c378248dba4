/** The support API's shapes: the routes declare them, the web client takes their types. */
import { z } from 'zod';
import { CLAIM_STATES } from './rules/claim-lifecycle.ts';
import { SUPPORT_POLICIES } from './rules/policies.ts';

const vnd = z.number().int();
export const policyId = z.enum(SUPPORT_POLICIES);

/** One claim the records make eligible (the contract: personId, policy, days, amount; the rest extra). */
export const eligibleClaim = z.object({
  personId: z.number(),
  policy: z.enum(['f0Treatment', 'f1Quarantine']),
  days: z.number().int(),
  amount: vnd,
  paidDays: z.number().int(),
  childSupplement: z.boolean(),
  communeCode: z.string(),
  firstDay: z.string(),
  open: z.boolean(),
  provisional: z.boolean(),
  claimId: z.number().nullable(),
  claimStatus: z.string().nullable(),
});
export const previewAnswer = z.object({
  unit: z.string(),
  ruleSet: z.object({ id: z.string(), name: z.string(), legalBasis: z.string() }),
  claims: z.array(eligibleClaim),
});

export const claimView = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  policy: policyId,
  ruleSetId: z.string(),
  source: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  days: z.number().int(),
  paidDays: z.number().int().nullable(),
  childSupplement: z.boolean(),
  amount: vnd,
  provisional: z.boolean(),
  status: z.enum(CLAIM_STATES),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const claimList = z.object({ total: z.number(), amount: vnd, claims: z.array(claimView) });

export const missedAnswer = z.object({
  total: z.number(),
  communes: z.array(z.object({ code: z.string(), name: z.string(), missed: z.number(), amount: vnd })),
  people: z.array(eligibleClaim.omit({ claimId: true, claimStatus: true }).extend({ fullName: z.string() })),
});

const bilingualText = z.object({ vi: z.string(), en: z.string() });
export const policiesAnswer = z.object({
  ruleSets: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      legalBasis: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      policies: z.array(
        z.object({
          id: policyId,
          name: bilingualText,
          amount: z.object({
            kind: z.string(),
            perDay: vnd.optional(),
            maxDays: z.number().optional(),
            amount: vnd.optional(),
            minDays: z.number().optional(),
            tiers: z.array(z.object({ minDays: z.number(), amount: vnd })).optional(),
          }),
          periodFrom: z.string(),
          periodTo: z.string(),
          clause: z.string(),
          provisional: z.boolean(),
        }),
      ),
      childSupplement: z.object({
        amount: vnd,
        underAge: z.number(),
        clause: z.string(),
        provisional: z.boolean(),
      }),
      employerPolicies: z.array(z.object({ name: bilingualText, terms: z.string(), clause: z.string() })),
    }),
  ),
});

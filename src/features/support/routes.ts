import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  fileResponse,
  idParams,
  isoDate,
  responses,
  unitCode,
} from '../../server/schemas.ts';
import {
  actOnClaim,
  claimsFromRecords,
  createClaim,
  listClaims,
  missedClaims,
  previewClaims,
} from './claims-store.ts';
import { paymentListXlsx } from './payment-list.ts';
import { CLAIM_ACTIONS, CLAIM_STATES, type ClaimAction } from './rules/claim-lifecycle.ts';
import { SUPPORT_RULE_SETS } from './rules/policies.ts';
import { claimList, claimView, missedAnswer, policiesAnswer, policyId, previewAnswer } from './schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const read = { access: { permission: 'support.read' }, personal: true, readOnly: true } as const;
const write = { access: { permission: 'support.write' } } as const;

const ACTION_SUMMARIES: Record<ClaimAction, string> = {
  review: 'The commune has checked the claim: it goes to the district',
  reject: 'The commune refuses the claim (a reason is required)',
  approve: 'The district approves the claim for payment (one payment per person per policy)',
  refuse: 'The district refuses a reviewed claim (a reason is required)',
  pay: 'The district records the claim as paid',
};

export function supportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/support/policies',
    {
      config: { access: { permission: 'support.read' }, readOnly: true },
      schema: {
        tags: ['support'],
        summary:
          'The Resolution 68 policies as dated rule sets: amounts, caps, periods, clauses, provisional flags',
        operationId: 'getSupportPolicies',
        response: responses({ 200: policiesAnswer }),
      },
    },
    async () => ({
      ruleSets: SUPPORT_RULE_SETS.map((s) => ({
        id: s.id,
        name: s.name,
        legalBasis: s.legalBasis,
        effectiveFrom: s.effectiveFrom,
        effectiveTo: s.effectiveTo,
        policies: Object.values(s.policies),
        childSupplement: s.childSupplement,
        employerPolicies: [...s.employerPolicies],
      })),
    }),
  );
  r.post(
    '/api/support/claims/preview',
    {
      config: read,
      schema: {
        tags: ['support'],
        summary:
          "The F0/F1 claims the unit's records make eligible, with days inside the policy's period and amounts (VND)",
        operationId: 'previewSupportClaims',
        querystring: z.object({ unit: unitCode }),
        response: responses({ 200: previewAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      previewClaims(request.ctx.db, request.ctx.scope, request.query.unit, request.ctx.today()),
  );
  r.get(
    '/api/support/missed',
    {
      config: read,
      schema: {
        tags: ['support'],
        summary: '"No one missed": people the records make eligible with no claim, per commune, one page',
        operationId: 'listMissedSupport',
        querystring: z.object({
          unit: unitCode,
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: responses({ 200: missedAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => missedClaims(request.ctx.db, request.ctx.scope, request.query, request.ctx.today()),
  );
  r.get(
    '/api/support/claims',
    {
      config: read,
      schema: {
        tags: ['support'],
        summary: "A unit's support claims, newest first, one page (personal data: audited)",
        operationId: 'listSupportClaims',
        querystring: z.object({
          unit: unitCode,
          status: z.enum(CLAIM_STATES).optional(),
          policy: policyId.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: responses({ 200: claimList, ...errorResponses(403, 404) }),
      },
    },
    async (request) => listClaims(request.ctx.db, request.ctx.scope, request.query),
  );
  r.post(
    '/api/support/claims',
    {
      config: write,
      schema: {
        tags: ['support'],
        summary:
          'A claim for a person of the registry: F0/F1 from the records (no period), or an application with its period',
        operationId: 'createSupportClaim',
        body: z.object({
          personId: z.number().int().positive(),
          policy: policyId,
          from: isoDate.nullish(),
          to: isoDate.nullish(),
          amount: z.number().int().positive().max(100_000_000).nullish(),
          note: z.string().max(1000).nullish(),
        }),
        response: responses({ 200: claimView, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) => createClaim(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.post(
    '/api/support/claims/from-records',
    {
      config: write,
      schema: {
        tags: ['support'],
        summary: "Claims for everyone the unit's closed records make eligible and who has none yet",
        operationId: 'createSupportClaimsFromRecords',
        querystring: z.object({ unit: unitCode }),
        response: responses({
          200: z.object({ created: z.number(), amount: z.number() }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) =>
      claimsFromRecords(request.ctx.db, request.ctx.scope, request.query.unit, request.ctx.today()),
  );
  for (const action of CLAIM_ACTIONS)
    r.post(
      `/api/support/claims/:id/${action}`,
      {
        config: write,
        schema: {
          tags: ['support'],
          summary: ACTION_SUMMARIES[action],
          operationId: `${action}SupportClaim`,
          params: idParams,
          body: z.object({ note: z.string().max(1000).nullish() }).default({}),
          response: responses({ 200: claimView, ...errorResponses(400, 404, 409) }),
        },
      },
      async (request) =>
        actOnClaim(request.ctx.db, request.ctx.scope, request.params.id, action, request.body.note ?? null),
    );
  r.get(
    '/api/support/payment-list.xlsx',
    {
      config: read,
      schema: {
        tags: ['support'],
        summary: "A unit's payment list (approved and paid claims) as .xlsx, with a column for signatures",
        operationId: 'exportSupportPaymentList',
        querystring: z.object({ unit: unitCode, policy: policyId.optional() }),
        response: responses({
          200: fileResponse('The payment list as .xlsx', XLSX),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request, reply) => {
      const { body, unitCode: code } = await paymentListXlsx(
        request.ctx.db,
        request.ctx.scope,
        request.query,
        request.lang,
        request.ctx.today(),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="chi-tra-ho-tro-${code}.xlsx"`)
        .send(body);
    },
  );
}

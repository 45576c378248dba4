import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays } from '../../core/dates.ts';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { createPool, listPools, pendingRetests, recordRetest, setPoolResult } from './pools-store.ts';
import { positivityByWeek } from './positivity-store.ts';
import { createRound, listRounds, roundInScope } from './rounds-store.ts';
import { POOL_RESULTS, ROUND_AREAS } from './rules/testing.ts';
import {
  poolItem,
  poolResponse,
  poolResultResponse,
  positivityResponse,
  retestItem,
  retestTestResponse,
  roundResponse,
} from './testing-schemas.ts';

const individualKind = z.enum(['rapidAntigen', 'pcr']);
const text = z.string().trim().max(200).nullish();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** Testing (issue 15): pooled samples and their retests, mass-testing rounds, positivity by week. */
export function testingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/test-pools',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Record a pooled sample of 2-10 registered persons (result pending)',
        operationId: 'createTestPool',
        body: z.object({
          commune: unitCode,
          roundId: z.number().int().positive().nullish(),
          kind: individualKind,
          sampleDate: isoDate,
          place: text,
          takenBy: text,
          members: z.array(z.number().int().positive()).min(1).max(50),
        }),
        response: responses({ 200: poolResponse, ...errorResponses(400, 404) }),
      },
    },
    async (request) => createPool(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.get(
    '/api/test-pools',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary:
          "A unit's pooled samples with their members, newest first; pending ones (results to enter) unless told",
        operationId: 'listTestPools',
        querystring: z.object({
          unit: unitCode,
          result: z.enum(['pending', ...POOL_RESULTS]).default('pending'),
          ...page,
        }),
        response: responses({
          200: z.object({ total: z.number(), pools: z.array(poolItem) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => listPools(request.ctx.db, request.ctx.scope, request.query),
  );
  r.post(
    '/api/test-pools/:id/result',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: "A pool's result: negative for every member, or positive (each member's retest opened)",
        operationId: 'setTestPoolResult',
        params: idParams,
        body: z.object({ result: z.enum(POOL_RESULTS), resultOn: isoDate, retestBy: text }),
        response: responses({ 200: poolResultResponse, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      setPoolResult(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.get(
    '/api/retests',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: "A unit's retests to take (members of positive pools), due first (personal data: audited)",
        operationId: 'listRetests',
        querystring: z.object({ unit: unitCode, ...page }),
        response: responses({
          200: z.object({ total: z.number(), retests: z.array(retestItem) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => pendingRetests(request.ctx.db, request.ctx.scope, request.query),
  );
  r.post(
    '/api/retests/:id',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: "A pool member's individual retest taken, with its result",
        operationId: 'recordRetest',
        params: idParams,
        body: z.object({
          kind: individualKind,
          sampleDate: isoDate,
          result: z.enum(POOL_RESULTS),
          resultOn: isoDate.nullish(),
          place: text,
          takenBy: text,
        }),
        response: responses({ 200: retestTestResponse, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      recordRetest(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.post(
    '/api/testing-rounds',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'A mass-testing round over a village, a market or a list of households',
        operationId: 'createTestingRound',
        body: z.object({
          commune: unitCode,
          name: z.string().trim().min(1).max(200),
          areaKind: z.enum(ROUND_AREAS),
          villageId: z.number().int().positive().nullish(),
          householdIds: z.array(z.number().int().positive()).max(2000).nullish(),
          expectedPeople: z.number().int().positive().max(1_000_000).nullish(),
          startsOn: isoDate,
          endsOn: isoDate,
        }),
        response: responses({ 200: roundResponse, ...errorResponses(400, 404) }),
      },
    },
    async (request) => createRound(request.ctx.db, request.ctx.scope, request.body),
  );
  r.get(
    '/api/testing-rounds',
    {
      config: { access: { permission: 'cases.read' }, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: "A unit's mass-testing rounds, newest first, each with the share of its area tested",
        operationId: 'listTestingRounds',
        querystring: z.object({ unit: unitCode, ...page }),
        response: responses({
          200: z.object({ total: z.number(), rounds: z.array(roundResponse) }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => listRounds(request.ctx.db, request.ctx.scope, request.query),
  );
  r.get(
    '/api/testing-rounds/:id',
    {
      config: { access: { permission: 'cases.read' }, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: 'One mass-testing round with the share of its area tested and the positives found',
        operationId: 'getTestingRound',
        params: idParams,
        response: responses({ 200: roundResponse, ...errorResponses(404) }),
      },
    },
    async (request) => roundInScope(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.get(
    '/api/tests/positivity',
    {
      config: { access: { permission: 'cases.read' }, readOnly: true },
      schema: {
        tags: ['cases'],
        summary:
          'Tests done, positive and the positivity rate of a unit and the units below it, per ISO week',
        operationId: 'getTestPositivity',
        querystring: z.object({ unit: unitCode, from: isoDate.optional(), to: isoDate.optional() }),
        response: responses({ 200: positivityResponse, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => {
      const to = request.query.to ?? request.ctx.today();
      const from = request.query.from ?? addDays(to, -7 * 7);
      return positivityByWeek(request.ctx.db, request.ctx.scope, { unit: request.query.unit, from, to });
    },
  );
}

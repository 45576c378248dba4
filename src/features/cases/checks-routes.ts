import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamToday } from '../../core/dates.ts';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import {
  checkByTeam,
  checkLinkForm,
  checkThroughLink,
  handleEscalation,
  issueCheckLink,
  listEscalations,
  missedChecks,
} from './checks-store.ts';
import { checkBody, checkResult, escalationItem } from './schemas.ts';

const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[\w-]+$/),
});
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The personal link's routes are public (the token is the key) and run without a request context. */
export function checkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/cases/:id/check-link',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: "Issue the case's personal check link (replaces the old one; dies at release)",
        operationId: 'issueCheckLink',
        params: idParams,
        response: responses({
          200: z.object({ token: z.string(), path: z.string() }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) => issueCheckLink(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.get(
    '/api/check-links/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['cases'],
        summary: "The personal link's form: the given name and today's checks, nothing else",
        operationId: 'getCheckLinkForm',
        params: tokenParams,
        response: responses({
          200: z.object({
            givenName: z.string(),
            day: z.string(),
            checksToday: z.number(),
            checksPerDay: z.number(),
          }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) => checkLinkForm(request.server.db, request.params.token, vietnamToday()),
  );
  r.post(
    '/api/check-links/:token/checks',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['cases'],
        summary: 'A check posted by the person through the link: warning signs raise an escalation at once',
        operationId: 'postCheckThroughLink',
        params: tokenParams,
        body: checkBody,
        response: responses({ 200: checkResult, ...errorResponses(400, 404, 429) }),
      },
    },
    async (request) =>
      checkThroughLink(request.server.db, request.params.token, request.body, vietnamToday(), request.ip),
  );
  r.post(
    '/api/cases/:id/checks',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'A check entered by the team',
        operationId: 'postCheckByTeam',
        params: idParams,
        body: checkBody,
        response: responses({ 200: checkResult, ...errorResponses(400, 404, 409, 429) }),
      },
    },
    async (request) =>
      checkByTeam(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.get(
    '/api/escalations',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: "A unit's escalations, the nearest deadline first (personal data: audited)",
        operationId: 'listEscalations',
        querystring: z.object({
          unit: unitCode,
          status: z.enum(['open', 'handled']).default('open'),
          ...page,
        }),
        response: responses({
          200: z.object({
            total: z.number(),
            escalations: z.array(escalationItem),
          }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      return listEscalations(request.ctx.db, request.ctx.scope, q.unit, q.status, q.limit, q.offset);
    },
  );
  r.post(
    '/api/escalations/:id/handle',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Mark an escalation as acted on',
        operationId: 'handleEscalation',
        params: idParams,
        body: z.object({ note: z.string().max(1000).nullish() }),
        response: responses({
          200: z.object({
            id: z.number(),
            status: z.string(),
            handledAt: z.string(),
            note: z.string().nullable(),
          }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) =>
      handleEscalation(request.ctx.db, request.ctx.scope, request.params.id, request.body.note ?? null),
  );
  r.get(
    '/api/cases/missed-checks',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: 'Cases treated at home with fewer checks than the day asks (personal data: audited)',
        operationId: 'listMissedChecks',
        querystring: z.object({ unit: unitCode, date: isoDate.optional() }),
        response: responses({
          200: z.object({
            day: z.string(),
            cases: z.array(
              z.object({
                caseId: z.number(),
                communeCode: z.string(),
                fullName: z.string(),
                phone: z.string().nullable(),
                checks: z.number(),
              }),
            ),
          }),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request) =>
      missedChecks(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.date ?? request.ctx.today(),
      ),
  );
}

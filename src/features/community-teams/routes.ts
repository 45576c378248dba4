import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { SUPPORT_KINDS, SUPPORT_STATES, SUPPORT_WORKFLOW } from './rules/support-requests.ts';
import { TEAM_DUTIES, TEAM_KINDS } from './rules/teams.ts';
import { requestItem, requestPage, teamItem, teamPage } from './schemas.ts';
import { answerRequest, createRequest, createTeam, listRequests, listTeams, updateTeam } from './store.ts';

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const teamBody = z.object({
  kind: z.enum(TEAM_KINDS),
  name: z.string().max(200),
  leaderName: z.string().max(200).nullish(),
  phone: z.string().max(20).nullish(),
  duties: z.array(z.enum(TEAM_DUTIES)).max(TEAM_DUTIES.length).default([]),
  villageIds: z.array(z.number().int().positive()).max(100),
  members: z
    .array(
      z.object({
        name: z.string().max(200),
        phone: z.string().max(20).nullish(),
        role: z.string().max(100).nullish(),
      }),
    )
    .max(100)
    .default([]),
});

export function communityTeamRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/community-teams',
    {
      config: { access: { permission: 'communityTeams.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['community-teams'],
        summary: "A unit's community teams and inter-household groups: roster, villages, workload (audited)",
        operationId: 'listCommunityTeams',
        querystring: z.object({ unit: unitCode, date: isoDate.optional(), ...page }),
        response: responses({ 200: teamPage, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      listTeams(request.ctx.db, request.ctx.scope, request.query, request.query.date ?? request.ctx.today()),
  );
  r.post(
    '/api/community-teams',
    {
      config: { access: { permission: 'communityTeams.write' } },
      schema: {
        tags: ['community-teams'],
        summary: "Set up a commune's community team or inter-household group",
        operationId: 'createCommunityTeam',
        body: teamBody.extend({ commune: unitCode }),
        response: responses({ 200: teamItem, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => createTeam(request.ctx.db, request.ctx.scope, request.body),
  );
  r.put(
    '/api/community-teams/:id',
    {
      config: { access: { permission: 'communityTeams.write' } },
      schema: {
        tags: ['community-teams'],
        summary: 'Change a team: members, villages, duties, phone',
        operationId: 'updateCommunityTeam',
        params: idParams,
        body: teamBody,
        response: responses({ 200: teamItem, ...errorResponses(400, 404) }),
      },
    },
    async (request) => updateTeam(request.ctx.db, request.ctx.scope, request.params.id, request.body),
  );
  r.get(
    '/api/support-requests',
    {
      config: { access: { permission: 'communityTeams.read' }, readOnly: true },
      schema: {
        tags: ['community-teams'],
        summary:
          "Communes' requests for support (police, army, health, supplies) with their answers; overdue flagged",
        operationId: 'listSupportRequests',
        querystring: z.object({
          unit: unitCode,
          state: z.enum(SUPPORT_STATES).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          ...page,
        }),
        response: responses({ 200: requestPage, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      listRequests(
        request.ctx.db,
        request.ctx.scope,
        { ...request.query, overdue: request.query.overdue === 'true' },
        request.ctx.today(),
      ),
  );
  r.post(
    '/api/support-requests',
    {
      config: { access: { permission: 'supportRequests.write' } },
      schema: {
        tags: ['community-teams'],
        summary: 'A commune asks the district for support, needed by a day',
        operationId: 'createSupportRequest',
        body: z.object({
          commune: unitCode,
          kind: z.enum(SUPPORT_KINDS),
          details: z.string().max(2000),
          neededBy: isoDate,
        }),
        response: responses({ 200: requestItem, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => createRequest(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.post(
    '/api/support-requests/:id/answer',
    {
      config: { access: { permission: 'supportRequests.write' } },
      schema: {
        tags: ['community-teams'],
        summary: "The district's answer to a request, or its refusal with the reason",
        operationId: 'answerSupportRequest',
        params: idParams,
        body: z.object({
          action: z.enum(SUPPORT_WORKFLOW.actionNames as ['answer', 'refuse']),
          answer: z.string().max(2000).nullish(),
        }),
        response: responses({ 200: requestItem, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      answerRequest(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
}

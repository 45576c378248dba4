import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, noContent, patchBody, responses, unitCode } from '../../server/schemas.ts';
import {
  createdResponse,
  memberBody,
  steeringMembersResponse,
  supervisionVisitsResponse,
  visitBody,
  visitTask,
} from './schemas.ts';
import {
  createMember,
  createVisit,
  deleteMember,
  deleteVisit,
  listMembers,
  listVisits,
  updateMember,
  updateVisit,
} from './steering-store.ts';

export function steeringRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'directives.read' } } as const;
  const write = { access: { permission: 'directives.write' } } as const;
  const unitQuery = z.object({ unit: unitCode.optional() });

  r.get(
    '/api/steering-members',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['steering-committee'],
        summary: "Members of a unit's steering committee and the area each supervises",
        operationId: 'listSteeringMembers',
        response: responses({ 200: steeringMembersResponse, ...errorResponses(404) }),
        querystring: unitQuery,
      },
    },
    async (request) =>
      listMembers(request.ctx.db, request.ctx.scope, request.query.unit ?? request.ctx.scope.unitCode),
  );

  r.post(
    '/api/steering-members',
    {
      config: write,
      schema: {
        tags: ['steering-committee'],
        summary: 'Add a member to a unit’s steering committee',
        operationId: 'createSteeringMember',
        response: responses({ 201: createdResponse, ...errorResponses(404) }),
        body: memberBody.extend({ unitCode }),
      },
    },
    async (request, reply) => {
      const { unitCode: unit, ...input } = request.body;
      return reply.code(201).send(await createMember(request.ctx.db, request.ctx.scope, unit, input));
    },
  );

  r.patch(
    '/api/steering-members/:id',
    {
      config: write,
      schema: {
        tags: ['steering-committee'],
        summary: 'Edit a member',
        operationId: 'updateSteeringMember',
        response: responses({ 204: noContent, ...errorResponses(404) }),
        params: idParams,
        body: patchBody(memberBody),
      },
    },
    async (request, reply) => {
      await updateMember(request.ctx.db, request.ctx.scope, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/steering-members/:id',
    {
      config: write,
      schema: {
        tags: ['steering-committee'],
        summary: 'Remove a member',
        operationId: 'deleteSteeringMember',
        params: idParams,
        response: responses({ 204: noContent, ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      await deleteMember(request.ctx.db, request.ctx.scope, request.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/supervision-visits',
    {
      config: read,
      schema: {
        tags: ['steering-committee'],
        summary: "A unit's supervision log, newest first, with the tasks each visit opened",
        operationId: 'listSupervisionVisits',
        response: responses({ 200: supervisionVisitsResponse, ...errorResponses(404) }),
        querystring: unitQuery,
      },
    },
    async (request) =>
      listVisits(request.ctx.db, request.ctx.scope, request.query.unit ?? request.ctx.scope.unitCode),
  );

  r.post(
    '/api/supervision-visits',
    {
      config: write,
      schema: {
        tags: ['steering-committee'],
        summary: 'Log a supervision visit (date, area, findings) and open tasks from it',
        operationId: 'createSupervisionVisit',
        response: responses({ 201: createdResponse, ...errorResponses(404) }),
        body: visitBody.extend({ unitCode, tasks: z.array(visitTask).max(50).default([]) }),
      },
    },
    async (request, reply) => {
      const { unitCode: unit, ...input } = request.body;
      return reply.code(201).send(await createVisit(request.ctx.db, request.ctx.scope, unit, input));
    },
  );

  r.patch(
    '/api/supervision-visits/:id',
    {
      config: write,
      schema: {
        tags: ['steering-committee'],
        summary: 'Edit a visit',
        operationId: 'updateSupervisionVisit',
        response: responses({ 204: noContent, ...errorResponses(404) }),
        params: idParams,
        body: patchBody(visitBody),
      },
    },
    async (request, reply) => {
      await updateVisit(request.ctx.db, request.ctx.scope, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/supervision-visits/:id',
    {
      config: write,
      schema: {
        tags: ['steering-committee'],
        summary: 'Delete a visit that opened no tasks',
        operationId: 'deleteSupervisionVisit',
        response: responses({ 204: noContent, ...errorResponses(404, 409) }),
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteVisit(request.ctx.db, request.ctx.scope, request.params.id);
      return reply.code(204).send();
    },
  );
}

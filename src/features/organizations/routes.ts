import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, noContent, responses } from '../../server/schemas.ts';
import { ORGANIZATION_KINDS } from './rules.ts';
import { organizationResponse } from './schemas.ts';
import { createOrganization, deleteOrganization, updateOrganization } from './store.ts';

const body = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ORGANIZATION_KINDS),
  shortName: z.string().trim().max(60).nullable().optional(),
});
const json = (o: {
  id: number;
  unit_code: string;
  kind: string;
  name: string;
  short_name: string | null;
}) => ({
  id: o.id,
  unitCode: o.unit_code,
  kind: o.kind,
  name: o.name,
  shortName: o.short_name,
});

export function organizationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { access: { permission: 'units.write' } } as const;

  r.post(
    '/api/admin-units/:code/organizations',
    {
      config: write,
      schema: {
        tags: ['organizations'],
        summary: 'Add an organization to a unit',
        operationId: 'createOrganization',
        response: responses({ 201: organizationResponse, ...errorResponses(404) }),
        params: z.object({ code: z.string().max(5) }),
        body,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          json(
            await createOrganization(request.ctx.db, request.ctx.scope, request.params.code, request.body),
          ),
        ),
  );

  r.patch(
    '/api/organizations/:id',
    {
      config: write,
      schema: {
        tags: ['organizations'],
        summary: 'Edit an organization',
        operationId: 'updateOrganization',
        response: responses({ 200: organizationResponse, ...errorResponses(404) }),
        params: idParams,
        body: body.partial(),
      },
    },
    async (request) =>
      json(await updateOrganization(request.ctx.db, request.ctx.scope, request.params.id, request.body)),
  );

  r.delete(
    '/api/organizations/:id',
    {
      config: write,
      schema: {
        tags: ['organizations'],
        summary: 'Delete an organization',
        operationId: 'deleteOrganization',
        params: idParams,
        response: responses({ 204: noContent, ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      await deleteOrganization(request.ctx.db, request.ctx.scope, request.params.id);
      return reply.code(204).send();
    },
  );
}

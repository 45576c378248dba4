import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unitCode as code, errorResponses, idParams, noContent, responses } from '../../server/schemas.ts';
import { isWithin, VILLAGE_KINDS } from './rules.ts';
import { unitSearchResponse, unitViewResponse, village } from './schemas.ts';
import { createVillage, deleteVillage, searchUnits, unitView, updateVillage } from './store.ts';

const villageBody = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(VILLAGE_KINDS),
  population: z.number().int().min(0).max(1_000_000).nullable().optional(),
});

const unitSummary = (u: {
  code: string;
  name: string;
  name_with_type: string;
  kind: string;
  level: number;
  population: number;
  population_source: string;
}) => ({
  code: u.code,
  name: u.name,
  nameWithType: u.name_with_type,
  kind: u.kind,
  level: u.level,
  population: u.population,
  populationSource: u.population_source,
});

const villageJson = (v: {
  id: number;
  commune_code: string;
  name: string;
  kind: string;
  population: number | null;
  population_source: string;
}) => ({
  id: v.id,
  communeCode: v.commune_code,
  name: v.name,
  kind: v.kind,
  population: v.population,
  populationSource: v.population_source,
});

/** Encoded area pages by the store's details object and the caller's scope (see the route). */
const renderedAreas = new WeakMap<object, Map<string, Buffer>>();

export function adminUnitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin-units/:code',
    {
      config: { access: { permission: 'units.read' } },
      schema: {
        tags: ['admin-units'],
        summary: 'A unit with its children, villages and organizations',
        operationId: 'getAdminUnit',
        response: responses({ 200: unitViewResponse, ...errorResponses(404) }),
        params: z.object({ code }),
      },
    },
    async (request, reply) => {
      const view = await unitView(request.ctx.db, request.ctx.scope, request.params.code);
      const scopeCode = request.ctx.scope.unitCode;
      // The encoded body is kept for as long as the store keeps the unit's details (an edit or 10 s):
      // serialising and encoding ~5 kB of Vietnamese text was most of this read's cost.
      const bodies = renderedAreas.get(view.details) ?? new Map<string, Buffer>();
      renderedAreas.set(view.details, bodies);
      let body = bodies.get(scopeCode);
      if (!body) {
        body = Buffer.from(
          JSON.stringify({
            unit: { ...unitSummary(view.unit), parentCode: view.unit.parent_code },
            path: view.ancestors.map((a) => ({
              code: a.code,
              nameWithType: a.name_with_type,
              level: a.level,
              accessible: isWithin(a, scopeCode),
            })),
            children: view.children.map(unitSummary),
            villages: view.villages.map(villageJson),
            organizations: view.organizations.map((o) => ({
              id: o.id,
              kind: o.kind,
              name: o.name,
              shortName: o.short_name,
            })),
          }),
        );
        bodies.set(scopeCode, body);
      }
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  r.get(
    '/api/admin-units',
    {
      config: { access: { permission: 'units.read' } },
      schema: {
        tags: ['admin-units'],
        summary: "Search units by name (diacritics ignored) within the caller's jurisdiction",
        operationId: 'searchAdminUnits',
        response: responses({ 200: unitSearchResponse }),
        querystring: z.object({ q: z.string().trim().min(1).max(100) }),
      },
    },
    async (request) => {
      const rows = await searchUnits(request.ctx.db, request.ctx.scope, request.query.q);
      return { units: rows.map(unitSummary) };
    },
  );

  r.post(
    '/api/admin-units/:code/villages',
    {
      config: { access: { permission: 'units.write' } },
      schema: {
        tags: ['admin-units'],
        summary: 'Add a village to a commune',
        operationId: 'createVillage',
        response: responses({ 201: village, ...errorResponses(404, 409) }),
        params: z.object({ code }),
        body: villageBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          villageJson(
            await createVillage(request.ctx.db, request.ctx.scope, request.params.code, request.body),
          ),
        ),
  );

  r.patch(
    '/api/villages/:id',
    {
      config: { access: { permission: 'units.write' } },
      schema: {
        tags: ['admin-units'],
        summary: 'Edit a village',
        operationId: 'updateVillage',
        response: responses({ 200: village, ...errorResponses(404, 409) }),
        params: idParams,
        body: villageBody.partial(),
      },
    },
    async (request) =>
      villageJson(await updateVillage(request.ctx.db, request.ctx.scope, request.params.id, request.body)),
  );

  r.delete(
    '/api/villages/:id',
    {
      config: { access: { permission: 'units.write' } },
      schema: {
        tags: ['admin-units'],
        summary: 'Delete a village',
        operationId: 'deleteVillage',
        params: idParams,
        response: responses({ 204: noContent, ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      await deleteVillage(request.ctx.db, request.ctx.scope, request.params.id);
      return reply.code(204).send();
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays } from '../../core/dates.ts';
import { errorResponses, idParams, isoDate, patchBody, responses, unitCode } from '../../server/schemas.ts';
import {
  addClusterCases,
  closeCluster,
  clusterDetail,
  createCluster,
  listClusters,
  removeClusterCase,
} from './clusters-store.ts';
import { chainCase, chainGraph, GRAPH_LIMIT, setCaseSource } from './graph-store.ts';
import {
  chainCase as chainCaseSchema,
  chainGraph as chainGraphSchema,
  clusterBody,
  clusterDetail as clusterDetailSchema,
  clusterItem,
  clusterPage,
  zoneBody,
  zoneDetail as zoneDetailSchema,
  zoneItem,
  zonePage,
} from './schemas.ts';
import {
  addZonePersons,
  createZone,
  listZones,
  removeZonePerson,
  updateZone,
  zoneDetail,
} from './zones-store.ts';

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const flag = z.enum(['0', '1']).optional();
const caseParams = z.object({
  id: z.coerce.number().int().positive(),
  caseId: z.coerce.number().int().positive(),
});
const personParams = z.object({
  id: z.coerce.number().int().positive(),
  personId: z.coerce.number().int().positive(),
});
const ids = z.array(z.number().int().positive()).min(1).max(500);

export function chainRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/cases/chains',
    {
      config: { access: { permission: 'chains.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['chains'],
        summary:
          "The transmission graph of a unit's cases sampled in a window (default: the last 60 days): nodes column by column, edges as pairs; masked labels (audited)",
        operationId: 'getCaseChains',
        querystring: z.object({
          unit: unitCode,
          from: isoDate.optional(),
          to: isoDate.optional(),
          limit: z.coerce.number().int().min(1).max(GRAPH_LIMIT).optional(),
        }),
        response: responses({ 200: chainGraphSchema, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => {
      const to = request.query.to ?? request.ctx.today();
      const from = request.query.from ?? addDays(to, -59);
      return chainGraph(request.ctx.db, request.ctx.scope, { ...request.query, from, to });
    },
  );
  r.get(
    '/api/chains/cases/:id',
    {
      config: { access: { permission: 'chains.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['chains'],
        summary:
          'One case of the graph with the person’s name, its source and clusters (personal data: audited)',
        operationId: 'getChainCase',
        params: idParams,
        response: responses({ 200: chainCaseSchema, ...errorResponses(404) }),
      },
    },
    async (request) => chainCase(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.put(
    '/api/chains/cases/:id/source',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: 'Name the case a case caught the infection from (null: source unknown)',
        operationId: 'setCaseSource',
        params: idParams,
        body: z.object({ sourceCaseId: z.number().int().positive().nullable() }),
        response: responses({ 200: chainCaseSchema, ...errorResponses(400, 404) }),
      },
    },
    async (request) =>
      setCaseSource(request.ctx.db, request.ctx.scope, request.params.id, request.body.sourceCaseId),
  );

  r.get(
    '/api/clusters',
    {
      config: { access: { permission: 'chains.read' }, readOnly: true },
      schema: {
        tags: ['chains'],
        summary: "A unit's clusters (ổ dịch), newest first, one page, with their number of cases",
        operationId: 'listClusters',
        querystring: z.object({ unit: unitCode, open: flag, ...page }),
        response: responses({ 200: clusterPage, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      listClusters(request.ctx.db, request.ctx.scope, { ...request.query, open: request.query.open === '1' }),
  );
  r.post(
    '/api/clusters',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary:
          'Open a cluster of a commune (a household, a market, a factory, a school…) with its first cases',
        operationId: 'createCluster',
        body: clusterBody,
        response: responses({ 200: clusterItem, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => createCluster(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.get(
    '/api/clusters/:id',
    {
      config: { access: { permission: 'chains.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['chains'],
        summary: 'A cluster with its cases (masked labels: audited)',
        operationId: 'getCluster',
        params: idParams,
        response: responses({ 200: clusterDetailSchema, ...errorResponses(404) }),
      },
    },
    async (request) => clusterDetail(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.post(
    '/api/clusters/:id/cases',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: 'Add cases to a cluster',
        operationId: 'addClusterCases',
        params: idParams,
        body: z.object({ caseIds: ids }),
        response: responses({ 200: clusterItem, ...errorResponses(400, 404) }),
      },
    },
    async (request) =>
      addClusterCases(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body.caseIds,
        request.ctx.today(),
      ),
  );
  r.delete(
    '/api/clusters/:id/cases/:caseId',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: 'Remove a case from a cluster',
        operationId: 'removeClusterCase',
        params: caseParams,
        response: responses({ 200: clusterItem, ...errorResponses(404) }),
      },
    },
    async (request) =>
      removeClusterCase(request.ctx.db, request.ctx.scope, request.params.id, request.params.caseId),
  );
  r.post(
    '/api/clusters/:id/close',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: 'Close a cluster on a day',
        operationId: 'closeCluster',
        params: idParams,
        body: z.object({ closedOn: isoDate }),
        response: responses({ 200: clusterItem, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      closeCluster(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body.closedOn,
        request.ctx.today(),
      ),
  );

  r.get(
    '/api/containment-zones',
    {
      config: { access: { permission: 'chains.read' }, readOnly: true },
      schema: {
        tags: ['chains'],
        summary: "A unit's containment zones, newest first, one page; active=1: not lifted",
        operationId: 'listContainmentZones',
        querystring: z.object({ unit: unitCode, active: flag, ...page }),
        response: responses({ 200: zonePage, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      listZones(
        request.ctx.db,
        request.ctx.scope,
        { ...request.query, active: request.query.active === '1' },
        request.ctx.today(),
      ),
  );
  r.post(
    '/api/containment-zones',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary:
          'Set up a containment zone (a household, a group of households, a village, a street) with the registry persons inside',
        operationId: 'createContainmentZone',
        body: zoneBody,
        response: responses({ 200: zoneItem, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => createZone(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.get(
    '/api/containment-zones/:id',
    {
      config: { access: { permission: 'chains.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['chains'],
        summary: 'A containment zone with the people inside (personal data: audited)',
        operationId: 'getContainmentZone',
        params: idParams,
        response: responses({ 200: zoneDetailSchema, ...errorResponses(404) }),
      },
    },
    async (request) => zoneDetail(request.ctx.db, request.ctx.scope, request.params.id, request.ctx.today()),
  );
  r.patch(
    '/api/containment-zones/:id',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: 'Move the planned end, change the lifting criteria, or lift the zone (liftedOn)',
        operationId: 'updateContainmentZone',
        params: idParams,
        body: patchBody(
          z.object({
            plannedEndOn: isoDate,
            liftedOn: isoDate.nullable(),
            liftingCriteria: z.string().trim().min(3).max(1000),
          }),
        ),
        response: responses({ 200: zoneItem, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      updateZone(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.post(
    '/api/containment-zones/:id/persons',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: "Add registry persons of the zone's commune to the zone",
        operationId: 'addContainmentZonePersons',
        params: idParams,
        body: z.object({ personIds: ids }),
        response: responses({ 200: zoneItem, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      addZonePersons(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body.personIds,
        request.ctx.today(),
      ),
  );
  r.delete(
    '/api/containment-zones/:id/persons/:personId',
    {
      config: { access: { permission: 'chains.write' } },
      schema: {
        tags: ['chains'],
        summary: 'Take a person out of a containment zone',
        operationId: 'removeContainmentZonePerson',
        params: personParams,
        response: responses({ 200: zoneItem, ...errorResponses(404) }),
      },
    },
    async (request) =>
      removeZonePerson(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.params.personId,
        request.ctx.today(),
      ),
  );
}

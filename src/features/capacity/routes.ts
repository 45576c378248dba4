import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import {
  capacityHistory,
  capacityView,
  createFacility,
  createMobileStation,
  enterFacilityDay,
  enterStationDay,
  enterStationOxygen,
} from './capacity-store.ts';
import { levelChecklists, responsePlan, saveScenario } from './plans-store.ts';
import { measuresFor } from './rules/measures.ts';
import {
  capacityAnswer,
  checklistsAnswer,
  facilityAnswer,
  facilityBody,
  facilityDayAnswer,
  facilityDayBody,
  historyAnswer,
  measuresAnswer,
  oxygenAnswer,
  oxygenBody,
  planAnswer,
  scenarioAnswer,
  scenarioBody,
  stationAnswer,
  stationBody,
  stationDayAnswer,
  stationDayBody,
} from './schemas.ts';

const level = z.coerce.number().int().min(1).max(4);

export function capacityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/capacity',
    {
      config: { access: { permission: 'capacity.read' }, readOnly: true },
      schema: {
        tags: ['capacity'],
        summary:
          "A district's or commune's treatment capacity on a day: facilities, mobile stations, stations' oxygen, criterion 3",
        operationId: 'getCapacity',
        querystring: z.object({ unit: unitCode, date: isoDate.optional() }),
        response: responses({ 200: capacityAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      capacityView(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.date ?? request.ctx.today(),
      ),
  );
  r.get(
    '/api/capacity/history',
    {
      config: { access: { permission: 'capacity.read' }, readOnly: true },
      schema: {
        tags: ['capacity'],
        summary: "A district's or commune's capacity totals by day (at most 92 days)",
        operationId: 'getCapacityHistory',
        querystring: z.object({ unit: unitCode, from: isoDate, to: isoDate }),
        response: responses({ 200: historyAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      capacityHistory(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.from,
        request.query.to,
      ),
  );
  r.post(
    '/api/treatment-facilities',
    {
      config: { access: { permission: 'capacity.write' } },
      schema: {
        tags: ['capacity'],
        summary: 'Register a treatment facility of a unit (audited)',
        operationId: 'createTreatmentFacility',
        body: facilityBody,
        response: responses({ 200: facilityAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => createFacility(request.ctx.db, request.ctx.scope, request.body),
  );
  r.put(
    '/api/treatment-facilities/:id/days',
    {
      config: { access: { permission: 'capacity.write' } },
      schema: {
        tags: ['capacity'],
        summary: "Enter a facility's beds, ICU beds, occupancy and oxygen for a day (audited)",
        operationId: 'enterFacilityDay',
        params: idParams,
        body: facilityDayBody,
        response: responses({ 200: facilityDayAnswer, ...errorResponses(404) }),
      },
    },
    async (request) =>
      enterFacilityDay(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body,
        request.ctx.today(),
      ),
  );
  r.post(
    '/api/mobile-stations',
    {
      config: { access: { permission: 'capacity.write' } },
      schema: {
        tags: ['capacity'],
        summary: 'Set up a mobile medical station with the area it serves (communes, villages; audited)',
        operationId: 'createMobileStation',
        body: stationBody,
        response: responses({ 200: stationAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      createMobileStation(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.put(
    '/api/mobile-stations/:id/days',
    {
      config: { access: { permission: 'capacity.write' } },
      schema: {
        tags: ['capacity'],
        summary: "Enter a mobile station's staff and oxygen cylinders for a day, or close it (audited)",
        operationId: 'enterMobileStationDay',
        params: idParams,
        body: stationDayBody,
        response: responses({ 200: stationDayAnswer, ...errorResponses(404) }),
      },
    },
    async (request) =>
      enterStationDay(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body,
        request.ctx.today(),
      ),
  );
  r.put(
    '/api/station-oxygen',
    {
      config: { access: { permission: 'capacity.write' } },
      schema: {
        tags: ['capacity'],
        summary: "Enter a commune health station's oxygen for a day (audited)",
        operationId: 'enterStationOxygen',
        body: oxygenBody,
        response: responses({ 200: oxygenAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => {
      const { unit, ...figures } = request.body;
      return enterStationOxygen(request.ctx.db, request.ctx.scope, unit, figures, request.ctx.today());
    },
  );
  r.get(
    '/api/measures',
    {
      config: { access: { permission: 'capacity.read' }, readOnly: true },
      schema: {
        tags: ['capacity'],
        summary:
          'The measures of a level in force on a day, per activity (Resolution 128; provisional ones flagged)',
        operationId: 'getMeasures',
        querystring: z.object({ level, date: isoDate.optional() }),
        response: responses({ 200: measuresAnswer, ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      const m = measuresFor(request.query.level as 1, request.query.date ?? request.ctx.today());
      if (!m)
        return reply.code(404).send({
          error: { code: 'not_found', message: 'No measures before Resolution 128 (11/10/2021)' },
        }) as never;
      return m;
    },
  );
  r.get(
    '/api/response-plans',
    {
      config: { access: { permission: 'capacity.read' }, readOnly: true },
      schema: {
        tags: ['capacity'],
        summary: "A unit's response plan: its scenario per level (or the one it inherits) and the measures",
        operationId: 'getResponsePlan',
        querystring: z.object({ unit: unitCode, date: isoDate.optional() }),
        response: responses({ 200: planAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      responsePlan(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.date ?? request.ctx.today(),
      ),
  );
  r.put(
    '/api/response-plans/scenarios',
    {
      config: { access: { permission: 'plans.write' } },
      schema: {
        tags: ['capacity'],
        summary: "Save a unit's scenario for a level: resources and actions (who acts, by when; audited)",
        operationId: 'saveResponseScenario',
        body: scenarioBody.extend({ unit: unitCode, level: z.number().int().min(1).max(4) }),
        response: responses({ 200: scenarioAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => {
      const { unit, level: at, ...scenario } = request.body;
      return saveScenario(request.ctx.db, request.ctx.scope, unit, at, scenario);
    },
  );
  r.get(
    '/api/response-plans/checklists',
    {
      config: { access: { permission: 'capacity.read' }, readOnly: true },
      schema: {
        tags: ['capacity'],
        summary: 'The checklists level announcements opened for a unit, with their tasks’ states',
        operationId: 'listLevelChecklists',
        querystring: z.object({ unit: unitCode }),
        response: responses({ 200: checklistsAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => levelChecklists(request.ctx.db, request.ctx.scope, request.query.unit),
  );
}

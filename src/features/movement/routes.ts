import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, vietnamToday } from '../../core/dates.ts';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { arrivalForecast, declareArrival, declareArrivalPublic, listArrivals } from './arrivals-store.ts';
import {
  checkpointShifts,
  closeCheckpoint,
  handOverShift,
  listCheckpoints,
  openCheckpoint,
  recordShift,
} from './checkpoints-store.ts';
import { decideGathering, listGatherings, requestGathering } from './gatherings-store.ts';
import { weekBounds } from './rules/week.ts';
import {
  arrivalBody,
  arrivalCreated,
  arrivalList,
  arrivalsQuery,
  checkpointBody,
  checkpointItem,
  decisionBody,
  forecastAnswer,
  gatheringBody,
  gatheringDecisionBody,
  gatheringItem,
  gatheringList,
  handoverBody,
  shiftBody,
  shiftItem,
  shiftsAnswer,
} from './schemas.ts';

const tags = ['movement'];
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const week = z
  .string()
  .regex(/^\d{4}-W\d{2}$/)
  .describe('ISO week, e.g. 2022-W05');

export function movementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Arrivals and medical declarations.
  r.post(
    '/api/arrival-declarations',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          'The public arrival declaration (no account): throttled per address; answers only "received"',
        operationId: 'declareArrivalPublic',
        body: arrivalBody,
        response: responses({
          202: z.object({ status: z.literal('received') }),
          ...errorResponses(400, 422, 429),
        }),
      },
    },
    async (request, reply) => {
      const answer = await declareArrivalPublic(request.server.db, request.body, vietnamToday(), request.ip);
      return reply.code(202).send(answer);
    },
  );
  r.post(
    '/api/arrivals',
    {
      config: { access: { permission: 'movement.write' } },
      schema: {
        tags,
        summary: 'An arrival declared by staff (checkpoint, commune): answers the record and its plan',
        operationId: 'declareArrival',
        body: arrivalBody,
        response: responses({ 200: arrivalCreated, ...errorResponses(404, 422) }),
      },
    },
    async (request) => declareArrival(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.get(
    '/api/arrivals',
    {
      config: { access: { permission: 'movement.read' }, personal: true, readOnly: true },
      schema: {
        tags,
        summary:
          "The unit's arrivals with something to do on the date, what each must do by when, and the rule set (personal data: audited)",
        operationId: 'listArrivals',
        querystring: arrivalsQuery,
        response: responses({ 200: arrivalList, ...errorResponses(404) }),
      },
    },
    async (request) => {
      const q = request.query;
      return listArrivals(request.ctx.db, request.ctx.scope, q.unit, q.date ?? request.ctx.today(), q);
    },
  );
  r.get(
    '/api/arrivals/forecast',
    {
      config: { access: { permission: 'movement.read' }, readOnly: true },
      schema: {
        tags,
        summary: 'Tết forecast: declared arrivals by day and by origin province and district (counts only)',
        operationId: 'arrivalForecast',
        querystring: z.object({
          unit: unitCode,
          from: isoDate.optional(),
          days: z.coerce.number().int().min(1).max(60).default(21),
        }),
        response: responses({ 200: forecastAnswer, ...errorResponses(404) }),
      },
    },
    async (request) => {
      const q = request.query;
      return arrivalForecast(
        request.ctx.db,
        request.ctx.scope,
        q.unit,
        q.from ?? request.ctx.today(),
        q.days,
      );
    },
  );

  // Checkpoints.
  r.get(
    '/api/checkpoints',
    {
      config: { access: { permission: 'movement.read' }, readOnly: true },
      schema: {
        tags,
        summary: "The unit's checkpoints, open first",
        operationId: 'listCheckpoints',
        querystring: z.object({ unit: unitCode, status: z.enum(['open', 'closed']).optional() }),
        response: responses({
          200: z.object({ checkpoints: z.array(checkpointItem) }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) =>
      listCheckpoints(request.ctx.db, request.ctx.scope, request.query.unit, request.query.status),
  );
  r.post(
    '/api/checkpoints',
    {
      config: { access: { permission: 'movement.decide' } },
      schema: {
        tags,
        summary: 'Open a checkpoint by decision (number, date not after today, signer)',
        operationId: 'openCheckpoint',
        body: checkpointBody,
        response: responses({ 200: checkpointItem, ...errorResponses(404, 422) }),
      },
    },
    async (request) => openCheckpoint(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.post(
    '/api/checkpoints/:id/close',
    {
      config: { access: { permission: 'movement.decide' } },
      schema: {
        tags,
        summary:
          'Close a checkpoint by decision (number, date, signer); 409 `decided` if it was closed meanwhile',
        operationId: 'closeCheckpoint',
        params: idParams,
        body: decisionBody,
        response: responses({ 200: checkpointItem, ...errorResponses(404, 409, 422) }),
      },
    },
    async (request) =>
      closeCheckpoint(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body,
        request.ctx.today(),
      ),
  );
  r.get(
    '/api/checkpoints/:id/shifts',
    {
      config: { access: { permission: 'movement.read' }, personal: true, readOnly: true },
      schema: {
        tags,
        summary: "A checkpoint's latest shifts and their totals (staff names: audited)",
        operationId: 'listCheckpointShifts',
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) }),
        response: responses({ 200: shiftsAnswer, ...errorResponses(404) }),
      },
    },
    async (request) =>
      checkpointShifts(request.ctx.db, request.ctx.scope, request.params.id, request.query.limit),
  );
  r.post(
    '/api/checkpoints/:id/shifts',
    {
      config: { access: { permission: 'movement.write' } },
      schema: {
        tags,
        summary: "A shift's record: staff, counts in and out, turned back, sent to testing",
        operationId: 'recordCheckpointShift',
        params: idParams,
        body: shiftBody,
        response: responses({ 200: shiftItem, ...errorResponses(404, 409, 422) }),
      },
    },
    async (request) => recordShift(request.ctx.db, request.ctx.scope, request.params.id, request.body),
  );
  r.post(
    '/api/checkpoint-shifts/:id/handover',
    {
      config: { access: { permission: 'movement.write' } },
      schema: {
        tags,
        summary: 'Hand a shift over to the next team',
        operationId: 'handOverCheckpointShift',
        params: idParams,
        body: handoverBody,
        response: responses({ 200: shiftItem, ...errorResponses(404, 409) }),
      },
    },
    async (request) =>
      handOverShift(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body.to,
        request.body.note ?? null,
      ),
  );

  // Gatherings.
  r.get(
    '/api/gatherings',
    {
      config: { access: { permission: 'movement.read' }, readOnly: true },
      schema: {
        tags,
        summary: "The unit's festivals and events between two days (default: the next 30 days)",
        operationId: 'listGatherings',
        querystring: z.object({
          unit: unitCode,
          from: isoDate.optional(),
          to: isoDate.optional(),
          status: z.enum(['requested', 'approved', 'refused']).optional(),
          ...page,
        }),
        response: responses({ 200: gatheringList, ...errorResponses(404) }),
      },
    },
    async (request) => {
      const q = request.query;
      const from = q.from ?? request.ctx.today();
      return listGatherings(request.ctx.db, request.ctx.scope, q.unit, {
        ...q,
        from,
        to: q.to ?? addDays(from, 30),
      });
    },
  );
  r.get(
    '/api/gatherings/approved',
    {
      config: { access: { permission: 'movement.read' }, readOnly: true },
      schema: {
        tags,
        summary: "The district's (or any unit's) approved events of a week",
        operationId: 'approvedGatheringsOfWeek',
        querystring: z.object({ unit: unitCode, week, ...page }),
        response: responses({ 200: gatheringList, ...errorResponses(400, 404) }),
      },
    },
    async (request) => {
      const q = request.query;
      const { monday, sunday } = weekBounds(q.week);
      return listGatherings(request.ctx.db, request.ctx.scope, q.unit, {
        from: monday,
        to: sunday,
        status: 'approved',
        limit: q.limit,
        offset: q.offset,
      });
    },
  );
  r.post(
    '/api/gatherings',
    {
      config: { access: { permission: 'movement.write' } },
      schema: {
        tags,
        summary: 'Request an event: answered with the conditions at the commune level on its date',
        operationId: 'requestGathering',
        body: gatheringBody,
        response: responses({ 200: gatheringItem, ...errorResponses(404, 422) }),
      },
    },
    async (request) => requestGathering(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.post(
    '/api/gatherings/:id/decision',
    {
      config: { access: { permission: 'movement.decide' } },
      schema: {
        tags,
        summary:
          'Approve or refuse an event by decision (number, date, signer; reasons for a refusal or against the proposal); 409 `decided` if decided meanwhile',
        operationId: 'decideGathering',
        params: idParams,
        body: gatheringDecisionBody,
        response: responses({ 200: gatheringItem, ...errorResponses(404, 409, 422) }),
      },
    },
    async (request) =>
      decideGathering(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body,
        request.ctx.today(),
      ),
  );
}

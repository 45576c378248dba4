import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, weekStart } from '../../core/dates.ts';
import type { RequestContext } from '../../server/request-context.ts';
import { errorResponses, fileResponse, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { dataValueSet, figuresCsv, measureReports } from './rules/exchange.ts';
import { dataValueSetAnswer, situationSummaryAnswer } from './schemas.ts';
import { type SituationSummary, situationSummaryBody } from './summary-store.ts';

const query = z.object({
  unit: unitCode.optional().describe("Default: the caller's unit"),
  date: isoDate.optional().describe('Default: today'),
});

/** The summary a request asks for, as sent (cached); the exports parse it. */
function summaryOf(ctx: RequestContext, q: { unit?: string; date?: string }) {
  return situationSummaryBody(
    ctx.db,
    ctx.scope,
    q.unit ?? ctx.scope.unitCode,
    q.date ?? ctx.today(),
    ctx.today(),
  );
}

export function situationRoomRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: { permission: 'situationRoom.read' }, readOnly: true } as const;
  const tags = ['situation-room'];

  r.get(
    '/api/situation-room',
    {
      config,
      schema: {
        tags,
        summary:
          "The morning screen of a unit: the day's cases and trend, coverage against the target, treatment in use, communes behind, overdue tasks, the map of levels (ETag: 304 when unchanged)",
        operationId: 'getSituationRoom',
        querystring: query,
        response: responses({
          200: situationSummaryAnswer,
          304: { description: 'Not modified since the entity tag sent in If-None-Match' },
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request, reply) => {
      const { body, etag } = await summaryOf(request.ctx, request.query);
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  r.get(
    '/api/situation-room/summary.csv',
    {
      config,
      schema: {
        tags,
        summary: "The situation room's numbers of the unit and the units below it as CSV (cells neutralised)",
        operationId: 'downloadSituationCsv',
        querystring: query,
        response: responses({
          200: fileResponse('The numbers as CSV (UTF-8 with BOM)', 'text/csv'),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request, reply) => {
      const s = JSON.parse((await summaryOf(request.ctx, request.query)).body) as SituationSummary;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tinh-hinh-${s.unit.code}-${s.date}.csv"`)
        .send(figuresCsv(s.date, [s.figures, ...s.below]));
    },
  );

  r.get(
    '/api/situation-room/dhis2',
    {
      config,
      schema: {
        tags,
        summary:
          'The same numbers as a DHIS2 aggregate data value set (codes as ids: GSO unit codes, SA_* data elements); a week is the ISO week of the date, as of its Sunday',
        operationId: 'getSituationDataValueSet',
        querystring: query.extend({ period: z.enum(['day', 'week']).default('day') }),
        response: responses({ 200: dataValueSetAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => {
      const today = request.ctx.today();
      const day = request.query.date ?? today;
      const type = request.query.period;
      // A week is reported as of its Sunday (or today while it runs): SA_CASES_7D is then its seven days.
      const asOf = type === 'week' ? [addDays(weekStart(day), 6), today].sort()[0]! : day;
      const s = JSON.parse((await summaryOf(request.ctx, { ...request.query, date: asOf })).body);
      return dataValueSet(asOf, type, [s.figures, ...s.below]);
    },
  );

  r.get(
    '/api/situation-room/measure-report',
    {
      config,
      schema: {
        tags,
        summary:
          "FHIR R4 MeasureReports (summary) of the unit's day: case counts and coverage of people 18+, in a collection Bundle",
        operationId: 'getSituationMeasureReport',
        querystring: query,
        response: responses({
          200: fileResponse('A FHIR R4 Bundle (JSON) of MeasureReport resources', 'application/fhir+json'),
          ...errorResponses(403, 404),
        }),
      },
    },
    async (request, reply) => {
      const s = JSON.parse((await summaryOf(request.ctx, request.query)).body) as SituationSummary;
      return reply
        .type('application/fhir+json; charset=utf-8')
        .send(JSON.stringify(measureReports(s.date, s.figures, s.generatedAt)));
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { streamTask } from '../../server/off-thread.ts';
import { errorResponses, fileResponse, idParams, responses } from '../../server/schemas.ts';
import { vaccinationCard } from './card-store.ts';
import { coverage, trend } from './coverage-store.ts';
import { WORKLIST_XLSX_TASK } from './file-tasks.ts';
import { recordRoutes } from './record-routes.ts';
import { BOOSTER_RULE_SETS } from './rules/booster-rules.ts';
import { OVERDUE_AFTER } from './rules/dose-series.ts';
import { MIXES, VACCINES } from './rules/vaccines.ts';
import {
  coverageResponse,
  missedQuery,
  missedResponse,
  targetBody,
  targetProgressResponse,
  targetResponse,
  targetsResponse,
  trendQuery,
  trendResponse,
  unitQuery,
  vaccinationCardResponse,
  vaccinationRulesResponse,
  worklistPageQuery,
  worklistQuery,
  worklistResponse,
} from './schemas.ts';
import { createTarget, listTargets, targetProgress } from './targets-store.ts';
import { missed, worklistPage } from './worklist-store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Coverage, trend, rules, targets, worklists and the person card; doses, imports and sessions in record-routes. */
export function vaccinationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'vaccination.read' } } as const;
  const tags = ['vaccination'];
  const unitOf = (q: { unit?: string }, request: { ctx: { scope: { unitCode: string } } }) =>
    q.unit ?? request.ctx.scope.unitCode;

  r.get(
    '/api/vaccination/coverage',
    {
      config: read,
      schema: {
        tags,
        summary: 'Coverage of a unit and of each unit directly below it, by age group and class (counters)',
        operationId: 'getVaccinationCoverage',
        response: responses({ 200: coverageResponse, ...errorResponses(404) }),
        querystring: unitQuery,
      },
    },
    async (request) => coverage(request.ctx.db, request.ctx.scope, unitOf(request.query, request)),
  );

  r.get(
    '/api/vaccination/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'Weekly trend: people of an age group with a first dose, the primary series, a booster',
        operationId: 'getVaccinationTrend',
        response: responses({ 200: trendResponse, ...errorResponses(404) }),
        querystring: trendQuery,
      },
    },
    async (request) =>
      trend(request.ctx.db, request.ctx.scope, unitOf(request.query, request), request.query.ageGroup),
  );

  r.get(
    '/api/vaccination/rules',
    {
      config: read,
      schema: {
        tags,
        summary: 'Vaccine products, schedules and booster rule sets (provisional values flagged)',
        operationId: 'getVaccinationRules',
        response: responses({ 200: vaccinationRulesResponse }),
      },
    },
    async () => ({
      vaccines: Object.values(VACCINES),
      boosterRuleSets: BOOSTER_RULE_SETS,
      overdueAfterDays: { value: OVERDUE_AFTER.days, provisional: OVERDUE_AFTER.provisional },
      mixes: MIXES,
    }),
  );

  r.get(
    '/api/vaccination/targets',
    {
      config: read,
      schema: {
        tags,
        summary: "Targets that apply to a unit or lie within it, with the unit's progress",
        operationId: 'listVaccinationTargets',
        response: responses({ 200: targetsResponse, ...errorResponses(404) }),
        querystring: unitQuery,
      },
    },
    async (request) => listTargets(request.ctx.db, request.ctx.scope, unitOf(request.query, request)),
  );

  r.post(
    '/api/vaccination/targets',
    {
      config: { access: { permission: 'vaccination.targets' } },
      schema: {
        tags,
        summary: 'Set a target for a unit',
        operationId: 'createVaccinationTarget',
        body: targetBody,
        response: responses({ 201: targetResponse, ...errorResponses(404) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTarget(request.ctx.db, request.ctx.scope, request.body)),
  );

  r.get(
    '/api/vaccination/targets/:id/progress',
    {
      config: read,
      schema: {
        tags,
        summary: 'Progress on a target: people left, pace, projection, communes behind',
        operationId: 'getVaccinationTargetProgress',
        response: responses({ 200: targetProgressResponse, ...errorResponses(404) }),
        params: idParams,
        querystring: unitQuery,
      },
    },
    async (request) =>
      targetProgress(request.ctx.db, request.ctx.scope, request.params.id, request.query.unit),
  );

  r.get(
    '/api/vaccination/worklist',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary:
          'A page (50) of the worklist of a commune or village: not vaccinated, due, overdue, with phones (audited)',
        operationId: 'getVaccinationWorklist',
        response: responses({ 200: worklistResponse, ...errorResponses(404) }),
        querystring: worklistPageQuery,
      },
    },
    async ({ ctx, query }) =>
      worklistPage(ctx.db, ctx.scope, {
        ...workFilter(query),
        page: query.page,
        exceptSession: query.exceptSession,
      }),
  );

  r.get(
    '/api/vaccination/worklist.xlsx',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary: 'The whole worklist as a printable .xlsx (audited)',
        operationId: 'downloadVaccinationWorklist',
        querystring: worklistQuery,
        response: responses({ 200: fileResponse('The worklist as .xlsx', XLSX), ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      const file = await streamTask(request.ctx, WORKLIST_XLSX_TASK, workFilter(request.query));
      return reply
        .header('content-disposition', `attachment; filename="danh-sach-tiem-${request.query.unit}.xlsx"`)
        .type(XLSX)
        .send(file);
    },
  );

  r.get(
    '/api/vaccination/missed',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary: '"No one missed": eligible residents by class, and the missed ones by name (audited)',
        operationId: 'getVaccinationMissed',
        response: responses({ 200: missedResponse, ...errorResponses(404) }),
        querystring: missedQuery,
      },
    },
    async (request) =>
      missed(request.ctx.db, request.ctx.scope, unitOf(request.query, request), request.query.minAge),
  );

  r.get(
    '/api/vaccination/persons/:id/card',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary: "A person's doses, status and contact outcomes (audited)",
        operationId: 'getVaccinationCard',
        params: idParams,
        response: responses({ 200: vaccinationCardResponse, ...errorResponses(404) }),
      },
    },
    async (request) => vaccinationCard(request.ctx.db, request.ctx.scope, request.params.id),
  );

  recordRoutes(app);
}

function workFilter(q: {
  unit: string;
  village?: number;
  list: 'notVaccinated' | 'due' | 'overdue' | 'all';
  minAge: number;
  withoutReason?: boolean;
}) {
  return {
    unitCode: q.unit,
    villageId: q.village,
    list: q.list,
    minAge: q.minAge,
    withoutReason: q.withoutReason,
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../server/schemas.ts';
import { scopeOf } from '../../server/scope.ts';
import { vaccinationCard } from './card-store.ts';
import { coverage, trend } from './coverage-store.ts';
import { recordRoutes } from './record-routes.ts';
import { BOOSTER_RULE_SETS } from './rules/booster-rules.ts';
import { vietnamToday } from './rules/days.ts';
import { OVERDUE_AFTER_DAYS } from './rules/dose-series.ts';
import { VACCINES } from './rules/vaccines.ts';
import { missedQuery, targetBody, trendQuery, unitQuery, worklistQuery } from './schemas.ts';
import { syncStatuses } from './status-store.ts';
import { createTarget, listTargets, targetProgress } from './targets-store.ts';
import { missed, worklist } from './worklist-store.ts';
import { worklistXlsx } from './worklist-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Coverage, trend, rules, targets, worklists and the person card; doses, imports and sessions in record-routes. */
export function vaccinationRoutes(app: FastifyInstance, uploadsDir: string) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'vaccination.read' } } as const;
  const tags = ['vaccination'];
  const unitOf = (q: { unit?: string }, request: { user: { unitCode: string } | null }) =>
    q.unit ?? request.user!.unitCode;

  r.get(
    '/api/vaccination/coverage',
    {
      config: read,
      schema: {
        tags,
        summary: 'Coverage of a unit and of each unit directly below it, by age group and class (counters)',
        querystring: unitQuery,
      },
    },
    async (request) => coverage(app.db, scopeOf(request), unitOf(request.query, request)),
  );

  r.get(
    '/api/vaccination/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'Weekly trend: people of an age group with a first dose, the primary series, a booster',
        querystring: trendQuery,
      },
    },
    async (request) =>
      trend(app.db, scopeOf(request), unitOf(request.query, request), request.query.ageGroup),
  );

  r.get(
    '/api/vaccination/rules',
    {
      config: read,
      schema: {
        tags,
        summary: 'Vaccine products, schedules and booster rule sets (provisional values flagged)',
      },
    },
    async () => ({
      vaccines: Object.values(VACCINES),
      boosterRuleSets: BOOSTER_RULE_SETS,
      overdueAfterDays: { value: OVERDUE_AFTER_DAYS, provisional: true },
    }),
  );

  r.get(
    '/api/vaccination/targets',
    {
      config: read,
      schema: {
        tags,
        summary: "Targets that apply to a unit or lie within it, with the unit's progress",
        querystring: unitQuery,
      },
    },
    async (request) => listTargets(app.db, scopeOf(request), unitOf(request.query, request)),
  );

  r.post(
    '/api/vaccination/targets',
    {
      config: { access: { permission: 'vaccination.targets' } },
      schema: { tags, summary: 'Set a target for a unit', body: targetBody },
    },
    async (request, reply) =>
      reply.code(201).send(await createTarget(app.db, scopeOf(request), request.body)),
  );

  r.get(
    '/api/vaccination/targets/:id/progress',
    {
      config: read,
      schema: {
        tags,
        summary: 'Progress on a target: people left, pace, projection, communes behind',
        params: idParams,
        querystring: unitQuery,
      },
    },
    async (request) => targetProgress(app.db, scopeOf(request), request.params.id, request.query.unit),
  );

  r.get(
    '/api/vaccination/worklist',
    {
      config: read,
      schema: {
        tags,
        summary: 'Worklist of a commune or village: not vaccinated, due, overdue, with phones (audited)',
        querystring: worklistQuery,
      },
    },
    async (request) => worklist(app.db, scopeOf(request), workFilter(request.query)),
  );

  r.get(
    '/api/vaccination/worklist.xlsx',
    {
      config: read,
      schema: { tags, summary: 'The worklist as a printable .xlsx (audited)', querystring: worklistQuery },
    },
    async (request, reply) => {
      const list = await worklist(app.db, scopeOf(request), workFilter(request.query));
      return reply
        .header('content-disposition', `attachment; filename="danh-sach-tiem-${list.unit.code}.xlsx"`)
        .type(XLSX)
        .send(await worklistXlsx(list));
    },
  );

  r.get(
    '/api/vaccination/missed',
    {
      config: read,
      schema: {
        tags,
        summary: '"No one missed": eligible residents by class, and the missed ones by name (audited)',
        querystring: missedQuery,
      },
    },
    async (request) => missed(app.db, scopeOf(request), unitOf(request.query, request), request.query.minAge),
  );

  r.get(
    '/api/vaccination/persons/:id/card',
    {
      config: read,
      schema: { tags, summary: "A person's doses, status and contact outcomes (audited)", params: idParams },
    },
    async (request) => vaccinationCard(app.db, scopeOf(request), request.params.id),
  );

  recordRoutes(app, uploadsDir);
  keepStatusesCurrent(app);
}

/**
 * Registry changes (a large person import, an undone batch) arrive as person events, handled after small
 * writes commit and caught up before each vaccination read; catching up in the background too (events, and
 * people who moved into the next age band) keeps that work out of the pages' requests.
 */
function keepStatusesCurrent(app: FastifyInstance) {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= syncStatuses(app.db, vietnamToday())
      .catch((err) => app.log.error({ err }, 'vaccination status sync failed'))
      .finally(() => {
        running = null;
      });
  }, 10_000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
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

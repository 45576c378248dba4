import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, fileResponse, idParams, responses, unitCode } from '../../server/schemas.ts';
import { awaitingAcceptance } from './awaiting-store.ts';
import { compliance } from './compliance-store.ts';
import { sendFile } from './document-routes.ts';
import {
  actionBody,
  awaitingQuery,
  awaitingResponse,
  complianceResponse,
  inboxQuery,
  inboxResponse,
  reassignBody,
  reportBody,
  reportCreatedResponse,
  taskMovedResponse,
  taskViewResponse,
  UPLOAD_BODY_LIMIT,
} from './schemas.ts';
import { taskReportXlsx } from './task-report.ts';
import { actOnTask, inbox, reassignTask, reportAttachment, reportProgress, taskView } from './tasks-store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function taskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'directives.read' } } as const;
  const report = { access: { permission: 'directives.report' } } as const;

  r.get(
    '/api/tasks/inbox',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary: "Tasks assigned to a unit (default: the caller's), newest first, with counts by state",
        operationId: 'getTaskInbox',
        response: responses({ 200: inboxResponse, ...errorResponses(404) }),
        querystring: inboxQuery,
      },
    },
    async (request) => {
      const { unit, ...rest } = request.query;
      return inbox(request.ctx.db, request.ctx.scope, {
        unitCode: unit ?? request.ctx.scope.unitCode,
        ...rest,
      });
    },
  );

  r.get(
    '/api/tasks/awaiting',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary:
          "Tasks a unit gave (default: the caller's) that were reported done and await its acceptance, oldest first, with the last report",
        operationId: 'getTasksAwaitingAcceptance',
        response: responses({ 200: awaitingResponse, ...errorResponses(404) }),
        querystring: awaitingQuery,
      },
    },
    async (request) => {
      const { unit, ...rest } = request.query;
      return awaitingAcceptance(request.ctx.db, request.ctx.scope, {
        unitCode: unit ?? request.ctx.scope.unitCode,
        ...rest,
      });
    },
  );

  r.get(
    '/api/tasks/export.xlsx',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary:
          "A unit's task report as a spreadsheet: compliance summary and every task assigned within it",
        operationId: 'exportTaskReport',
        response: responses({ 200: fileResponse('The task report as .xlsx', XLSX), ...errorResponses(404) }),
        querystring: z.object({ unit: unitCode.optional() }),
      },
    },
    async (request, reply) => {
      const unit = request.query.unit ?? request.ctx.scope.unitCode;
      const body = await taskReportXlsx(request.ctx.db, request.ctx.scope, unit, request.lang);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="nhiem-vu-${unit}.xlsx"`)
        .send(body);
    },
  );

  r.get(
    '/api/tasks/:id',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary: 'A task with its document, history, progress reports and the actions the caller may take',
        operationId: 'getTask',
        response: responses({ 200: taskViewResponse, ...errorResponses(404) }),
        params: idParams,
      },
    },
    async (request) => taskView(request.ctx.db, request.ctx.scope, request.params.id),
  );

  r.post(
    '/api/tasks/:id/actions',
    {
      config: report,
      schema: {
        tags: ['directives'],
        summary:
          'Move a task: acknowledge, start, reportDone (assignee); accept, return with a reason (issuing or higher unit)',
        operationId: 'actOnTask',
        response: responses({ 200: taskMovedResponse, ...errorResponses(404, 409) }),
        params: idParams,
        body: actionBody,
      },
    },
    async (request) => {
      const { action, ...input } = request.body;
      return actOnTask(request.ctx.db, request.ctx.scope, request.params.id, action, input);
    },
  );

  r.post(
    '/api/tasks/:id/reports',
    {
      config: report,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['directives'],
        summary:
          'A progress report on a task (text, percent, attachment); done: true also reports it done. Answers the new report and the task',
        operationId: 'reportTaskProgress',
        response: responses({ 201: reportCreatedResponse, ...errorResponses(404, 409, 413) }),
        params: idParams,
        body: reportBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reportProgress(request.ctx.db, request.ctx.scope, request.params.id, request.body)),
  );

  r.patch(
    '/api/tasks/:id',
    {
      config: { access: { permission: 'directives.write' } },
      schema: {
        tags: ['directives'],
        summary: 'Give a task not yet acknowledged to another unit or organization (issuing unit)',
        operationId: 'reassignTask',
        response: responses({ 200: taskMovedResponse, ...errorResponses(404, 409) }),
        params: idParams,
        body: reassignBody,
      },
    },
    async (request) => reassignTask(request.ctx.db, request.ctx.scope, request.params.id, request.body),
  );

  r.get(
    '/api/progress-reports/:id/attachment',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['directives'],
        summary: 'The file attached to a progress report',
        operationId: 'downloadProgressReportAttachment',
        params: idParams,
        response: responses({
          200: fileResponse('The attached file, with its own media type', '*/*'),
          ...errorResponses(404),
        }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await reportAttachment(request.ctx.db, request.ctx.scope, request.params.id)),
  );

  r.get(
    '/api/compliance',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary:
          'Per unit below (and per organization of the unit): tasks done on time, late, in progress, not started, overdue',
        operationId: 'getCompliance',
        response: responses({ 200: complianceResponse, ...errorResponses(404) }),
        querystring: z.object({
          unit: unitCode.optional(),
          document: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (request) =>
      compliance(request.ctx.db, request.ctx.scope, {
        unitCode: request.query.unit ?? request.ctx.scope.unitCode,
        documentId: request.query.document,
      }),
  );
}

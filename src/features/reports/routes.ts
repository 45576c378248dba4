import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { errorResponses, fileResponse, idParams, responses } from '../../server/schemas.ts';
import { letterhead, reportDocx, reportXlsx } from './outputs.ts';
import {
  archiveQuery,
  archiveResponse,
  correctionBody,
  dailyQuery,
  draftBody,
  remindResponse,
  reportViewResponse,
  storedReportResponse,
  textsBody,
  viewQuery,
} from './schemas.ts';
import {
  archive,
  correctField,
  editReport,
  openDraft,
  type ReportView,
  remindLate,
  reportView,
  signReport,
  storedReport,
  storedView,
  submitReport,
  unitWithParent,
} from './store.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendDocx(db: Db, reply: FastifyReply, view: ReportView) {
  const { unit, parent } = await unitWithParent(db, view.unit.code);
  const file = await reportDocx(view, letterhead(unit, parent));
  return reply
    .header(
      'content-disposition',
      `attachment; filename="bao-cao-${view.form}-${view.unit.code}-${view.period}.docx"`,
    )
    .type(DOCX)
    .send(file);
}

async function sendXlsx(reply: FastifyReply, view: ReportView) {
  return reply
    .header(
      'content-disposition',
      `attachment; filename="bao-cao-${view.form}-${view.unit.code}-${view.period}.xlsx"`,
    )
    .type(XLSX)
    .send(await reportXlsx(view));
}

/** Reports up the chain: the daily contract, any form's view, drafts, corrections, sign-off, submission, archive. */
export function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const read = { access: { permission: 'reports.read' }, readOnly: true } as const;
  const write = { access: { permission: 'reports.write' } } as const;
  const daily = (q: { unit: string; date?: string }, today: string) => ({
    form: 'daily' as const,
    unitCode: q.unit,
    period: q.date ?? today,
  });

  r.get(
    '/api/reports/daily',
    {
      config: read,
      schema: {
        tags,
        summary:
          "A unit's daily situation report compiled from the records, its state, and the units below missing",
        operationId: 'getDailyReport',
        querystring: dailyQuery,
        response: responses({ 200: reportViewResponse, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) =>
      reportView(
        request.ctx.db,
        request.ctx.scope,
        daily(request.query, request.ctx.today()),
        request.ctx.today(),
      ),
  );
  r.get(
    '/api/reports/daily.docx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The daily report in the official layout (.docx)',
        operationId: 'getDailyReportDocx',
        querystring: dailyQuery,
        response: responses({
          200: fileResponse('The report as .docx', DOCX),
          ...errorResponses(400, 403, 404),
        }),
      },
    },
    async (request, reply) =>
      sendDocx(
        request.ctx.db,
        reply,
        await reportView(
          request.ctx.db,
          request.ctx.scope,
          daily(request.query, request.ctx.today()),
          request.ctx.today(),
        ),
      ),
  );
  r.get(
    '/api/reports/daily.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: "The daily report's tables (.xlsx)",
        operationId: 'getDailyReportXlsx',
        querystring: dailyQuery,
        response: responses({
          200: fileResponse('The tables as .xlsx', XLSX),
          ...errorResponses(400, 403, 404),
        }),
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await reportView(
          request.ctx.db,
          request.ctx.scope,
          daily(request.query, request.ctx.today()),
          request.ctx.today(),
        ),
      ),
  );
  r.get(
    '/api/reports/view',
    {
      config: read,
      schema: {
        tags,
        summary: "A unit's report of any form (daily, weekly, on a directive) for a period",
        operationId: 'getReportView',
        querystring: viewQuery,
        response: responses({ 200: reportViewResponse, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) =>
      reportView(
        request.ctx.db,
        request.ctx.scope,
        { form: request.query.form, unitCode: request.query.unit, period: request.query.period },
        request.ctx.today(),
      ),
  );
  r.get(
    '/api/reports/archive',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Every submitted report of a unit and the units below, newest first (superseded versions marked)',
        operationId: 'listReportArchive',
        querystring: archiveQuery,
        response: responses({ 200: archiveResponse, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      archive(request.ctx.db, request.ctx.scope, {
        unitCode: request.query.unit,
        limit: request.query.limit,
        offset: request.query.offset,
        ...(request.query.form ? { form: request.query.form } : {}),
      }),
  );
  r.get(
    '/api/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One stored version of a report',
        operationId: 'getReport',
        params: idParams,
        response: responses({ 200: storedReportResponse, ...errorResponses(404) }),
      },
    },
    async (request) => storedReport(request.ctx.db, request.ctx.scope, request.params.id),
  );
  r.get(
    '/api/reports/:id/docx',
    {
      config: read,
      schema: {
        tags,
        summary: 'One stored version in the official layout (.docx): the archive copy',
        operationId: 'getReportDocx',
        params: idParams,
        response: responses({ 200: fileResponse('The report as .docx', DOCX), ...errorResponses(404) }),
      },
    },
    async (request, reply) =>
      sendDocx(request.ctx.db, reply, await storedView(request.ctx.db, request.ctx.scope, request.params.id)),
  );
  r.get(
    '/api/reports/:id/xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: "One stored version's tables (.xlsx)",
        operationId: 'getReportXlsx',
        params: idParams,
        response: responses({ 200: fileResponse('The tables as .xlsx', XLSX), ...errorResponses(404) }),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await storedView(request.ctx.db, request.ctx.scope, request.params.id)),
  );
  r.post(
    '/api/reports/drafts',
    {
      config: write,
      schema: {
        tags,
        summary: "Open the unit's draft for a period (revise: a new version after a submitted one)",
        operationId: 'openReportDraft',
        body: draftBody,
        response: responses({ 200: z.object({ id: z.number() }), ...errorResponses(400, 403, 404, 409) }),
      },
    },
    async (request) => {
      const { id } = await openDraft(
        request.ctx.db,
        request.ctx.scope,
        {
          form: request.body.form,
          unitCode: request.body.unit,
          period: request.body.period,
          revise: request.body.revise ?? false,
        },
        request.ctx.today(),
      );
      return { id };
    },
  );
  r.post(
    '/api/reports/:id/texts',
    {
      config: write,
      schema: {
        tags,
        summary: "A draft's free-text sections and number (a signed report returns to draft)",
        operationId: 'editReportTexts',
        params: idParams,
        body: textsBody,
        response: responses({ 200: storedReportResponse, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      editReport(request.ctx.db, request.ctx.scope, request.params.id, {
        ...(request.body.texts ? { texts: request.body.texts } : {}),
        ...(request.body.number === undefined ? {} : { number: request.body.number }),
      }),
  );
  r.post(
    '/api/reports/:id/corrections',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a field: the computed value is kept beside it; the reason is mandatory',
        operationId: 'correctReportField',
        params: idParams,
        body: correctionBody,
        response: responses({ 200: storedReportResponse, ...errorResponses(400, 404, 409) }),
      },
    },
    async (request) =>
      correctField(request.ctx.db, request.ctx.scope, request.params.id, request.body, request.ctx.today()),
  );
  r.post(
    '/api/reports/:id/sign',
    {
      config: { access: { permission: 'reports.sign' } },
      schema: {
        tags,
        summary: 'Sign the report off (its numbers are frozen as compiled now)',
        operationId: 'signReport',
        params: idParams,
        response: responses({ 200: storedReportResponse, ...errorResponses(404, 409) }),
      },
    },
    async (request) => signReport(request.ctx.db, request.ctx.scope, request.params.id, request.ctx.today()),
  );
  r.post(
    '/api/reports/:id/submit',
    {
      config: { access: { permission: 'reports.sign' } },
      schema: {
        tags,
        summary: 'Submit the signed report (by its signer); never changed afterwards',
        operationId: 'submitReport',
        params: idParams,
        response: responses({ 200: storedReportResponse, ...errorResponses(404, 409) }),
      },
    },
    async (request) =>
      submitReport(request.ctx.db, request.ctx.scope, request.params.id, request.ctx.today()),
  );
  r.post(
    '/api/reports/reminders',
    {
      config: write,
      schema: {
        tags,
        summary: 'A reminder task to each unit below late with its report (once per unit and period)',
        operationId: 'remindLateReports',
        body: viewQuery,
        response: responses({ 200: remindResponse, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) =>
      remindLate(
        request.ctx.db,
        request.ctx.scope,
        { form: request.body.form, unitCode: request.body.unit, period: request.body.period },
        request.ctx.today(),
      ),
  );
}

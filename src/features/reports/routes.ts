import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { errorResponses, fileResponse, idParams, responses } from '../../server/schemas.ts';
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

/**
 * The two outputs of a report: the official layout and its tables. Their writers are loaded when a report is
 * first asked for (docx takes ≈ 0.1 s to load, which each start of the server and the CLI would pay).
 */
const outputs = () => import('./outputs.ts');
const OUTPUTS = {
  docx: {
    type: DOCX,
    label: 'in the official layout (.docx)',
    file: async (db: Db, view: ReportView) => {
      const { letterhead, reportDocx } = await outputs();
      const { unit, parent } = await unitWithParent(db, view.unit.code);
      return reportDocx(view, letterhead(unit, parent));
    },
  },
  xlsx: {
    type: XLSX,
    label: 'as tables (.xlsx)',
    file: async (_db: Db, view: ReportView) => (await outputs()).reportXlsx(view),
  },
} as const;

/**
 * One route per output (.docx, .xlsx) of the report a request names: `path` and `operationId` of each output
 * from its extension, the same input schema and the same view.
 */
function outputRoutes(
  app: FastifyInstance,
  route: {
    path: (ext: keyof typeof OUTPUTS) => string;
    operationId: (ext: 'Docx' | 'Xlsx') => string;
    summary: string;
    input: { querystring: typeof dailyQuery } | { params: typeof idParams };
    errors: Parameters<typeof errorResponses>;
    view: (request: FastifyRequest) => Promise<ReportView>;
  },
) {
  for (const ext of ['docx', 'xlsx'] as const) {
    const output = OUTPUTS[ext];
    app.withTypeProvider<ZodTypeProvider>().get(
      route.path(ext),
      {
        config: { access: { permission: 'reports.read' }, readOnly: true },
        schema: {
          tags: ['reports'],
          summary: `${route.summary} ${output.label}`,
          operationId: route.operationId(ext === 'docx' ? 'Docx' : 'Xlsx'),
          ...route.input,
          response: responses({
            200: fileResponse(`The report ${output.label}`, output.type),
            ...errorResponses(...route.errors),
          }),
        },
      },
      async (request, reply) => {
        const view = await route.view(request);
        return reply
          .header(
            'content-disposition',
            `attachment; filename="bao-cao-${view.form}-${view.unit.code}-${view.period}.${ext}"`,
          )
          .type(output.type)
          .send(await output.file(request.ctx.db, view));
      },
    );
  }
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
  outputRoutes(app, {
    path: (ext) => `/api/reports/daily.${ext}`,
    operationId: (ext) => `getDailyReport${ext}`,
    summary: 'The daily report',
    input: { querystring: dailyQuery },
    errors: [400, 403, 404],
    view: (request) =>
      reportView(
        request.ctx.db,
        request.ctx.scope,
        daily(request.query as z.infer<typeof dailyQuery>, request.ctx.today()),
        request.ctx.today(),
      ),
  });
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
  outputRoutes(app, {
    path: (ext) => `/api/reports/:id/${ext}`,
    operationId: (ext) => `getReport${ext}`,
    summary: 'One stored version (the archive copy)',
    input: { params: idParams },
    errors: [404],
    view: (request) =>
      storedView(request.ctx.db, request.ctx.scope, (request.params as z.infer<typeof idParams>).id),
  });
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

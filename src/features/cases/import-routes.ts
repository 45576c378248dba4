import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { reportXlsx } from '../../core/import/report.ts';
import { runTask } from '../../server/off-thread.ts';
import { errorResponses, fileResponse, idParams, responses, unitCode } from '../../server/schemas.ts';
import { recordInScope, unitInScope } from '../admin-units/index.ts';
import type { CaseImportResult } from './import/import-cases.ts';
import type { CaseImportTaskArgs } from './import/import-cases-task.ts';

// Run off the event loop (server/off-thread.ts), like the registry's and the doses' imports.
const IMPORT_TASK = {
  module: new URL('./import/import-cases-task.ts', import.meta.url),
  name: 'importCasesTask',
};

const importNotFound = () => notFound({ vi: 'Không tìm thấy lần nhập.', en: 'Import not found.' });

export const caseImportResult = z.object({
  importId: z.number(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  matched: z.number().int().describe('Cases of persons already registered'),
  newPersons: z.number().int().describe('Persons this import registered, flagged for review'),
  errors: z
    .array(
      z.object({
        row: z.number().int(),
        column: z.string(),
        reason: z.object({ vi: z.string(), en: z.string() }),
      }),
    )
    .describe('The first rejected rows; the report file has them all'),
  committed: z.boolean(),
});

/**
 * A commune's F0 Excel list over HTTP (the CLI's `safeadapt import cases` for the browser): the file is sent
 * once to the registry's upload route (POST /api/persons/uploads: raw body, size cap, zip checks when read),
 * then imported here by the same pipeline as the CLI; the rejected rows as an .xlsx report.
 */
export function caseImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/cases/imports',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: "Import a commune's F0 list uploaded with POST /api/persons/uploads",
        operationId: 'importCases',
        body: z.object({
          uploadId: z.string().uuid(),
          unit: unitCode,
          mode: z.enum(['all-or-nothing', 'valid-rows']).default('valid-rows'),
        }),
        response: responses({ 200: caseImportResult, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => {
      const scope = request.ctx.scope;
      const upload = app.files.open(request.body.uploadId, scope.userId);
      if (!upload) throw notFound({ vi: 'Không tìm thấy tệp đã tải lên.', en: 'Upload not found.' });
      await unitInScope(request.ctx.db, scope, request.body.unit);
      // A committed import used the upload up; one that stored nothing keeps it for a retry.
      return app.files.consume(
        upload,
        (file) =>
          runTask<CaseImportTaskArgs, CaseImportResult>(request.ctx, IMPORT_TASK, {
            path: file.path,
            fileName: file.fileName,
            unitCode: request.body.unit,
            mode: request.body.mode,
          }),
        (result) => !result?.committed,
      );
    },
  );
  r.get(
    '/api/cases/imports/:id/errors',
    {
      config: { access: { permission: 'cases.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['cases'],
        summary: "An F0 list import's rejected rows as .xlsx (row, column, reason)",
        operationId: 'downloadCaseImportErrors',
        params: idParams,
        response: responses({
          200: fileResponse(
            'The rejected rows as .xlsx',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          ...errorResponses(404),
        }),
      },
    },
    async (request, reply) => {
      const { db, scope } = request.ctx;
      const batch = await db.db
        .selectFrom('case_imports')
        .select(['id', 'commune_code'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!batch) throw importNotFound();
      await recordInScope(db, scope, batch.commune_code, importNotFound, batch);
      return reply
        .header('content-disposition', `attachment; filename="loi-nhap-f0-${batch.id}.xlsx"`)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(
          reportXlsx(
            db.db,
            { kind: 'cases', importId: Number(batch.id), sheetName: 'Dòng bị từ chối' },
            { narrowWidth: 12 },
          ),
        );
    },
  );
}

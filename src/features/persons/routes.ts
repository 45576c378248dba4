import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, notFound } from '../../core/errors.ts';
import { MAX_FILE_BYTES } from '../../core/import/file-limits.ts';
import { reportXlsx } from '../../core/import/report.ts';
import { runTask, streamTask } from '../../server/off-thread.ts';
import {
  errorResponses,
  fileNameFrom,
  fileResponse,
  idParams,
  isoDate,
  noContent,
  responses,
  unitCode as unit,
} from '../../server/schemas.ts';
import { forgetAreaDetails, unitInScope } from '../admin-units/index.ts';
import type { ImportResult, ImportTaskArgs } from './import/import-persons.ts';
import {
  batchInScope,
  keepBoth,
  listBatches,
  listReviews,
  mergeReview,
  undoBatch,
  unmerge,
} from './review-store.ts';
import { AGE_BANDS } from './rules/age-bands.ts';
import { PERSON_FIELDS } from './rules/headers.ts';
import { PERSON_STATUSES, PRIORITY_GROUPS } from './rules/person-row.ts';
import {
  duplicateReviewsResponse,
  importBatchesResponse,
  importResultResponse,
  NEW_VILLAGE_CHOICES,
  personListResponse,
  personResponse,
  uploadResponse,
} from './schemas.ts';
import { getPerson, type PersonFilter, searchPersons, updatePerson } from './store.ts';

// Run off the event loop (server/off-thread.ts).
const EXPORT_TASK = { module: new URL('./export.ts', import.meta.url), name: 'exportPersonsTask' };
const IMPORT_TASK = { module: new URL('./import/import-persons.ts', import.meta.url), name: 'importTask' };

const filterQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unit: unit.optional(),
  village: z.coerce.number().int().positive().optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  priority: z.enum(PRIORITY_GROUPS).optional(),
  // At most 200 pages of 50 (10,000 rows): a deeper page is an offset scan of the registry; past it, a 400
  // naming `page` tells the caller to filter (a silent clamp would answer a page it did not ask for).
  page: z.coerce.number().int().min(1).max(200).default(1),
});
const PAGE = 50;

function toFilter(q: z.infer<typeof filterQuery>, limit: number, offset: number): PersonFilter {
  return {
    q: q.q,
    unitCode: q.unit,
    villageId: q.village,
    ageBand: q.ageBand,
    status: q.status,
    priorityGroup: q.priority,
    limit,
    offset,
  };
}

export function personRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'persons.read' } } as const;
  const write = { access: { permission: 'persons.write' } } as const;
  const importing = { access: { permission: 'persons.import' } } as const;

  r.get(
    '/api/persons',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['persons'],
        summary: "Search persons within the caller's jurisdiction (audited)",
        operationId: 'listPersons',
        response: responses({ 200: personListResponse }),
        querystring: filterQuery,
      },
    },
    async (request) => {
      const q = request.query;
      const persons = await searchPersons(
        request.ctx.db,
        request.ctx.scope,
        toFilter(q, PAGE + 1, (q.page - 1) * PAGE),
      );
      const shown = persons.slice(0, PAGE).map(({ name_folded: _, ...p }) => p);
      return { persons: shown, page: q.page, hasMore: persons.length > PAGE };
    },
  );

  r.get(
    '/api/persons/export',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['persons'],
        summary: 'The filtered list as .xlsx or .csv (formula-like cells neutralised; audited)',
        operationId: 'exportPersons',
        response: responses({
          200: fileResponse(
            'The list as .xlsx (format=xlsx, default) or UTF-8 .csv with BOM (format=csv)',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'text/csv',
          ),
        }),
        querystring: filterQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { page: _, format, ...filter } = request.query;
      const name = `danh-sach-${request.query.unit ?? request.ctx.scope.unitCode}`;
      const file = await streamTask(request.ctx, EXPORT_TASK, {
        filter: toFilter({ ...filter, page: 1 }, 0, 0),
        format,
      });
      return reply
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .send(file);
    },
  );

  r.get(
    '/api/persons/:id',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['persons'],
        summary: 'A person and their household (audited)',
        operationId: 'getPerson',
        params: idParams,
        response: responses({ 200: personResponse, ...errorResponses(404) }),
      },
    },
    async (request) => getPerson(request.ctx.db, request.ctx.scope, request.params.id),
  );

  r.patch(
    '/api/persons/:id',
    {
      config: write,
      schema: {
        tags: ['persons'],
        summary:
          "Change a person's status (with its date), phone, village, groups, address, occupation or note (audited)",
        operationId: 'updatePerson',
        response: responses({ 204: noContent, ...errorResponses(404) }),
        params: idParams,
        body: z.object({
          status: z.enum(PERSON_STATUSES).optional(),
          statusDate: isoDate.nullable().optional(), // a calendar date: 2021-02-30 is refused
          phone: z.string().max(30).nullable().optional(),
          villageId: z.number().int().positive().nullable().optional(),
          address: z.string().max(300).nullable().optional(),
          occupation: z.string().max(100).nullable().optional(),
          priorityGroups: z.array(z.enum(PRIORITY_GROUPS)).max(PRIORITY_GROUPS.length).optional(),
          note: z.string().max(500).nullable().optional(),
        }),
      },
    },
    async (request, reply) => {
      await updatePerson(request.ctx.db, request.ctx.scope, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  // Uploads arrive as the raw file body (slow links: no multipart overhead), streamed to disk with a size cap.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { bodyLimit: MAX_FILE_BYTES },
    (_request, payload, done) => done(null, payload),
  );

  r.post(
    '/api/persons/uploads',
    {
      config: importing,
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ['persons'],
        summary: 'Upload a person list (raw .xlsx/.csv body; header x-file-name); answers an upload id',
        operationId: 'uploadPersonList',
        response: responses({ 201: uploadResponse, ...errorResponses(413, 415) }),
        headers: z.object({ 'x-file-name': z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      if (!request.body || typeof (request.body as NodeJS.ReadableStream).pipe !== 'function')
        throw badRequest({ vi: 'Không có tệp.', en: 'No file.' });
      const fileName = fileNameFrom(request.headers['x-file-name']);
      const upload = await app.files.save(
        request.body as NodeJS.ReadableStream,
        { userId: request.user!.id, fileName },
        MAX_FILE_BYTES,
      );
      return reply.code(201).send({ uploadId: upload.id, fileName, bytes: upload.bytes });
    },
  );

  r.post(
    '/api/persons/imports',
    {
      config: importing,
      schema: {
        tags: ['persons'],
        summary:
          'Import an uploaded list into a commune (all-or-nothing or valid rows); villages the commune lacks: ask (nothing stored while the list names some), create, or reject their rows',
        operationId: 'importPersons',
        response: responses({ 200: importResultResponse, ...errorResponses(404) }),
        body: z.object({
          uploadId: z.string().uuid(),
          commune: z.string().regex(/^\d{5}$/),
          mode: z.enum(['all-or-nothing', 'valid-rows']),
          mapping: z.record(z.string().regex(/^\d+$/), z.enum(PERSON_FIELDS).nullable()).optional(),
          headerRow: z.number().int().min(0).optional(),
          newVillages: z.enum(NEW_VILLAGE_CHOICES).default('reject'),
        }),
      },
    },
    async (request) => {
      const scope = request.ctx.scope;
      const upload = app.files.open(request.body.uploadId, scope.userId);
      if (!upload) throw notFound({ vi: 'Không tìm thấy tệp đã tải lên.', en: 'Upload not found.' });
      await unitInScope(request.ctx.db, scope, request.body.commune);
      const mapping = request.body.mapping
        ? Object.fromEntries(Object.entries(request.body.mapping).map(([k, v]) => [Number(k), v]))
        : undefined;
      // A committed import used the upload up; one that stored nothing keeps it for a retry (mode, mapping).
      return app.files.consume(
        upload,
        (file) =>
          runTask<ImportTaskArgs, ImportResult>(request.ctx, IMPORT_TASK, {
            path: file.path,
            fileName: file.fileName,
            communeCode: request.body.commune,
            mode: request.body.mode,
            mapping,
            headerRow: request.body.headerRow,
            newVillages: request.body.newVillages,
          }).then((result) => {
            // The worker created the villages: this process's cached area page must show them.
            if (result.newVillages.some((v) => v.id !== null))
              forgetAreaDetails(request.ctx.db, request.body.commune);
            return result;
          }),
        (result) => !result?.committed,
      );
    },
  );

  r.get(
    '/api/persons/imports',
    {
      config: read,
      schema: {
        tags: ['persons'],
        summary: 'Import batches of a unit',
        operationId: 'listPersonImports',
        response: responses({ 200: importBatchesResponse }),
        querystring: z.object({ unit: unit.optional() }),
      },
    },
    async (request) => ({
      batches: await listBatches(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit ?? request.ctx.scope.unitCode,
      ),
    }),
  );

  r.get(
    '/api/persons/imports/:id/errors',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['persons'],
        summary: 'The rejected rows of an import as .xlsx (row, column, reason)',
        operationId: 'downloadPersonImportErrors',
        response: responses({
          200: fileResponse(
            'The rejected rows as .xlsx',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          ...errorResponses(404),
        }),
        params: idParams,
      },
    },
    async (request, reply) => {
      const batch = await batchInScope(request.ctx.db, request.ctx.scope, request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="loi-nhap-${batch.id}.xlsx"`)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(
          reportXlsx(
            request.ctx.db.db,
            { kind: 'persons', importId: batch.id, sheetName: 'Dòng bị từ chối' },
            { narrowWidth: 12 },
          ),
        );
    },
  );

  r.post(
    '/api/persons/imports/:id/undo',
    {
      config: importing,
      schema: {
        tags: ['persons'],
        summary: 'Undo a committed import',
        operationId: 'undoPersonImport',
        params: idParams,
        response: responses({ 204: noContent, ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      await undoBatch(request.ctx.db, request.ctx.scope, request.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/persons/duplicates',
    {
      config: { ...read, personal: true },
      schema: {
        tags: ['persons'],
        summary: 'Likely duplicates to review (same name and birth date)',
        operationId: 'listDuplicateReviews',
        response: responses({ 200: duplicateReviewsResponse }),
        querystring: z.object({
          unit: unit.optional(),
          status: z.enum(['open', 'merged', 'kept']).default('open'),
        }),
      },
    },
    async (request) => ({
      reviews: await listReviews(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit ?? request.ctx.scope.unitCode,
        request.query.status,
      ),
    }),
  );

  for (const [action, run] of [
    ['merge', mergeReview],
    ['keep', keepBoth],
    ['unmerge', unmerge],
  ] as const)
    r.post(
      `/api/persons/duplicates/:id/${action}`,
      {
        config: write,
        schema: {
          tags: ['persons'],
          summary: `Duplicate review: ${action}`,
          operationId: `${action}DuplicateReview`,
          params: idParams,
          response: responses({ 204: noContent, ...errorResponses(404) }),
        },
      },
      async (request, reply) => {
        await run(request.ctx.db, request.ctx.scope, request.params.id);
        return reply.code(204).send();
      },
    );
}

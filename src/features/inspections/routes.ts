import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, isoDate, responses, unitCode } from '../../server/schemas.ts';
import { importEstablishments } from './import/import-establishments.ts';
import { SECTORS, SIZES } from './rules/checklists.ts';
import {
  assessmentResult,
  establishmentDetail,
  establishmentImport,
  establishmentItem,
  establishmentPage,
  inspectionResult,
  violationBody,
} from './schemas.ts';
import {
  createEstablishment,
  establishmentDetail as detail,
  inspectionTasks,
  listEstablishments,
  recordAssessment,
  recordInspection,
} from './store.ts';

const answers = z.record(z.string().max(40), z.boolean());
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export function inspectionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/establishments',
    {
      config: { access: { permission: 'inspections.read' }, readOnly: true },
      schema: {
        tags: ['inspections'],
        summary:
          "A unit's establishments with their risk class, self-assessment and next inspection, one page",
        operationId: 'listEstablishments',
        querystring: z.object({
          unit: unitCode,
          q: z.string().max(100).optional(),
          sector: z.enum(SECTORS).optional(),
          ...page,
        }),
        response: responses({ 200: establishmentPage, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      listEstablishments(request.ctx.db, request.ctx.scope, request.query, request.ctx.today()),
  );
  r.get(
    '/api/establishments/overdue',
    {
      config: { access: { permission: 'inspections.read' }, readOnly: true },
      schema: {
        tags: ['inspections'],
        summary:
          'Establishments overdue for inspection (interval per risk class, provisional), most overdue first',
        operationId: 'listOverdueEstablishments',
        querystring: z.object({ unit: unitCode, ...page }),
        response: responses({ 200: establishmentPage, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      listEstablishments(
        request.ctx.db,
        request.ctx.scope,
        { ...request.query, overdue: true },
        request.ctx.today(),
      ),
  );
  r.post(
    '/api/establishments',
    {
      config: { access: { permission: 'inspections.write' } },
      schema: {
        tags: ['inspections'],
        summary: 'Register an establishment of a commune (hospital, factory, market, shop, school)',
        operationId: 'createEstablishment',
        body: z.object({
          commune: unitCode,
          name: z.string().trim().min(1).max(200),
          sector: z.enum(SECTORS),
          size: z.enum(SIZES),
          address: z.string().max(300).nullish(),
          ownerName: z.string().max(200).nullish(),
          phone: z.string().max(20).nullish(),
          workers: z.number().int().min(0).max(1_000_000).nullish(),
          registeredOn: isoDate.optional(),
        }),
        response: responses({ 200: establishmentItem, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) =>
      createEstablishment(request.ctx.db, request.ctx.scope, request.body, request.ctx.today()),
  );
  r.post(
    '/api/establishments/imports',
    {
      config: { access: { permission: 'inspections.write' } },
      schema: {
        tags: ['inspections'],
        summary:
          "Import a district's or commune's establishments uploaded with POST /api/persons/uploads (all-or-nothing: a rejected row stores nothing; every rejected row is named)",
        operationId: 'importEstablishments',
        body: z.object({ uploadId: z.string().uuid(), unit: unitCode }),
        response: responses({ 200: establishmentImport, ...errorResponses(400, 403, 404) }),
      },
    },
    async (request) => {
      // A committed import used the upload up; one that stored nothing keeps it for a corrected retry.
      return app.files.importUpload(request.body.uploadId, request.ctx.scope.userId, (file) =>
        importEstablishments(
          request.ctx.db,
          request.ctx.scope,
          { path: file.path, fileName: file.fileName, unitCode: request.body.unit },
          request.ctx.today(),
        ),
      );
    },
  );
  r.get(
    '/api/establishments/:id',
    {
      config: { access: { permission: 'inspections.read' }, personal: true, readOnly: true },
      schema: {
        tags: ['inspections'],
        summary: 'An establishment: contact, checklist of its sector, assessments, inspections (audited)',
        operationId: 'getEstablishment',
        params: idParams,
        response: responses({ 200: establishmentDetail, ...errorResponses(404) }),
      },
    },
    async (request) => detail(request.ctx.db, request.ctx.scope, request.params.id, request.ctx.today()),
  );
  r.post(
    '/api/establishments/:id/assessments',
    {
      config: { access: { permission: 'inspections.write' } },
      schema: {
        tags: ['inspections'],
        summary: 'Record the establishment’s antoancovid-style self-assessment: score, class, valid until',
        operationId: 'recordSafetyAssessment',
        params: idParams,
        body: z.object({ assessedOn: isoDate.optional(), answers }),
        response: responses({ 200: assessmentResult, ...errorResponses(400, 404) }),
      },
    },
    async (request) =>
      recordAssessment(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body,
        request.ctx.today(),
      ),
  );
  r.post(
    '/api/establishments/:id/inspections',
    {
      config: { access: { permission: 'inspections.write' } },
      schema: {
        tags: ['inspections'],
        summary:
          'Record an inspection: checklist, findings, violations and penalties; follow-up tasks to the commune',
        operationId: 'recordInspection',
        params: idParams,
        body: z.object({
          inspectedOn: isoDate.optional(),
          inspectors: z.string().max(300).nullish(),
          answers,
          findings: z.string().max(4000).nullish(),
          violations: z.array(violationBody).max(50).default([]),
        }),
        response: responses({ 200: inspectionResult, ...errorResponses(400, 404) }),
      },
    },
    async (request) =>
      recordInspection(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body,
        request.ctx.today(),
      ),
  );
  r.get(
    '/api/inspections/:id/tasks',
    {
      config: { access: { permission: 'inspections.read' }, readOnly: true },
      schema: {
        tags: ['inspections'],
        summary: 'The follow-up tasks an inspection opened, with their state',
        operationId: 'listInspectionTasks',
        params: idParams,
        response: responses({
          200: z.object({
            tasks: z.array(
              z.object({
                id: z.number(),
                text: z.string(),
                assigneeUnitCode: z.string(),
                deadline: z.string().nullable(),
                state: z.string(),
              }),
            ),
          }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) => ({
      tasks: (await inspectionTasks(request.ctx.db, request.ctx.scope, request.params.id)).map((t) => ({
        id: Number(t.id),
        text: t.text,
        assigneeUnitCode: t.assignee_unit_code,
        deadline: t.deadline,
        state: t.state,
      })),
    }),
  );
}

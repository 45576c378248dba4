import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { streamTask } from '../../server/off-thread.ts';
import { errorResponses, fileResponse, idParams, noContent, responses } from '../../server/schemas.ts';
import { deleteDose, editDose, recordDose } from './doses-store.ts';
import { FHIR_TASK } from './file-tasks.ts';
import { importDoses } from './import/import-doses.ts';
import { importReportXlsx, listDoseImports } from './imports-store.ts';
import { recordOutcome } from './outcomes-store.ts';
import {
  doseBody,
  doseChanges,
  doseEditResponse,
  doseImportResultResponse,
  doseImportsResponse,
  doseResultResponse,
  importBody,
  invitationsBody,
  invitationsResponse,
  outcomeBody,
  outcomeResponse,
  rosterResponse,
  sessionBody,
  sessionDosesBody,
  sessionDosesResponse,
  sessionRecord,
  sessionsResponse,
  unitQuery,
} from './schemas.ts';
import {
  createSession,
  inviteToSession,
  listSessions,
  recordSessionDoses,
  sessionRoster,
} from './sessions-store.ts';

/** Doses (entry, correction, import), contact outcomes, sessions and the FHIR export. */
export function recordRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'vaccination.read' } } as const;
  const write = { access: { permission: 'vaccination.write' } } as const;
  const tags = ['vaccination'];
  const unitOf = (q: { unit?: string }, request: { ctx: { scope: { unitCode: string } } }) =>
    q.unit ?? request.ctx.scope.unitCode;

  r.post(
    '/api/vaccination/doses',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a dose: 201 recorded (with warnings), 200 ignored (already recorded), 400 rejected',
        operationId: 'recordDose',
        response: responses({
          201: doseResultResponse.describe('Recorded (with warnings)'),
          200: doseResultResponse.describe('Ignored: already recorded'),
          ...errorResponses(404),
        }),
        body: doseBody,
      },
    },
    async (request, reply) => {
      const { personId, ...dose } = request.body;
      const result = await recordDose(request.ctx.db, request.ctx.scope, personId, dose);
      return reply.code(result.result === 'recorded' ? 201 : 200).send(result);
    },
  );

  r.patch(
    '/api/vaccination/doses/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a dose (checked again; audited)',
        operationId: 'updateDose',
        response: responses({ 200: doseEditResponse, ...errorResponses(404) }),
        params: idParams,
        body: doseChanges,
      },
    },
    async (request) => editDose(request.ctx.db, request.ctx.scope, request.params.id, request.body),
  );

  r.delete(
    '/api/vaccination/doses/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a dose (audited)',
        operationId: 'deleteDose',
        params: idParams,
        response: responses({ 204: noContent, ...errorResponses(404) }),
      },
    },
    async (request, reply) => {
      await deleteDose(request.ctx.db, request.ctx.scope, request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/vaccination/imports',
    {
      config: write,
      schema: {
        tags,
        summary: 'Import a dose list uploaded with POST /api/persons/uploads (national-platform layout)',
        operationId: 'importDoses',
        response: responses({ 200: doseImportResultResponse, ...errorResponses(404) }),
        body: importBody,
      },
    },
    async (request) => {
      const scope = request.ctx.scope;
      // A committed import used the upload up; one that stored nothing keeps it for a retry.
      return app.files.importUpload(request.body.uploadId, scope.userId, (file) =>
        importDoses(request.ctx.db, {
          path: file.path,
          fileName: file.fileName,
          unitCode: request.body.unit ?? scope.unitCode,
          mode: request.body.mode,
          scope,
          actor: scope,
        }),
      );
    },
  );

  r.get(
    '/api/vaccination/imports',
    {
      config: read,
      schema: {
        tags,
        summary: 'Dose imports of a unit',
        operationId: 'listDoseImports',
        querystring: unitQuery,
        response: responses({ 200: doseImportsResponse, ...errorResponses(404) }),
      },
    },
    async (request) => listDoseImports(request.ctx.db, request.ctx.scope, unitOf(request.query, request)),
  );

  r.get(
    '/api/vaccination/imports/:id/errors',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary: "An import's rejected rows, warnings and ignored rows as .xlsx",
        operationId: 'downloadDoseImportReport',
        response: responses({
          200: fileResponse(
            'The report as .xlsx',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          ...errorResponses(404),
        }),
        params: idParams,
      },
    },
    async (request, reply) =>
      reply
        .header(
          'content-disposition',
          `attachment; filename="bao-cao-nhap-mui-tiem-${request.params.id}.xlsx"`,
        )
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await importReportXlsx(request.ctx.db, request.ctx.scope, request.params.id)),
  );

  r.post(
    '/api/vaccination/outcomes',
    {
      config: { access: { permission: 'vaccination.outcomes' } },
      schema: {
        tags,
        summary: 'Record the outcome of contacting a person (audited)',
        operationId: 'recordContactOutcome',
        body: outcomeBody,
        response: responses({ 201: outcomeResponse, ...errorResponses(404) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordOutcome(request.ctx.db, request.ctx.scope, request.body)),
  );

  r.get(
    '/api/vaccination/sessions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Sessions of a unit and below',
        operationId: 'listVaccinationSessions',
        querystring: unitQuery,
        response: responses({ 200: sessionsResponse, ...errorResponses(404) }),
      },
    },
    async (request) => listSessions(request.ctx.db, request.ctx.scope, unitOf(request.query, request)),
  );

  r.post(
    '/api/vaccination/sessions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan a session in a commune',
        operationId: 'createVaccinationSession',
        body: sessionBody,
        response: responses({ 201: sessionRecord, ...errorResponses(404) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSession(request.ctx.db, request.ctx.scope, request.body)),
  );

  r.get(
    '/api/vaccination/sessions/:id/roster',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary: 'A session, its invitees and the doses recorded (audited)',
        operationId: 'getVaccinationSessionRoster',
        params: idParams,
        response: responses({ 200: rosterResponse, ...errorResponses(404) }),
      },
    },
    async (request) => sessionRoster(request.ctx.db, request.ctx.scope, request.params.id),
  );

  r.post(
    '/api/vaccination/sessions/:id/invitations',
    {
      config: { access: { permission: 'vaccination.outcomes' } },
      schema: {
        tags,
        summary: 'Invite persons of the commune (from its worklist)',
        operationId: 'inviteToVaccinationSession',
        response: responses({ 200: invitationsResponse, ...errorResponses(404) }),
        params: idParams,
        body: invitationsBody,
      },
    },
    async (request) =>
      inviteToSession(request.ctx.db, request.ctx.scope, request.params.id, request.body.personIds),
  );

  r.post(
    '/api/vaccination/sessions/:id/doses',
    {
      config: write,
      schema: {
        tags,
        summary: "Record doses given at a session (its date, vaccine and place); each dose's result",
        operationId: 'recordVaccinationSessionDoses',
        response: responses({ 200: sessionDosesResponse, ...errorResponses(404) }),
        params: idParams,
        body: sessionDosesBody,
      },
    },
    async (request) =>
      recordSessionDoses(request.ctx.db, request.ctx.scope, request.params.id, request.body.doses),
  );

  r.get(
    '/api/vaccination/fhir',
    {
      config: { ...write, personal: true },
      schema: {
        tags,
        summary: 'FHIR R4 Bundle (collection) of Patient and Immunization resources for a unit (audited)',
        operationId: 'exportVaccinationFhir',
        response: responses({
          200: fileResponse(
            'A FHIR R4 Bundle (JSON) of Patient and Immunization resources',
            'application/fhir+json',
          ),
          ...errorResponses(404),
        }),
        querystring: unitQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(await streamTask(request.ctx, FHIR_TASK, { unitCode: unitOf(request.query, request) })),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../core/errors.ts';
import { idParams } from '../../server/schemas.ts';
import { fhirExport } from './card-store.ts';
import { deleteDose, editDose, recordDose } from './doses-store.ts';
import { importDoses } from './import/import-doses.ts';
import { importReportXlsx, listDoseImports } from './imports-store.ts';
import { recordOutcome } from './outcomes-store.ts';
import {
  doseBody,
  doseChanges,
  importBody,
  invitationsBody,
  outcomeBody,
  sessionBody,
  sessionDosesBody,
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
        params: idParams,
        body: doseChanges,
      },
    },
    async (request) => editDose(request.ctx.db, request.ctx.scope, request.params.id, request.body),
  );

  r.delete(
    '/api/vaccination/doses/:id',
    { config: write, schema: { tags, summary: 'Delete a dose (audited)', params: idParams } },
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
        body: importBody,
      },
    },
    async (request) => {
      const scope = request.ctx.scope;
      const upload = app.files.open(request.body.uploadId, scope.userId);
      if (!upload) throw notFound({ vi: 'Không tìm thấy tệp đã tải lên.', en: 'Upload not found.' });
      // A committed import used the upload up; one that stored nothing keeps it for a retry.
      return app.files.consume(
        upload,
        (file) =>
          importDoses(request.ctx.db, {
            path: file.path,
            fileName: file.fileName,
            unitCode: request.body.unit ?? scope.unitCode,
            mode: request.body.mode,
            scope,
            actor: scope,
          }),
        (result) => !result?.committed,
      );
    },
  );

  r.get(
    '/api/vaccination/imports',
    { config: read, schema: { tags, summary: 'Dose imports of a unit', querystring: unitQuery } },
    async (request) => listDoseImports(request.ctx.db, request.ctx.scope, unitOf(request.query, request)),
  );

  r.get(
    '/api/vaccination/imports/:id/errors',
    {
      config: { ...read, personal: true },
      schema: {
        tags,
        summary: "An import's rejected rows, warnings and ignored rows as .xlsx",
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
      schema: { tags, summary: 'Record the outcome of contacting a person (audited)', body: outcomeBody },
    },
    async (request, reply) =>
      reply.code(201).send(await recordOutcome(request.ctx.db, request.ctx.scope, request.body)),
  );

  r.get(
    '/api/vaccination/sessions',
    { config: read, schema: { tags, summary: 'Sessions of a unit and below', querystring: unitQuery } },
    async (request) => listSessions(request.ctx.db, request.ctx.scope, unitOf(request.query, request)),
  );

  r.post(
    '/api/vaccination/sessions',
    { config: write, schema: { tags, summary: 'Plan a session in a commune', body: sessionBody } },
    async (request, reply) =>
      reply.code(201).send(await createSession(request.ctx.db, request.ctx.scope, request.body)),
  );

  r.get(
    '/api/vaccination/sessions/:id/roster',
    {
      config: { ...read, personal: true },
      schema: { tags, summary: 'A session, its invitees and the doses recorded (audited)', params: idParams },
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
        querystring: unitQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(
          JSON.stringify(await fhirExport(request.ctx.db, request.ctx.scope, unitOf(request.query, request))),
        ),
  );
}

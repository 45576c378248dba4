import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponses, fileResponse, idParams, responses } from '../../server/schemas.ts';
import { cascade } from './cascade-store.ts';
import {
  documentOriginalFile,
  documentView,
  listDocuments,
  previewRegistration,
  type RegisterInput,
  registerDocument,
} from './documents-store.ts';
import {
  cascadeNodeResponse,
  documentListQuery,
  documentListResponse,
  documentViewResponse,
  partialDateOf,
  registerBody,
  registrationPreviewResponse,
  UPLOAD_BODY_LIMIT,
} from './schemas.ts';

/** A stored file as a download, its name kept in UTF-8 (RFC 6266). */
export function sendFile(reply: FastifyReply, file: { name: string; media_type: string; content: Buffer }) {
  return reply
    .type(file.media_type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.content);
}

function registerInput(body: z.infer<typeof registerBody>): RegisterInput {
  const { document } = body;
  return {
    ...body,
    document: { ...document, datePartial: document.datePartial ?? partialDateOf(document.date) },
  };
}

export function documentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'directives.read' } } as const;
  const write = { access: { permission: 'directives.write' } } as const;

  r.post(
    '/api/documents/preview',
    {
      config: { ...write, readOnly: true },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['directives'],
        summary:
          'What registering the reviewed document would create (task rows, linked superior), without saving',
        operationId: 'previewDocumentRegistration',
        response: responses({ 200: registrationPreviewResponse, ...errorResponses(404, 413) }),
        body: registerBody,
      },
    },
    async (request) => previewRegistration(request.ctx.db, request.ctx.scope, registerInput(request.body)),
  );

  r.post(
    '/api/documents',
    {
      config: write,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['directives'],
        summary: 'Register a reviewed document in a unit: its tasks are created, one per unit that must act',
        operationId: 'registerDocument',
        response: responses({ 201: documentViewResponse, ...errorResponses(404, 409, 413) }),
        body: registerBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await registerDocument(request.ctx.db, request.ctx.scope, registerInput(request.body))),
  );

  r.get(
    '/api/documents',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary: "A unit's document register (default: the caller's unit), newest first",
        operationId: 'listDocuments',
        response: responses({ 200: documentListResponse, ...errorResponses(404) }),
        querystring: documentListQuery,
      },
    },
    async (request) => {
      const { unit, ...rest } = request.query;
      return listDocuments(request.ctx.db, request.ctx.scope, {
        unitCode: unit ?? request.ctx.scope.unitCode,
        ...rest,
      });
    },
  );

  r.get(
    '/api/documents/:id',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary: 'A document with its tasks (a unit it gave tasks to sees its own tasks only)',
        operationId: 'getDocument',
        response: responses({ 200: documentViewResponse, ...errorResponses(404) }),
        params: idParams,
      },
    },
    async (request) => documentView(request.ctx.db, request.ctx.scope, request.params.id),
  );

  r.get(
    '/api/documents/:id/cascade',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary:
          'The document, its tasks, the documents implementing it and their tasks, down to the communes',
        operationId: 'getDocumentCascade',
        response: responses({ 200: cascadeNodeResponse, ...errorResponses(404) }),
        params: idParams,
      },
    },
    async (request) => cascade(request.ctx.db, request.ctx.scope, request.params.id),
  );

  r.get(
    '/api/documents/:id/original',
    {
      config: read,
      schema: {
        tags: ['directives'],
        summary: 'The original file of a document',
        operationId: 'downloadDocumentOriginal',
        params: idParams,
        response: responses({
          200: fileResponse('The file as uploaded, with its own media type (.docx, .pdf, .txt…)', '*/*'),
          ...errorResponses(404),
        }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await documentOriginalFile(request.ctx.db, request.ctx.scope, request.params.id)),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, responses, unitCode } from '../../server/schemas.ts';
import { addNote, listNotes } from './store.ts';

const note = z.object({ id: z.number(), commune_code: z.string(), text: z.string(), created_at: z.string() });

export function exampleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/example/notes',
    {
      config: { access: { permission: 'example.read' } },
      schema: {
        tags: ['example'],
        summary: "A commune's notes",
        operationId: 'listExampleNotes',
        querystring: z.object({ unit: unitCode }),
        response: responses({ 200: z.object({ notes: z.array(note) }), ...errorResponses(404) }),
      },
    },
    async (request) => ({ notes: await listNotes(request.ctx.db, request.ctx.scope, request.query.unit) }),
  );
  r.post(
    '/api/example/notes',
    {
      config: { access: { permission: 'example.write' } },
      schema: {
        tags: ['example'],
        summary: 'Add a note to a commune (audited)',
        operationId: 'addExampleNote',
        body: z.object({ unit: unitCode, text: z.string().max(1000) }),
        response: responses({ 200: note, ...errorResponses(404) }),
      },
    },
    async (request) => addNote(request.ctx.db, request.ctx.scope, request.body.unit, request.body.text),
  );
}

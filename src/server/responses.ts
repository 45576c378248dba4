/**
 * Response contracts at run time. Every route declares its answers with zod (`schema.response`): they make the
 * OpenAPI document and the web client's types. Checking each answer against them costs a zod pass per request,
 * so the server only JSON.stringifies; the HTTP tests build the app with `validateResponses`, which checks
 * every JSON answer against the schema declared for its status and turns a mismatch into a 500 naming it.
 */
import type { FastifyInstance, FastifySerializerCompiler, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import { errorResponse, errorResponses } from './schemas.ts';
import type { Access } from './types.ts';

/** Answers are serialised as they are: no zod pass, nothing stripped (see the module comment). */
export const plainSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data: unknown) =>
  JSON.stringify(data);

type ResponseSchemas = Record<string, unknown>;

/**
 * The error answers every route shares, added at registration unless the route declares them itself: 400 for
 * routes that read params, a query or a body; 401 for routes behind a session; 403 for routes behind a
 * permission and for writes (CSRF).
 */
export function addSharedErrorResponses(route: RouteOptions, access: Access | undefined) {
  const schema = route.schema as (Record<string, unknown> & { response?: ResponseSchemas }) | undefined;
  if (!schema || schema.hide || !access) return;
  const methods = [route.method].flat();
  const statuses: (400 | 401 | 403)[] = [];
  if (schema.params || schema.querystring || schema.body || schema.headers) statuses.push(400);
  if (!('public' in access)) {
    statuses.push(401);
    if ('permission' in access || methods.some((m) => m !== 'GET' && m !== 'HEAD')) statuses.push(403);
  }
  route.schema = { ...schema, response: { ...errorResponses(...statuses), ...schema.response } };
}

function schemaFor(responses: ResponseSchemas | undefined, status: number): ZodType | 'binary' | null {
  const declared = responses?.[status] ?? responses?.[`${Math.floor(status / 100)}XX`] ?? responses?.default;
  if (!declared) return null;
  if (declared instanceof z.ZodType) return declared;
  const content = (declared as { content?: Record<string, { schema?: unknown }> }).content;
  const schema = content?.['application/json']?.schema;
  if (schema instanceof z.ZodType) return schema;
  return content ? 'binary' : null;
}

/**
 * The OpenAPI transform: fastify-type-provider-zod's, after setting aside the answers without a body (204),
 * which become `type: 'null'` (no content in the document).
 */
export const contractTransform: typeof jsonSchemaTransform = (document) => {
  const response = (document.schema as { response?: ResponseSchemas } | undefined)?.response;
  if (!response) return jsonSchemaTransform(document);
  const empty = Object.entries(response).filter(
    ([, r]) => !(r instanceof z.ZodType) && !(r as { content?: unknown }).content,
  );
  const rest = Object.fromEntries(Object.entries(response).filter(([k]) => !empty.some(([e]) => e === k)));
  const out = jsonSchemaTransform({ ...document, schema: { ...document.schema, response: rest } });
  const transformed = out.schema as { response?: Record<string, unknown> };
  transformed.response = {
    ...transformed.response,
    ...Object.fromEntries(
      empty.map(([k, r]) => [k, { type: 'null', description: (r as { description?: string }).description }]),
    ),
  };
  return out;
};

/** Test mode: every JSON answer must match what its route declares for that status. */
export function installResponseValidation(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return payload;
    const status = reply.statusCode;
    const responses = (request.routeOptions.schema as { response?: ResponseSchemas } | undefined)?.response;
    const where = `${request.method} ${request.routeOptions.url} → ${status}`;
    const drift = (problem: string) => {
      const message = `Response drift: ${where}: ${problem}`;
      console.error(message);
      reply.code(500).type('application/json; charset=utf-8');
      return JSON.stringify({ error: { code: 'response_drift', message } });
    };
    if (status >= 500 || status === 204 || payload === null || payload === undefined) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    const schema = schemaFor(responses, status) ?? (status >= 400 ? errorResponse : null);
    if (!schema) return status < 300 ? drift('no response schema declared for this status') : payload;
    if (schema === 'binary') return payload;
    if (!type.startsWith('application/json'))
      return drift(`declared JSON, sent ${type || 'no content type'}`);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // a stream: not read here
    const result = schema.safeParse(JSON.parse(payload.toString()));
    return result.success ? payload : drift(z.prettifyError(result.error));
  });
}

/** The document's components: the registered schemas, less the request-side copies no operation refers to. */
export const contractTransformObject: typeof jsonSchemaTransformObject = (document) => {
  const out = jsonSchemaTransformObject(document) as ReturnType<typeof jsonSchemaTransformObject> & {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = out.components?.schemas;
  if (schemas) {
    const used = JSON.stringify({ ...out, components: { ...out.components, schemas: {} } });
    for (const name of Object.keys(schemas))
      if (name.endsWith('Input') && !used.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
  return out;
};

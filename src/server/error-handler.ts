import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type Message } from '../core/errors.ts';
import { readBilingual } from './schemas.ts';
import type { Lang } from './types.ts';

const locales = { vi: z.locales.vi(), en: z.locales.en() };

/** The one error shape: { error: { code, message, fields?: [{ field, message }] } }, in the caller's language. */
export function errorBody(
  lang: Lang,
  code: string,
  message: Message,
  fields: { field: string; message: Message }[] = [],
) {
  return {
    error: {
      code,
      message: message[lang],
      ...(fields.length ? { fields: fields.map((f) => ({ field: f.field, message: f.message[lang] })) } : {}),
    },
  };
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = request.lang ?? 'vi';
    if (err instanceof AppError)
      return reply.code(err.status).send(errorBody(lang, err.code, err.text, err.fields));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields = err.validation.map((v) => {
        const issue = { code: v.keyword, ...v.params, path: [], message: v.message } as never;
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
        const own = readBilingual(v.message);
        return {
          field,
          message: {
            vi: `${field}: ${own?.vi ?? locales.vi.localeError(issue) ?? v.message}`,
            en: `${field}: ${own?.en ?? locales.en.localeError(issue) ?? v.message}`,
          },
        };
      });
      return reply
        .code(400)
        .send(errorBody(lang, 'validation', { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid input.' }, fields));
    }
    if (err.statusCode && err.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, body too large, wrong content type): say what, not where.
      const message = { vi: 'Yêu cầu không hợp lệ.', en: 'Malformed request.' };
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const mb = Math.round((request.routeOptions.bodyLimit ?? 0) / 1048576);
        Object.assign(message, {
          vi: `Dữ liệu gửi lên quá lớn (tối đa ${mb} MB).`,
          en: `The request body is too large (at most ${mb} MB).`,
        });
      }
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        Object.assign(message, { vi: 'Kiểu dữ liệu không được hỗ trợ.', en: 'Unsupported content type.' });
      return reply.code(err.statusCode).send(errorBody(lang, err.code ?? 'bad_request', message));
    }
    if (databaseUnavailable(err)) {
      // PostgreSQL restarted or dropped the connection: the pool reconnects on its own; the caller may retry.
      request.log.warn({ err }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send(
          errorBody(lang, 'unavailable', {
            vi: 'Cơ sở dữ liệu tạm thời không kết nối được. Vui lòng thử lại sau ít giây.',
            en: 'The database is briefly unavailable. Please try again in a few seconds.',
          }),
        );
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(
      errorBody(lang, 'internal', {
        vi: 'Lỗi hệ thống. Vui lòng thử lại.',
        en: 'Server error. Please try again.',
      }),
    );
  });
}

/** PostgreSQL's "connection lost / server shutting down / cannot connect" errors, and the socket's own. */
const UNAVAILABLE = new Set([
  '57014', // a statement cancelled by SAFEADAPT_PG_STATEMENT_TIMEOUT_MS: the database is too busy right now
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
]);
function databaseUnavailable(err: { code?: string; message?: string }): boolean {
  return (
    UNAVAILABLE.has(err.code ?? '') ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(err.message ?? '')
  );
}

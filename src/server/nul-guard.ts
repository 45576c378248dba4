import type { FastifyInstance } from 'fastify';
import { badRequest } from '../core/errors.ts';

/** Where a NUL character hides in a parsed request part ('' for the part itself), or null. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  const plain = Array.isArray(value) || (value != null && Object.getPrototypeOf(value) === Object.prototype);
  if (!plain) return null;
  for (const [key, inner] of Object.entries(value as object)) {
    const found = key.includes('\u0000') ? path : nulAt(inner, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a NUL character (U+0000) anywhere in a request's parameters, query or JSON body, naming the field.
 * PostgreSQL's text cannot hold one (SQLite's can): it failed the request with a 500 there (found by fuzzing).
 */
export function installNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of Object.entries({
      params: request.params,
      query: request.query,
      body: request.body,
    })) {
      const at = nulAt(value, '');
      if (at === null) continue;
      const field = at || part;
      const message = {
        vi: `${field}: không được chứa ký tự NUL (U+0000).`,
        en: `${field}: must not contain a NUL character (U+0000).`,
      };
      throw badRequest({ vi: 'Dữ liệu không hợp lệ.', en: 'Invalid input.' }, [{ field, message }]);
    }
  });
}

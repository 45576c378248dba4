/** Request schemas every feature's routes share: unit codes, ids in the path, calendar dates. */
import { z } from 'zod';
import { badRequest, type Message } from '../core/errors.ts';

const PREFIX = 'i18n:';

/**
 * A schema's own message in both languages (zod carries one string): the error handler answers in the caller's
 * language, where zod's generic text would show the pattern itself ("phải khớp với mẫu /^(VN|\d{2}…)$/").
 */
export const bilingual = (message: Message) => PREFIX + JSON.stringify(message);

export function readBilingual(text: string | undefined): Message | null {
  if (!text?.startsWith(PREFIX)) return null;
  return JSON.parse(text.slice(PREFIX.length)) as Message;
}

/** A GSO code: province (2 digits), district (3), commune (5), or VN for the whole country. */
export const unitCode = z.string().regex(
  /^(VN|\d{2}|\d{3}|\d{5})$/,
  bilingual({
    vi: 'mã đơn vị hành chính (mã GSO) gồm 2, 3 hoặc 5 chữ số, hoặc VN',
    en: 'an administrative unit code (GSO): 2, 3 or 5 digits, or VN',
  }),
);
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual({ vi: 'ngày theo dạng yyyy-mm-dd', en: 'a date as yyyy-mm-dd' }))
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    bilingual({ vi: 'không phải một ngày có thật', en: 'not a calendar date' }),
  );

/*
 * Response contracts. Routes declare what they answer with these (OpenAPI, types of the web client); the
 * server does not check its answers at run time, the HTTP tests do (buildApp's `validateResponses`).
 */

/** The one error shape (server/error-handler.ts#errorBody); one component of the OpenAPI document. */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({
    id: 'Error',
    description: "An error, in the caller's language: { error: { code, message, fields? } }",
  });
export type ErrorResponse = z.infer<typeof errorResponse>;

const errorWords = {
  400: 'Invalid input',
  401: 'Not logged in',
  403: 'Not allowed (permission, CSRF token or jurisdiction)',
  404: "Not found (or outside the caller's jurisdiction)",
  409: 'Conflict with the current state',
  413: 'The request body is too large',
  415: 'Unsupported content type',
  422: 'The content could not be processed',
  423: 'The account is locked for a while',
  429: 'Too many attempts',
} as const;
export type ErrorStatus = keyof typeof errorWords;

/** A JSON answer with its description (the OpenAPI response's description). */
export const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error statuses a route may answer, each with the shared error body. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const out = {} as Record<S, ReturnType<typeof json<typeof errorResponse>>>;
  for (const s of statuses) out[s] = json(errorWords[s], errorResponse);
  return out;
}

/** An answer without a body (204). */
export const noContent = { description: 'Done: no content' } as const;

/** A file download: its media type, described (the body is the file's bytes). */
export const fileResponse = (description: string, ...mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(
    mediaTypes.map((t) => [t, { schema: z.string().meta({ format: 'binary', description: 'The file' }) }]),
  ),
});

const SUCCESS_WORDS: Record<number, string> = { 200: 'OK', 201: 'Created' };

/**
 * A route's answers by status, for `schema.response`: a bare zod schema is a JSON answer, described by its own
 * description or by its status. Handlers are not held to them by the type checker (the stores' rows carry
 * plain strings where a contract names an enum, the area page sends bytes it encoded once): the HTTP tests
 * check every answer against them at run time instead (server/responses.ts).
 */
export function responses(byStatus: Record<number, unknown>): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const [status, answer] of Object.entries(byStatus))
    out[Number(status)] =
      answer instanceof z.ZodType
        ? json(answer.description ?? SUCCESS_WORDS[Number(status)] ?? 'Answer', answer)
        : answer;
  return out;
}

/** A PATCH body: any of the fields, but at least one (an empty change is refused with 400, not sent to SQL). */
export function patchBody<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return schema
    .partial()
    .refine((body) => Object.values(body).some((v) => v !== undefined), { message: 'Nothing to change.' });
}

/**
 * The uploaded file's name from the `x-file-name` header (URI-encoded by the web client): a header that is not
 * valid percent-encoding is a 400 naming it, not a URIError.
 */
export function fileNameFrom(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    const message = {
      vi: 'Tên tệp (x-file-name) không hợp lệ.',
      en: 'The x-file-name header is not URI-encoded.',
    };
    throw badRequest(message, [{ field: 'x-file-name', message }]);
  }
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type Message } from '../../core/errors.ts';
import { errorResponses, fileNameFrom, responses } from '../../server/schemas.ts';
import { documentRoutes } from './document-routes.ts';
import { extractLetterText } from './extract-text.ts';
import { tryReadDocument } from './rules/parse-document.ts';
import type { NotALetterReason } from './rules/parsed-document.ts';
import { extractedTextResponse, parseBody, parsedDocumentResponse } from './schemas.ts';
import { steeringRoutes } from './steering-routes.ts';
import { taskRoutes } from './task-routes.ts';

/** Why a text is not read as an official letter, for people (the reason code stays in `code`). */
const REASONS: Record<NotALetterReason, Message> = {
  empty: { vi: 'Văn bản trống.', en: 'The text is empty.' },
  'not-text': { vi: 'Nội dung không phải văn bản chữ.', en: 'The content is not text.' },
  'too-long': {
    vi: 'Văn bản quá dài (tối đa 1.000.000 ký tự).',
    en: 'The text is too long (at most 1,000,000 characters).',
  },
  'no-structure': {
    vi: 'Không nhận ra thể thức văn bản hành chính (Số/ký hiệu, ngày tháng, Kính gửi, Nơi nhận…).',
    en: 'Not laid out as an official document (number/symbol, date, addressees, distribution…).',
  },
  'no-issuer': {
    vi: 'Không tìm thấy cơ quan ban hành ở đầu văn bản.',
    en: 'No issuing body at the top of the document.',
  },
  'no-body': { vi: 'Văn bản không có nội dung chỉ đạo.', en: 'The document has no body.' },
};

/** Parsing, the document register, tasks and compliance, the steering committee. */
export function directiveRoutes(app: FastifyInstance) {
  documentRoutes(app);
  taskRoutes(app);
  steeringRoutes(app);

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/directives/parse',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['directives'],
        summary: 'Parse an official letter (pasted text) into its parts and tasks, without saving it',
        operationId: 'parseDirective',
        response: responses({ 200: parsedDocumentResponse, ...errorResponses(422) }),
        body: parseBody,
      },
    },
    async (request) => {
      const result = tryReadDocument(request.body.text);
      if (!result.ok) throw new AppError(422, result.error.reason, REASONS[result.error.reason]);
      const { document, gaps } = result.reading;
      const gap = gaps[0];
      if (gap && !request.body.partial) throw new AppError(422, gap, REASONS[gap]);
      return { ...document, gaps };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/directives/extract',
    {
      config: { access: { authenticated: true }, readOnly: true },
      bodyLimit: MAX_LETTER_BYTES,
      schema: {
        tags: ['directives'],
        summary:
          'The text of an uploaded letter (.txt or .docx as the raw body; header x-file-name), to parse next',
        operationId: 'extractDirectiveText',
        response: responses({ 200: extractedTextResponse, ...errorResponses(413, 415, 422) }),
        headers: z.object({ 'x-file-name': z.string().min(1).max(200) }),
      },
    },
    async (request) => {
      const bytes = await readBody(request.body, MAX_LETTER_BYTES);
      return { text: await extractLetterText(fileNameFrom(request.headers['x-file-name']), bytes) };
    },
  );
}

/** A letter is a few pages: 10 MB covers a .docx with images. */
const MAX_LETTER_BYTES = 10 * 1024 * 1024;

async function readBody(body: unknown, limit: number): Promise<Buffer> {
  if (!body || typeof (body as AsyncIterable<Buffer>)[Symbol.asyncIterator] !== 'function')
    throw new AppError(400, 'bad_request', { vi: 'Không có tệp.', en: 'No file.' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new AppError(413, 'too_large', {
        vi: 'Tệp quá lớn (tối đa 10 MB).',
        en: 'The file is too large (at most 10 MB).',
      });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

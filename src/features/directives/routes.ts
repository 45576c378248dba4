import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type Message } from '../../core/errors.ts';
import { documentRoutes } from './document-routes.ts';
import { tryParseDocument } from './rules/parse-document.ts';
import type { NotALetterReason } from './rules/parsed-document.ts';
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
        body: z.object({ text: z.string() }),
      },
    },
    async (request) => {
      const result = tryParseDocument(request.body.text);
      if (!result.ok) throw new AppError(422, result.error.reason, REASONS[result.error.reason]);
      return result.document;
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamDayStart } from '../../core/dates.ts';
import { responses } from '../../server/schemas.ts';
import { unitCodesWithin } from '../admin-units/index.ts';
import { AUDIT_ACTIONS } from './rules.ts';
import { auditPageResponse } from './schemas.ts';
import { listAudit } from './store.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'yyyy-mm-dd');

export function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      config: { access: { permission: 'audit.read' }, personal: true },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (admins; entries about units within their jurisdiction)',
        operationId: 'listAuditEntries',
        response: responses({ 200: auditPageResponse }),
        querystring: z.object({
          username: z.string().max(64).optional(),
          action: z.enum(AUDIT_ACTIONS).optional(),
          entity: z.string().max(40).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          // At most 200 pages of 50 (a deeper page is an offset scan): narrow by date, user or action instead.
          page: z.coerce.number().int().min(1).max(200).default(1),
        }),
      },
    },
    async (request) => {
      const { page, ...filter } = request.query;
      const limit = 50;
      const unitCodes = await unitCodesWithin(request.ctx.db, request.ctx.scope.unitCode);
      // Days are Vietnam's (UTC+7, no daylight saving): `from` is inclusive, `to` exclusive.
      const vietnamMidnight = (day: string | undefined) =>
        day ? vietnamDayStart(day.slice(0, 10)) : undefined;
      const result = await listAudit(request.ctx.db, {
        ...filter,
        from: vietnamMidnight(filter.from),
        to: vietnamMidnight(filter.to),
        unitCodes,
        limit,
        offset: (page - 1) * limit,
      });
      return { ...result, page, pageSize: limit };
    },
  );
}

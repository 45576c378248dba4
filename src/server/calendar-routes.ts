import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { calendarSource, vietnamToday } from '../core/dates.ts';
import { responses } from './schemas.ts';

/** GET /api/calendar: the day the server counts as today and where it comes from (the web's demo banner). */
export const calendarResponse = z
  .object({
    today: z.string().describe('yyyy-mm-dd'),
    source: z
      .enum(['clock', 'environment', 'database'])
      .describe("The clock, SAFEADAPT_TODAY, or the as-of day the database keeps (a demo's calendar)"),
  })
  .describe('Today, as the server counts it');

export function calendarRoutes(app: FastifyInstance) {
  app.get(
    '/api/calendar',
    {
      // Public: the login page shows the banner too, and a date is not personal data.
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Today as the server counts it: a demo lives on its own calendar',
        operationId: 'getCalendar',
        response: responses({ 200: calendarResponse }),
      },
    },
    async () => ({ today: vietnamToday(), source: calendarSource() }),
  );
}

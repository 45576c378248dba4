import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { responses } from './schemas.ts';

const jobState = z.object({
  name: z.string(),
  intervalMs: z.number(),
  running: z.boolean(),
  leaseHolder: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastDurationMs: z.number().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  runs: z.number(),
});

/** The background jobs' state (last run, duration, last error, who holds the lease): administrators only. */
export function jobRoutes(app: FastifyInstance) {
  app.get(
    '/api/jobs',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['system'],
        summary: 'Background jobs: lease, last run, duration and last error',
        operationId: 'listJobs',
        response: responses({
          200: z.object({ items: z.array(jobState) }).describe('The jobs and their state'),
        }),
      },
    },
    async () => ({ items: await app.jobs.states() }),
  );
}

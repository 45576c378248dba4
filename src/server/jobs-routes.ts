import type { FastifyInstance } from 'fastify';

/** The background jobs' state (last run, duration, last error, who holds the lease): administrators only. */
export function jobRoutes(app: FastifyInstance) {
  app.get(
    '/api/jobs',
    {
      config: { access: { permission: 'audit.read' } },
      schema: { tags: ['system'], summary: 'Background jobs: lease, last run, duration and last error' },
    },
    async () => ({ items: await app.jobs.states() }),
  );
}

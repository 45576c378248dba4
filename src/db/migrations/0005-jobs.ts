import type { Kysely } from 'kysely';
import type { Engine } from '../connection.ts';

/**
 * Background jobs (core/jobs.ts): one row per named job holding its lease (which process runs it now and
 * until when) and what its last run did, so that one run at a time happens across processes and an
 * administrator sees when each job last ran, for how long, and its last error.
 */
export function jobs(_engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('jobs')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('lease_holder', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('last_started_at', 'text')
        .addColumn('last_finished_at', 'text')
        .addColumn('last_duration_ms', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'text')
        .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';

/**
 * Tasks opened by another capability (a risk level's checklist, an inspection's follow-up, a reminder for a
 * late report) name what opened them, so that it can find and withdraw them when that no longer holds.
 * Tasks from letters and visits keep null.
 */
export function taskSources() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('tasks').addColumn('source_kind', 'text').execute();
      await db.schema.alterTable('tasks').addColumn('source_ref', 'text').execute();
      await db.schema
        .createIndex('tasks_source')
        .on('tasks')
        .columns(['source_kind', 'source_ref', 'state'])
        .execute();
    },
  };
}

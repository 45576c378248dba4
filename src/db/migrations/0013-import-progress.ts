import type { Kysely } from 'kysely';
import type { Engine } from '../connection.ts';
import { idColumn } from './id-column.ts';

/**
 * The import pipeline's own records (core/import/): one job row per import, moved forward in each chunk's
 * transaction (the last file row committed and the counts so far), so that progress shows and a crash
 * resumes after the last committed chunk; and every problem of every row (rejected, warning, ignored),
 * appended chunk by chunk, so that the report is complete however long it is while the answer stays small.
 */
export function importProgress(engine: Engine) {
  const [id, idOptions] = idColumn(engine);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('import_jobs')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('import_id', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_row', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_jobs_pk', ['kind', 'import_id'])
        .execute();
      await db.schema
        .createTable('import_problems')
        .addColumn('id', id, idOptions)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('import_id', 'integer', (c) => c.notNull())
        .addColumn('row', 'integer', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('problem', 'text')
        .addColumn('reason_vi', 'text', (c) => c.notNull())
        .addColumn('reason_en', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('import_problems_by_import')
        .on('import_problems')
        .columns(['kind', 'import_id', 'id'])
        .execute();
    },
  };
}

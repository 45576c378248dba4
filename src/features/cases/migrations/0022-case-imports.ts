import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * A commune's F0 list imported from a file: what it read, stored and refused (its problems are in
 * import_problems, its progress in import_jobs, kind 'cases'). Never edit once applied.
 */
export function caseImports(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('case_imports')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        /** importing, committed or refused. */
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('rows_read', 'integer', (c) => c.notNull())
        .addColumn('imported', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('matched', 'integer', (c) => c.notNull())
        .addColumn('new_persons', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('case_imports_commune')
        .on('case_imports')
        .columns(['commune_code', 'created_at'])
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/** Never edit once applied: add a new migration, then `npm run migrations:record`. */
export function example(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('example_notes')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('example_notes_commune')
        .on('example_notes')
        .column('commune_code')
        .execute();
    },
  };
}

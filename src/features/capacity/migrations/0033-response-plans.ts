import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Response plans (issue 16): each unit's scenario per level (resources, actions), and the checklists level
 * announcements opened as tasks (so the next announcement closes the open ones). Never edit once applied.
 */
export function responsePlans(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('response_scenarios')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('beds', 'integer', (c) => c.notNull())
        .addColumn('teams', 'integer', (c) => c.notNull())
        .addColumn('oxygen_cylinders', 'integer', (c) => c.notNull())
        .addColumn('actions', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('response_scenarios_pk', ['unit_code', 'level'])
        .execute();
      await db.schema
        .createTable('level_checklists')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('source_ref', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('tasks', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('level_checklists_unit')
        .on('level_checklists')
        .columns(['unit_code', 'closed_on'])
        .execute();
    },
  };
}

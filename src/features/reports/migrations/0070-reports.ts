import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/** Reports up the chain (issue 18). Never edit once applied: add a new migration, then `npm run migrations:record`. */
export function reports(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('reports')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('unit_level', 'integer', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('form_version', 'integer', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('computed', 'text', (c) => c.notNull())
        .addColumn('texts', 'text', (c) => c.notNull())
        .addColumn('roll_up', 'text')
        .addColumn('number', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('signed_by', 'integer')
        .addColumn('signed_by_name', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('submitted_by_name', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_local', 'text')
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('reports_unit_period')
        .on('reports')
        .columns(['unit_code', 'form', 'period', 'version'])
        .unique()
        .execute();
      // The roll-up: every report of a form and period in a province (or district), submitted ones first.
      await db.schema
        .createIndex('reports_province_period')
        .on('reports')
        .columns(['province_code', 'form', 'period', 'state'])
        .execute();
      await db.schema
        .createTable('report_corrections')
        .addColumn('id', id, idOptions)
        .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('computed', 'real')
        .addColumn('value', 'real', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('report_corrections_report')
        .on('report_corrections')
        .column('report_id')
        .execute();
    },
  };
}

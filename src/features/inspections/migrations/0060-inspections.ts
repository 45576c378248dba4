import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/** Establishments, their self-assessments, inspections and violations. Never edit once applied. */
export function inspections(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('establishments')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_folded', 'text', (c) => c.notNull())
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('size', 'text', (c) => c.notNull())
        .addColumn('risk_class', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('owner_name', 'text')
        .addColumn('phone', 'text')
        .addColumn('workers', 'integer')
        .addColumn('registered_on', 'text', (c) => c.notNull())
        .addColumn('last_inspected_on', 'text')
        .addColumn('next_due_on', 'text', (c) => c.notNull())
        .addColumn('safety_class', 'text')
        .addColumn('safety_valid_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('establishments_commune')
        .on('establishments')
        .columns(['commune_code', 'name_folded'])
        .execute();
      await db.schema
        .createIndex('establishments_district_due')
        .on('establishments')
        .columns(['district_code', 'next_due_on'])
        .execute();
      await db.schema
        .createTable('safety_assessments')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('establishment_id', 'integer', (c) => c.notNull().references('establishments.id'))
        .addColumn('assessed_on', 'text', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('safety_class', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('safety_assessments_establishment')
        .on('safety_assessments')
        .columns(['establishment_id', 'assessed_on'])
        .execute();
      await db.schema
        .createTable('inspections')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('establishment_id', 'integer', (c) => c.notNull().references('establishments.id'))
        .addColumn('inspected_on', 'text', (c) => c.notNull())
        .addColumn('inspector_unit_code', 'text', (c) => c.notNull())
        .addColumn('inspectors', 'text')
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('safety_class', 'text', (c) => c.notNull())
        .addColumn('findings', 'text')
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inspections_establishment')
        .on('inspections')
        .columns(['establishment_id', 'inspected_on'])
        .execute();
      await db.schema
        .createTable('inspection_violations')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('penalty_kind', 'text')
        .addColumn('penalty_amount', 'integer')
        .addColumn('fix_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inspection_violations_inspection')
        .on('inspection_violations')
        .column('inspection_id')
        .execute();
    },
  };
}

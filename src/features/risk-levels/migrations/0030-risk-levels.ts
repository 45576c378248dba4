import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Risk levels (issue 16): the weekly assessments with their criterion values and rule set, the levels the
 * committees announced (history: rows are only added), and the provinces' own rule-set variants (each version
 * kept). Never edit once applied.
 */
export function riskLevels(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('risk_assessments')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('unit_level', 'integer', (c) => c.notNull())
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('rule_set_version', 'integer', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('population', 'integer', (c) => c.notNull())
        .addColumn('new_cases', 'integer', (c) => c.notNull())
        .addColumn('deaths', 'integer', (c) => c.notNull())
        .addColumn('cases_per_100k', 'double precision')
        .addColumn('coverage', 'double precision')
        .addColumn('capacity_met', 'integer', (c) => c.notNull())
        .addColumn('capacity_known', 'integer', (c) => c.notNull())
        .addColumn('deciding_rule', 'text', (c) => c.notNull())
        /** The whole evaluation (criteria, bands, rules) as JSON: "why this level" as it was computed. */
        .addColumn('why', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('risk_assessments_pk', ['unit_code', 'week', 'rule_set_id'])
        .execute();
      await db.schema
        .createIndex('risk_assessments_province_week')
        .on('risk_assessments')
        .columns(['province_code', 'week'])
        .execute();

      await db.schema
        .createTable('risk_announcements')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('proposed_level', 'integer', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('rule_set_version', 'integer', (c) => c.notNull())
        .addColumn('proposal', 'text', (c) => c.notNull())
        .addColumn('decision_number', 'text', (c) => c.notNull())
        .addColumn('decision_date', 'text', (c) => c.notNull())
        .addColumn('announced_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('risk_announcements_unit_week')
        .on('risk_announcements')
        .columns(['unit_code', 'week'])
        .execute();
      await db.schema
        .createIndex('risk_announcements_province_week')
        .on('risk_announcements')
        .columns(['province_code', 'week'])
        .execute();

      await db.schema
        .createTable('risk_rule_sets')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('risk_rule_sets_pk', ['id', 'version'])
        .execute();
    },
  };
}

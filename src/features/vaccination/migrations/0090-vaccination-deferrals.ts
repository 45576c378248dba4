import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Vaccination deferred by a rule (a recovery from COVID-19, rules.md §6): one row per source (a case), with the
 * rule set that gave its end and whether that rule is provisional. Never edit once applied.
 */
export function vaccinationDeferrals(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('vaccination_deferrals')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull())
        /** What deferred it: 'recovery' (source_ref: the case id). */
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('source_ref', 'text', (c) => c.notNull())
        .addColumn('from_day', 'text', (c) => c.notNull())
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('vaccination_deferrals_source', ['province_code', 'source_kind', 'source_ref'])
        .execute();
      await db.schema
        .createIndex('vaccination_deferrals_person')
        .on('vaccination_deferrals')
        .columns(['person_id', 'until'])
        .execute();
    },
  };
}

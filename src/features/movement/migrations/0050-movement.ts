import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Movement control (issue 17): arrivals with their medical declaration and what the rule set in force asked of
 * them, checkpoints with their shifts, and gatherings (festivals, events) with their conditions and decision.
 * Never edit once applied.
 */
export function movement(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('arrivals')
        .addColumn('id', id, idOptions)
        /** Where the person stays (the commune that follows them up). */
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('village_id', 'integer')
        .addColumn('address', 'text')
        /** The registry person when the national ID matched one; else the declaration stands alone. */
        .addColumn('person_id', 'integer')
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('name_folded', 'text', (c) => c.notNull())
        .addColumn('national_id', 'text')
        .addColumn('phone', 'text')
        .addColumn('birth_year', 'integer')
        /** The origin commune and its level on the arrival day (null: unknown), with the week it came from. */
        .addColumn('origin_code', 'text', (c) => c.notNull())
        .addColumn('origin_province_code', 'text', (c) => c.notNull())
        .addColumn('origin_district_code', 'text', (c) => c.notNull())
        .addColumn('origin_level', 'integer')
        .addColumn('origin_level_week', 'text')
        .addColumn('arrival_date', 'text', (c) => c.notNull())
        .addColumn('vaccination', 'text', (c) => c.notNull())
        .addColumn('test_kind', 'text')
        .addColumn('test_date', 'text')
        .addColumn('test_result', 'text')
        /** 'public' (the form without an account) or 'staff'. */
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        /** JSON: the obligations (kind, from, until, provisional). */
        .addColumn('obligations', 'text', (c) => c.notNull())
        .addColumn('due_by', 'text', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('arrivals_commune')
        .on('arrivals')
        .columns(['commune_code', 'arrival_date'])
        .execute();
      await db.schema
        .createIndex('arrivals_district')
        .on('arrivals')
        .columns(['district_code', 'arrival_date'])
        .execute();
      await db.schema.createIndex('arrivals_national_id').on('arrivals').columns(['national_id']).execute();

      await db.schema
        .createTable('checkpoints')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_decision_number', 'text', (c) => c.notNull())
        .addColumn('opened_decision_date', 'text', (c) => c.notNull())
        .addColumn('closed_decision_number', 'text')
        .addColumn('closed_decision_date', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('checkpoints_commune')
        .on('checkpoints')
        .columns(['commune_code', 'status'])
        .execute();
      await db.schema
        .createTable('checkpoint_shifts')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('checkpoint_id', 'integer', (c) =>
          c.notNull().references('checkpoints.id').onDelete('cascade'),
        )
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('shift', 'text', (c) => c.notNull())
        /** JSON: the staff on the shift (names and forces). */
        .addColumn('staff', 'text', (c) => c.notNull())
        .addColumn('count_in', 'integer', (c) => c.notNull())
        .addColumn('count_out', 'integer', (c) => c.notNull())
        .addColumn('turned_back', 'integer', (c) => c.notNull())
        .addColumn('sent_to_testing', 'integer', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('handover_to', 'text')
        .addColumn('handover_note', 'text')
        .addColumn('handed_over_at', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('checkpoint_shifts_unique')
        .on('checkpoint_shifts')
        .columns(['checkpoint_id', 'day', 'shift'])
        .unique()
        .execute();

      await db.schema
        .createTable('gatherings')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('organiser', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('venue', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('participants', 'integer', (c) => c.notNull())
        .addColumn('all_covered', 'integer', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('level_known', 'integer', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        /** JSON: the conditions computed when requested (limit, problems, proposal, clauses). */
        .addColumn('conditions', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decision_reason', 'text')
        .addColumn('decided_by', 'integer')
        .addColumn('decided_at', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('gatherings_district')
        .on('gatherings')
        .columns(['district_code', 'date'])
        .execute();
      await db.schema
        .createIndex('gatherings_commune')
        .on('gatherings')
        .columns(['commune_code', 'date'])
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * The three pillars: tests, cases (F0) with their places of care, close contacts (F1), and each commune's
 * numbers by day (`case_day_counts`), kept in the same transaction as every change so the daily summary is
 * an index read, not a count. Never edit once applied.
 */
export function cases(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      const place = (t: ReturnType<typeof db.schema.createTable>) =>
        t
          .addColumn('province_code', 'text', (c) => c.notNull())
          .addColumn('district_code', 'text', (c) => c.notNull())
          .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'));

      await place(db.schema.createTable('cases').addColumn('id', id, idOptions))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
        .addColumn('sample_date', 'text', (c) => c.notNull())
        .addColumn('test_kind', 'text', (c) => c.notNull())
        .addColumn('confirmed_on', 'text', (c) => c.notNull())
        /** Where care began; later places are in case_transfers. */
        .addColumn('place_of_care', 'text', (c) => c.notNull())
        .addColumn('severity', 'text')
        /** treating, recovered or died, with the day of the outcome. */
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outcome_on', 'text')
        .addColumn('source_case_id', 'integer')
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cases_commune')
        .on('cases')
        .columns(['commune_code', 'sample_date'])
        .execute();
      await db.schema.createIndex('cases_person').on('cases').column('person_id').execute();

      await db.schema
        .createTable('case_transfers')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('on_day', 'text', (c) => c.notNull())
        .addColumn('place_of_care', 'text', (c) => c.notNull())
        .addColumn('facility', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('case_transfers_case')
        .on('case_transfers')
        .columns(['case_id', 'on_day'])
        .execute();

      await place(db.schema.createTable('covid_tests').addColumn('id', id, idOptions))
        .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('sample_date', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('taken_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('covid_tests_commune')
        .on('covid_tests')
        .columns(['commune_code', 'sample_date'])
        .execute();

      await place(db.schema.createTable('contacts').addColumn('id', id, idOptions))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('exposure_date', 'text', (c) => c.notNull())
        .addColumn('setting', 'text')
        /** The day the contact was listed, on the app's calendar: the day's "new contacts". */
        .addColumn('listed_on', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('quarantine_ends_on', 'text', (c) => c.notNull())
        .addColumn('monitoring_ends_on', 'text', (c) => c.notNull())
        /** JSON array of ISO days. */
        .addColumn('test_dates', 'text', (c) => c.notNull())
        .addColumn('became_case_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contacts_case').on('contacts').column('case_id').execute();
      await db.schema
        .createIndex('contacts_commune')
        .on('contacts')
        .columns(['commune_code', 'exposure_date'])
        .execute();

      await db.schema
        .createTable('case_day_counts')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        /** Events of the day. */
        .addColumn('new_cases', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('recovered', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deaths', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('new_contacts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('tests_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('tests_positive', 'integer', (c) => c.notNull().defaultTo(0))
        /** Changes of a level on that day: a day's level is the sum of its changes up to it. */
        .addColumn('home_change', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('facility_change', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('quarantine_change', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('case_day_counts_key', ['province_code', 'commune_code', 'day'])
        .execute();
      await db.schema
        .createIndex('case_day_counts_district')
        .on('case_day_counts')
        .columns(['district_code', 'day'])
        .execute();
    },
  };
}

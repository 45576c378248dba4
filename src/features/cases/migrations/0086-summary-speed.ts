import type { Kysely } from 'kysely';

/**
 * The case summary at a province's scale (issue 15 benchmark): a covering index in the day rows' own order
 * (the summary reads the index alone, no row lookups), and a version per province bumped by every change of
 * the day rows, which keys the summary's cache. Never edit once applied.
 */
export function summarySpeed() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex('case_day_counts_summary')
        .on('case_day_counts')
        .columns([
          'province_code',
          'commune_code',
          'day',
          'new_cases',
          'recovered',
          'deaths',
          'new_contacts',
          'tests_done',
          'tests_positive',
          'home_change',
          'facility_change',
          'quarantine_change',
        ])
        .execute();
      await db.schema
        .createTable('case_count_versions')
        .addColumn('province_code', 'text', (c) => c.notNull().primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}

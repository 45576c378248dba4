import { type Kysely, sql } from 'kysely';

/**
 * Each commune's running levels (under treatment at home, in a facility, in quarantine: the sum of all their
 * day changes, future ones included), kept with the day rows: a day's level is the running level less the
 * changes after that day, so the summary reads the last week's rows, not every day since the first case.
 * Filled from the day rows already stored. Never edit once applied.
 */
export function caseLevels() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('case_levels')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('home', 'integer', (c) => c.notNull())
        .addColumn('facility', 'integer', (c) => c.notNull())
        .addColumn('quarantine', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_levels_key', ['province_code', 'commune_code'])
        .execute();
      await sql`insert into case_levels (province_code, district_code, commune_code, home, facility, quarantine)
        select province_code, district_code, commune_code, sum(home_change), sum(facility_change),
          sum(quarantine_change)
        from case_day_counts group by province_code, district_code, commune_code`.execute(db);
      await db.schema
        .createIndex('case_day_counts_province_day')
        .on('case_day_counts')
        .columns(['province_code', 'day'])
        .execute();
    },
  };
}

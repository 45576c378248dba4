import { type Kysely, sql } from 'kysely';

/**
 * Each commune's severe (oxygen-support) cases by sample day, kept with the other day counts in the same
 * transaction as every change (rules/day-counts.ts `caseCounts`): 218's criterion 1 (rules.md §3) reads the week's
 * sum beside the new cases and deaths. Filled from the cases already stored (severe or critical at entry; each
 * case's day row exists: its new case is counted there). Never edit once applied.
 */
export function severeCaseCounts() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('case_day_counts')
        .addColumn('severe_cases', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await fillSevereCases(db);
    },
  };
}

/** Sets each day row's severe cases from the cases stored (the migration's fill; the storage test checks it). */
// biome-ignore lint/suspicious/noExplicitAny: run against the schema as it was, not today's types
export async function fillSevereCases(db: Kysely<any>) {
  await sql`update case_day_counts set severe_cases = (
      select count(*) from cases c
      where c.commune_code = case_day_counts.commune_code and c.sample_date = case_day_counts.day
        and c.severity in ('severe', 'critical'))
    where exists (
      select 1 from cases c
      where c.commune_code = case_day_counts.commune_code and c.sample_date = case_day_counts.day
        and c.severity in ('severe', 'critical'))`.execute(db);
}

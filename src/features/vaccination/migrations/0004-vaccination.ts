import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Vaccination: doses, each person's derived status, coverage and milestone counters per unit (commune,
 * district and province rows, so a province view is an index lookup), targets, contact outcomes, sessions
 * and dose imports. Persons change outside this feature too (imports, merges, undo): triggers queue every
 * change in `vaccination_changes`, in the same transaction, and the feature brings statuses and counters up
 * to date from that queue before it reads or writes them.
 */
export function vaccination(engine: Engine) {
  const [id, idOptions] = idColumn(engine);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('vaccination_sessions')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('vaccine', 'text', (c) => c.notNull())
        .addColumn('doses_available', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('vaccination_sessions_unit')
        .on('vaccination_sessions')
        .columns(['unit_code', 'date'])
        .execute();

      await db.schema
        .createTable('dose_imports')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('rows_read', 'integer', (c) => c.notNull())
        .addColumn('imported', 'integer', (c) => c.notNull())
        .addColumn('ignored', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('matched_persons', 'integer', (c) => c.notNull())
        .addColumn('new_persons', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull())
        /** JSON: rejected rows and warnings, each with row number, column and reason. */
        .addColumn('report', 'text', (c) => c.notNull())
        /** JSON: ids of the persons this import created, to review. */
        .addColumn('new_person_ids', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('dose_imports_unit')
        .on('dose_imports')
        .columns(['unit_code', 'id'])
        .execute();

      await db.schema
        .createTable('doses')
        .addColumn('id', id, idOptions)
        .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('vaccine', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dose_number', 'integer', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('site', 'text')
        .addColumn('lot', 'text')
        .addColumn('session_id', 'integer', (c) => c.references('vaccination_sessions.id'))
        .addColumn('import_id', 'integer', (c) => c.references('dose_imports.id'))
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('generated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('doses_person').on('doses').column('person_id').execute();
      // Few doses are given at a recorded session: the index holds those only.
      await db.schema
        .createIndex('doses_session')
        .on('doses')
        .column('session_id')
        .where(sql.ref('session_id'), 'is not', null)
        .execute();

      // One row per person (no foreign key: a deleted person's row is what tells which counters to lower).
      await db.schema
        .createTable('vaccination_status')
        .addColumn('person_id', 'integer', (c) => c.primaryKey())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('village_id', 'integer')
        .addColumn('counted', 'integer', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('age_band_until', 'text', (c) => c.notNull())
        .addColumn('coverage', 'text', (c) => c.notNull())
        .addColumn('doses', 'integer', (c) => c.notNull())
        .addColumn('first_dose_date', 'text')
        .addColumn('primary_complete_date', 'text')
        .addColumn('booster_date', 'text')
        .addColumn('last_dose_date', 'text')
        .addColumn('next_kind', 'text')
        .addColumn('next_number', 'integer')
        .addColumn('next_due_from', 'text')
        .addColumn('next_overdue_from', 'text')
        .addColumn('next_rule_set', 'text')
        .addColumn('outcome', 'text')
        .addColumn('outcome_reason', 'text')
        .addColumn('outcome_until', 'text')
        .addColumn('outcome_date', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('vaccination_status_village')
        .on('vaccination_status')
        .columns(['commune_code', 'village_id'])
        .execute();
      await db.schema
        .createIndex('vaccination_status_age_band_until')
        .on('vaccination_status')
        .column('age_band_until')
        .execute();

      await db.schema
        .createTable('coverage_counters')
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('coverage', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('coverage_counters_pk', ['unit_code', 'age_band', 'coverage'])
        .execute();
      // People who reached a milestone (first dose, primary series, first booster) in a week (its Monday):
      // the weekly trend and the pace of targets.
      await db.schema
        .createTable('milestone_counters')
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('milestone', 'text', (c) => c.notNull())
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('milestone_counters_pk', ['unit_code', 'milestone', 'week', 'age_band'])
        .execute();

      await db.schema
        .createTable('vaccination_targets')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('basis', 'text')
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('primary_min_age', 'integer')
        .addColumn('primary_percent', 'integer')
        .addColumn('booster_min_age', 'integer')
        .addColumn('booster_percent', 'integer')
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('vaccination_targets_unit')
        .on('vaccination_targets')
        .column('unit_code')
        .execute();

      await db.schema
        .createTable('contact_outcomes')
        .addColumn('id', id, idOptions)
        .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('until', 'text')
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('session_id', 'integer', (c) => c.references('vaccination_sessions.id'))
        .addColumn('user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('contact_outcomes_person')
        .on('contact_outcomes')
        .columns(['person_id', 'id'])
        .execute();
      await db.schema
        .createIndex('contact_outcomes_session')
        .on('contact_outcomes')
        .column('session_id')
        .execute();

      // A status counts the doses of the records merged into it: found by this (small, partial) index.
      await db.schema
        .createIndex('persons_merged_into')
        .on('persons')
        .column('merged_into')
        .where(sql.ref('merged_into'), 'is not', null)
        .execute();

      await db.schema
        .createTable('vaccination_changes')
        .addColumn('id', id, idOptions)
        .addColumn('person_id', 'integer', (c) => c.notNull())
        .execute();
      await queuePersonChanges(db, engine);
      // Persons registered before this migration: their statuses are computed on first use.
      await sql`insert into vaccination_changes (person_id) select id from persons`.execute(db);
    },
  };
}

/**
 * What a person's status depends on: residence, birth, place, merges. A merge, an unmerge or the deletion of a
 * merged record changes the kept record's doses too, so that record is queued as well.
 */
const WATCHED =
  'status, status_date, merged_into, birth_date, birth_year, birth_sort, commune_code, village_id';

// biome-ignore lint/suspicious/noExplicitAny: see above
async function queuePersonChanges(db: Kysely<any>, engine: Engine) {
  if (engine === 'sqlite') {
    await sql`create trigger persons_vaccination_insert after insert on persons begin
      insert into vaccination_changes (person_id) values (new.id); end`.execute(db);
    await sql
      .raw(`create trigger persons_vaccination_update after update of ${WATCHED} on persons begin
      insert into vaccination_changes (person_id) values (new.id);
      insert into vaccination_changes (person_id) select new.merged_into where new.merged_into is not null;
      insert into vaccination_changes (person_id) select old.merged_into
        where old.merged_into is not null and old.merged_into is not new.merged_into; end`)
      .execute(db);
    await sql`create trigger persons_vaccination_delete after delete on persons begin
      insert into vaccination_changes (person_id) values (old.id);
      insert into vaccination_changes (person_id) select old.merged_into where old.merged_into is not null; end`.execute(
      db,
    );
    return;
  }
  await sql`create function persons_vaccination_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into vaccination_changes (person_id) values (old.id);
        if old.merged_into is not null then
          insert into vaccination_changes (person_id) values (old.merged_into);
        end if;
        return old;
      end if;
      insert into vaccination_changes (person_id) values (new.id);
      if tg_op = 'UPDATE' then
        if new.merged_into is not null then
          insert into vaccination_changes (person_id) values (new.merged_into);
        end if;
        if old.merged_into is not null and old.merged_into is distinct from new.merged_into then
          insert into vaccination_changes (person_id) values (old.merged_into);
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql
    .raw(`create trigger persons_vaccination after insert or update of ${WATCHED} or delete on persons
      for each row execute function persons_vaccination_changed()`)
    .execute(db);
}

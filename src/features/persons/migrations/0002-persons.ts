import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/** Population registry: households, persons, import batches and the duplicate review queue. */
export function persons(engine: Engine) {
  const [id, idOptions] = idColumn(engine);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('import_batches')
        .addColumn('id', id, idOptions)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('rows_read', 'integer', (c) => c.notNull())
        .addColumn('imported', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('review', 'integer', (c) => c.notNull())
        .addColumn('existing', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('errors', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('undone_at', 'text')
        .execute();

      await db.schema
        .createTable('households')
        .addColumn('id', id, idOptions)
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
        .addColumn('head_person_id', 'integer')
        .addColumn('address', 'text')
        .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('households_commune').on('households').column('commune_code').execute();

      await db.schema
        .createTable('persons')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
        .addColumn('household_id', 'integer', (c) => c.references('households.id'))
        .addColumn('relation_to_head', 'text')
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('name_folded', 'text', (c) => c.notNull())
        .addColumn('given_name_folded', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text')
        .addColumn('birth_year', 'integer', (c) => c.notNull())
        .addColumn('birth_sort', 'text', (c) => c.notNull())
        .addColumn('sex', 'text')
        .addColumn('national_id', 'text')
        .addColumn('phone', 'text')
        .addColumn('address', 'text')
        .addColumn('occupation', 'text')
        .addColumn('priority_groups', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_date', 'text')
        .addColumn('note', 'text')
        .addColumn('generated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('merged_into', 'integer')
        .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One person per national ID: the same ID is the same person (merged records keep theirs in the audit log).
      await db.schema
        .createIndex('persons_national_id')
        .on('persons')
        .column('national_id')
        .unique()
        .execute();
      // Name search is a prefix search on the folded name, or on the given name (the last word).
      const pattern = engine === 'postgres' ? sql` text_pattern_ops` : sql``;
      await sql`create index persons_name on persons (name_folded${pattern})`.execute(db);
      await sql`create index persons_given_name on persons (given_name_folded${pattern})`.execute(db);
      await sql`create index persons_phone on persons (phone${pattern})`.execute(db);
      // Commune staff search their own commune: these keep that search an ordered index range.
      await sql`create index persons_commune_name on persons (commune_code, name_folded${pattern})`.execute(
        db,
      );
      await sql`create index persons_commune_given_name on persons (commune_code, given_name_folded${pattern})`.execute(
        db,
      );
      await db.schema
        .createIndex('persons_commune')
        .on('persons')
        .columns(['commune_code', 'village_id', 'birth_sort'])
        .execute();
      await db.schema.createIndex('persons_batch').on('persons').column('import_batch_id').execute();
      await db.schema.createIndex('persons_household').on('persons').column('household_id').execute();

      await db.schema
        .createTable('duplicate_reviews')
        .addColumn('id', id, idOptions)
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
        .addColumn('candidate_id', 'integer', (c) => c.notNull().references('persons.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text')
        .addColumn('decided_by', 'integer')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('duplicate_reviews_commune')
        .on('duplicate_reviews')
        .columns(['commune_code', 'status'])
        .execute();
    },
  };
}

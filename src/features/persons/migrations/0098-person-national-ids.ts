import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../db/connection.ts';

/**
 * A national ID is unique in the whole country, also once persons are distributed by province (Citus), where a
 * unique index on persons can only hold within a province: the lookup `person_national_ids`, keyed by the ID,
 * names the one person who holds it (and the province to find the person in). The persons store writes it in
 * the same transaction as the person (store.ts, `syncNationalIds`), on both engines; a second holder is
 * refused by its primary key as the unique index on persons refused it before.
 */
export function personNationalIds(_engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('person_national_ids')
        .addColumn('national_id', 'text', (c) => c.primaryKey())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('person_national_ids_person')
        .on('person_national_ids')
        .columns(['person_id'])
        .execute();
      await sql`insert into person_national_ids (national_id, province_code, person_id)
        select national_id, province_code, id from persons where national_id is not null`.execute(db);
    },
  };
}

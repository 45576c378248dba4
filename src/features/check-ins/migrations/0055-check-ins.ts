import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * QR check-in (issue 17): venues a commune registers (each with the token its poster's QR encodes), the
 * check-ins people make there without an account, and the exposures a case's visits raise (listed, then made
 * contacts). Never edit once applied.
 */
export function checkIns(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('venues')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        /** market | shop | office | event | other */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        /** The unguessable token of the public check-in URL (kept: the poster is printed again). */
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('venues_commune').on('venues').columns(['commune_code', 'name']).execute();

      await db.schema
        .createTable('check_ins')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('venue_id', 'integer', (c) => c.notNull().references('venues.id').onDelete('cascade'))
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('birth_year', 'integer', (c) => c.notNull())
        .addColumn('national_id', 'text')
        /** The app's calendar day of the visit, and the instant (ISO UTC). */
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        /** SHA-256 of the sender's address: the per-address throttle counts these, the address is not kept. */
        .addColumn('address_hash', 'text')
        .execute();
      await db.schema
        .createIndex('check_ins_venue_day')
        .on('check_ins')
        .columns(['venue_id', 'day'])
        .execute();
      await db.schema.createIndex('check_ins_phone').on('check_ins').columns(['phone', 'day']).execute();
      await db.schema
        .createIndex('check_ins_national_id')
        .on('check_ins')
        .columns(['national_id', 'day'])
        .execute();
      await db.schema
        .createIndex('check_ins_address')
        .on('check_ins')
        .columns(['address_hash', 'at'])
        .execute();

      await db.schema
        .createTable('venue_exposures')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        /** The venue's commune: its officers follow the exposure up. */
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('check_in_id', 'integer', (c) =>
          c.notNull().references('check_ins.id').onDelete('cascade'),
        )
        /** The case's own check-in at that venue that day (the visit that matched). */
        .addColumn('visit_id', 'integer', (c) => c.notNull())
        /** listed | contact */
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('venue_exposures_case')
        .on('venue_exposures')
        .columns(['case_id', 'check_in_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('venue_exposures_commune')
        .on('venue_exposures')
        .columns(['commune_code', 'status'])
        .execute();
    },
  };
}

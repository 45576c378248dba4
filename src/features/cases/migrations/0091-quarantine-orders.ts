import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * A commune's quarantine decision (quyết định cách ly) for many close contacts at once, and one line per
 * contact with its quarantine (copied from the contact's plan) and the delivery record (biên bản giao nhận).
 * Never edit once applied.
 */
export function quarantineOrders(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('quarantine_orders')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        /** The decision's number as written on it (e.g. 12/QĐ-UBND). */
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('signer_name', 'text', (c) => c.notNull())
        .addColumn('signer_title', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('quarantine_orders_number', ['province_code', 'commune_code', 'number'])
        .execute();
      await db.schema
        .createIndex('quarantine_orders_commune')
        .on('quarantine_orders')
        .columns(['commune_code', 'issued_on'])
        .execute();
      await db.schema
        .createTable('quarantine_order_items')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('order_id', 'integer', (c) => c.notNull())
        .addColumn('contact_id', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull())
        .addColumn('exposure_date', 'text', (c) => c.notNull())
        .addColumn('quarantine_ends_on', 'text', (c) => c.notNull())
        .addColumn('monitoring_ends_on', 'text', (c) => c.notNull())
        .addColumn('test_dates', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        /** The delivery record: who handed it over, when, and received (by whom) or refused. */
        .addColumn('delivered_by', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('delivery_outcome', 'text')
        .addColumn('received_by', 'text')
        .addColumn('delivery_note', 'text')
        .addColumn('delivery_recorded_by', 'integer')
        .addUniqueConstraint('quarantine_order_items_contact', ['province_code', 'contact_id'])
        .execute();
      await db.schema
        .createIndex('quarantine_order_items_order')
        .on('quarantine_order_items')
        .column('order_id')
        .execute();
    },
  };
}

import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Social support under Resolution 68/NQ-CP (issue 17): claims, their lifecycle events, and the guarantee of one
 * payment per person per policy: a unique index over the approved and paid claims (partial on both engines), so
 * two approvals racing in two communes or districts cannot both win. Never edit once applied.
 */
export function support(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('support_claims')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        /** records (cases, contacts) or application (entered by hand). */
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('period_from', 'text')
        .addColumn('period_to', 'text')
        /** Days inside the policy's period, and the days paid (capped); null for one-off policies. */
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('paid_days', 'integer')
        .addColumn('child_supplement', 'integer', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('reason', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('support_claims_commune')
        .on('support_claims')
        .columns(['commune_code', 'status', 'id'])
        .execute();
      await db.schema
        .createIndex('support_claims_district')
        .on('support_claims')
        .columns(['district_code', 'status', 'id'])
        .execute();
      await db.schema
        .createIndex('support_claims_person')
        .on('support_claims')
        .columns(['person_id', 'policy'])
        .execute();
      // One payment per person per policy, whichever commune the claim came from.
      await db.schema
        .createIndex('support_claims_one_payment')
        .on('support_claims')
        .columns(['person_id', 'policy'])
        .unique()
        .where(sql<boolean>`status in ('approved', 'paid')`)
        .execute();

      await db.schema
        .createTable('support_claim_events')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('claim_id', 'integer', (c) =>
          c.notNull().references('support_claims.id').onDelete('cascade'),
        )
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('user_id', 'integer')
        .addColumn('username', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('support_claim_events_claim')
        .on('support_claim_events')
        .column('claim_id')
        .execute();
    },
  };
}

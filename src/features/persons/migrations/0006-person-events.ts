import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Person change events: the registry writes one row per change of a person (created, moved, died, merged,
 * deleted, updated) in the same transaction as the change, and the features that keep state about persons
 * (vaccination) apply them and mark them handled. This replaces 0004's per-engine triggers and their
 * `vaccination_changes` queue: what was still queued becomes an event, so nothing is lost on upgrade.
 */
export function personEvents(engine: Engine) {
  const [id, idOptions] = idColumn(engine);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('person_events')
        .addColumn('id', id, idOptions)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull())
        .addColumn('province_code', 'text')
        /** JSON: what changed (villages, statuses, the record merged into, the batch undone…). */
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('handled_at', 'text')
        .execute();
      // The pending events, in order: a small partial index, since handled events are the great majority.
      await db.schema
        .createIndex('person_events_pending')
        .on('person_events')
        .column('id')
        .where(sql.ref('handled_at'), 'is', null)
        .execute();
      await db.schema.createIndex('person_events_person').on('person_events').column('person_id').execute();

      if (engine === 'sqlite') {
        await sql`drop trigger if exists persons_vaccination_insert`.execute(db);
        await sql`drop trigger if exists persons_vaccination_update`.execute(db);
        await sql`drop trigger if exists persons_vaccination_delete`.execute(db);
      } else {
        await sql`drop trigger if exists persons_vaccination on persons`.execute(db);
        await sql`drop function if exists persons_vaccination_changed()`.execute(db);
      }
      // Changes still queued become events (their person may be gone: a deletion then).
      const now = new Date().toISOString();
      await sql`insert into person_events (kind, person_id, province_code, payload, created_at)
        select case when p.id is null then 'deleted' else 'updated' end, q.person_id, p.province_code,
          '{"migrated":true}', ${now}
        from (select distinct person_id from vaccination_changes) q
        left join persons p on p.id = q.person_id`.execute(db);
      await db.schema.dropTable('vaccination_changes').execute();
    },
  };
}

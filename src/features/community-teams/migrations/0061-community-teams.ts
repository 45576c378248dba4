import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/** Community teams and inter-household groups; communes' requests for support. Never edit once applied. */
export function communityTeams(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('community_teams')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('leader_name', 'text')
        .addColumn('phone', 'text')
        .addColumn('duties', 'text', (c) => c.notNull())
        .addColumn('village_ids', 'text', (c) => c.notNull())
        .addColumn('members', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('community_teams_commune')
        .on('community_teams')
        .columns(['commune_code', 'name'])
        .execute();
      await db.schema
        .createIndex('community_teams_district')
        .on('community_teams')
        .column('district_code')
        .execute();
      await db.schema
        .createTable('support_requests')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('requested_on', 'text', (c) => c.notNull())
        .addColumn('needed_by', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_on', 'text')
        .addColumn('answered_by', 'integer')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('support_requests_district')
        .on('support_requests')
        .columns(['district_code', 'state', 'needed_by'])
        .execute();
      await db.schema
        .createIndex('support_requests_commune')
        .on('support_requests')
        .columns(['commune_code', 'requested_on'])
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Clusters (ổ dịch) with their cases, and containment zones (vùng cách ly / phong tỏa) with the registry persons
 * inside (issue 15). Links are plain integer columns the store checks. Never edit once applied.
 */
export function clustersZones(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('clusters')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        /** household | market | factory | school | office | healthFacility | other */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('clusters_commune')
        .on('clusters')
        .columns(['commune_code', 'opened_on'])
        .execute();
      await db.schema
        .createIndex('clusters_district')
        .on('clusters')
        .columns(['district_code', 'opened_on'])
        .execute();
      await db.schema
        .createTable('cluster_cases')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('cluster_id', 'integer', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.notNull())
        .addColumn('added_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cluster_cases_pk', ['province_code', 'cluster_id', 'case_id'])
        .execute();
      await db.schema.createIndex('cluster_cases_case').on('cluster_cases').column('case_id').execute();

      await db.schema
        .createTable('containment_zones')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        /** household | households | village | street */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('village_id', 'integer')
        .addColumn('cluster_id', 'integer')
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('planned_end_on', 'text', (c) => c.notNull())
        .addColumn('lifting_criteria', 'text', (c) => c.notNull())
        .addColumn('lifted_on', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('containment_zones_commune')
        .on('containment_zones')
        .columns(['commune_code', 'starts_on'])
        .execute();
      await db.schema
        .createIndex('containment_zones_district')
        .on('containment_zones')
        .columns(['district_code', 'starts_on'])
        .execute();
      await db.schema
        .createTable('zone_persons')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('zone_id', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull())
        .addColumn('added_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('zone_persons_pk', ['province_code', 'zone_id', 'person_id'])
        .execute();
      await db.schema.createIndex('zone_persons_person').on('zone_persons').column('person_id').execute();
    },
  };
}

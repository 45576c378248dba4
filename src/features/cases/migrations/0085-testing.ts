import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Testing (issue 15): pooled samples (a pool and its members; a negative pool writes a negative test for each
 * member, a positive one opens an individual retest of each member, taken by someone named), mass-testing
 * rounds over an area (a village, a market, a list of households), and on each test the day its result came,
 * its pool and its round. Links between these tables are plain indexed integers: the stores enforce them.
 * Never edit once applied.
 */
export function testing(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('testing_rounds')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        /** village, market or households. */
        .addColumn('area_kind', 'text', (c) => c.notNull())
        .addColumn('village_id', 'integer')
        /** JSON array of household ids (area_kind households). */
        .addColumn('household_ids', 'text')
        /** The people expected where the registry has none to count (a market's traders). */
        .addColumn('expected_people', 'integer')
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('testing_rounds_commune')
        .on('testing_rounds')
        .columns(['province_code', 'commune_code', 'starts_on'])
        .execute();

      await db.schema
        .createTable('test_pools')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('round_id', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('sample_date', 'text', (c) => c.notNull())
        /** pending, positive or negative, with the day the result came. */
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('result_on', 'text')
        .addColumn('place', 'text')
        .addColumn('taken_by', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('test_pools_commune')
        .on('test_pools')
        .columns(['province_code', 'commune_code', 'sample_date'])
        .execute();
      await db.schema.createIndex('test_pools_round').on('test_pools').column('round_id').execute();

      await db.schema
        .createTable('test_pool_members')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('pool_id', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull())
        /** The member's own commune: where its retest is listed and its tests counted. */
        .addColumn('commune_code', 'text', (c) => c.notNull())
        /** none, awaiting (a positive pool's retest to take) or done. */
        .addColumn('retest', 'text', (c) => c.notNull())
        .addColumn('retest_by', 'text')
        .addColumn('retest_due', 'text')
        /** The member's test: the negative a negative pool wrote, or the retest once taken. */
        .addColumn('test_id', 'integer')
        .execute();
      await db.schema
        .createIndex('test_pool_members_pool')
        .on('test_pool_members')
        .columns(['pool_id', 'person_id'])
        .execute();
      await db.schema
        .createIndex('test_pool_members_retest')
        .on('test_pool_members')
        .columns(['province_code', 'commune_code', 'retest'])
        .execute();

      await db.schema.alterTable('covid_tests').addColumn('result_on', 'text').execute();
      await db.schema.alterTable('covid_tests').addColumn('pool_id', 'integer').execute();
      await db.schema.alterTable('covid_tests').addColumn('round_id', 'integer').execute();
      await db.schema.createIndex('covid_tests_round').on('covid_tests').column('round_id').execute();
    },
  };
}

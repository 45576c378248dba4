import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Capacity (issues 15 and 16): treatment facilities and their beds, ICU beds, occupancy and oxygen by day;
 * mobile medical stations (staff, oxygen, area served) by day; commune health stations' oxygen by day.
 * Never edit once applied.
 */
export function capacity(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('treatment_facilities')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text')
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('treatment_facilities_unit')
        .on('treatment_facilities')
        .columns(['province_code', 'district_code'])
        .execute();
      await db.schema
        .createTable('facility_days')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('facility_id', 'integer', (c) => c.notNull().references('treatment_facilities.id'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('beds', 'integer', (c) => c.notNull())
        .addColumn('occupied', 'integer')
        .addColumn('icu_beds', 'integer', (c) => c.notNull())
        .addColumn('icu_occupied', 'integer')
        .addColumn('oxygen_cylinders', 'integer', (c) => c.notNull())
        .addColumn('entered_by', 'integer')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('facility_days_pk', ['facility_id', 'day'])
        .execute();

      await db.schema
        .createTable('mobile_stations')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mobile_stations_district')
        .on('mobile_stations')
        .columns(['province_code', 'district_code'])
        .execute();
      await db.schema
        .createTable('mobile_station_areas')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('station_id', 'integer', (c) => c.notNull().references('mobile_stations.id'))
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
        .execute();
      await db.schema
        .createIndex('mobile_station_areas_station')
        .on('mobile_station_areas')
        .columns(['station_id'])
        .execute();
      await db.schema
        .createIndex('mobile_station_areas_commune')
        .on('mobile_station_areas')
        .columns(['commune_code'])
        .execute();
      await db.schema
        .createTable('mobile_station_days')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('station_id', 'integer', (c) => c.notNull().references('mobile_stations.id'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('doctors', 'integer', (c) => c.notNull())
        .addColumn('staff', 'integer', (c) => c.notNull())
        .addColumn('oxygen_cylinders', 'integer', (c) => c.notNull())
        .addColumn('entered_by', 'integer')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mobile_station_days_pk', ['station_id', 'day'])
        .execute();

      await db.schema
        .createTable('station_oxygen')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('oxygen_cylinders', 'integer', (c) => c.notNull())
        .addColumn('concentrators', 'integer', (c) => c.notNull())
        .addColumn('entered_by', 'integer')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('station_oxygen_pk', ['commune_code', 'day'])
        .execute();
      await db.schema
        .createIndex('station_oxygen_district')
        .on('station_oxygen')
        .columns(['province_code', 'district_code', 'day'])
        .execute();
    },
  };
}

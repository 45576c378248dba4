import type { Transaction } from 'kysely';
import type { AdminUnitTable, Database } from '../db/schema.ts';
import { hashCode, splitPopulation } from '../features/admin-units/index.ts';

/** Order of Hữu Lũng's population (2019 census: about 120,000): its generated figures add up to it. */
const DEMO_DISTRICT_POPULATION = 120_000;
/**
 * The province's other districts get residents too, so the province view is not one district and ten empty
 * ones; at a tenth of their generated size, so the first start stays within seconds, not minutes. Generated
 * figures, flagged so, like all the demo's.
 */
const OTHER_DISTRICTS_SCALE = 0.1;

// Village names of the kind found in Lạng Sơn's mountain communes (Tày–Nùng "Nà", "Khuôn", "Pác"…). Generated.
const VILLAGE_STEMS = [
  'Nà Hoa',
  'Đồng Tâm',
  'Khuôn Phầy',
  'Pác Làng',
  'Làng Mới',
  'Đồng Bụt',
  'Bến Lường',
  'Nà Lừa',
  'Khe Rè',
  'Đồng Mười',
  'Tân Tiến',
  'Bãi Hào',
  'Nà Mùng',
  'Khuôn Hà',
  'Lân Cút',
  'Đồng Vành',
];

/**
 * Scales the province's generated commune populations (the demo district to its census order, the others
 * to OTHER_DISTRICTS_SCALE), sums them into the districts and the province, and gives each commune villages.
 */
export async function prepareDemoUnits(
  trx: Transaction<Database>,
  provinceCode: string,
  demoDistrict: string,
  units: AdminUnitTable[],
  now: string,
) {
  const communes = units.filter((u) => u.level === 3);
  const demoCommunes = communes.filter((c) => c.district_code === demoDistrict);
  const demoFactor = DEMO_DISTRICT_POPULATION / demoCommunes.reduce((sum, c) => sum + c.population, 0);
  for (const commune of communes) {
    const factor = commune.district_code === demoDistrict ? demoFactor : OTHER_DISTRICTS_SCALE;
    commune.population = Math.round(commune.population * factor);
    await trx
      .updateTable('admin_units')
      .set({ population: commune.population })
      .where('code', '=', commune.code)
      .execute();
  }
  for (const unit of units.filter((u) => u.level < 3)) {
    unit.population = communes
      .filter((c) => unit.level === 1 || c.district_code === unit.code)
      .reduce((sum, c) => sum + c.population, 0);
    await trx
      .updateTable('admin_units')
      .set({ population: unit.population })
      .where('code', '=', unit.code)
      .execute();
  }
  for (const commune of communes) {
    // 5–12 villages, fewer than the 16 stems so names stay unique. Every demo commune has Thôn Nà Hoa and
    // Thôn Đồng Tâm (journey 3), so the sample import files in test/fixtures/persons work in any of them.
    const count = 5 + (hashCode(commune.code) % 8);
    const shares = splitPopulation(commune.population, count, commune.code);
    const values = shares.map((population, i) => ({
      commune_code: commune.code,
      province_code: provinceCode,
      name: `Thôn ${VILLAGE_STEMS[i]}`,
      kind: 'thon',
      population,
      population_source: 'generated',
      created_at: now,
      updated_at: now,
    }));
    await trx.insertInto('villages').values(values).execute();
  }
}

import type { Db } from '../db/connection.ts';
import {
  forgetUnitTree,
  hashCode,
  loadReferenceUnits,
  loadUnits,
  splitPopulation,
} from '../features/admin-units/index.ts';
import { createUser, type Role, systemScope } from '../features/auth/index.ts';
import { seedDefaultOrganizations } from '../features/organizations/index.ts';

/** The first seed's district: Huyện Hữu Lũng, Tỉnh Lạng Sơn. */
export const DEMO_PROVINCE = '20';
export const DEMO_DISTRICT = '186';
export const DEMO_PASSWORD = 'SafeAdapt@2021';
/** Order of Hữu Lũng's population (2019 census: about 120,000): the demo's generated figures add up to it. */
const DEMO_DISTRICT_POPULATION = 120_000;

/** Loads Vietnam's administrative units if the database has none yet. */
export async function seedReference(db: Db): Promise<number> {
  return loadUnits(db, loadReferenceUnits());
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  const row = await db.db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value === '1';
}

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

export interface DemoAccount {
  username: string;
  role: Role;
  unitCode: string;
  unitName: string;
}

/**
 * Makes this database the demo: the district's villages and organizations and one account per level.
 * Refuses a database that already holds real accounts, so demo logins never exist in a real one.
 */
export async function seedDemo(
  db: Db,
  options: { residents?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<DemoAccount[]> {
  const users = await db.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const demo = await isDemoDatabase(db);
  if (Number(users.n) > 0 && !demo)
    throw new Error('This database has real accounts: demo data is only loaded into a new database.');
  const units = await db.db
    .selectFrom('admin_units')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('code', '=', DEMO_PROVINCE),
        eb('code', '=', DEMO_DISTRICT),
        eb('district_code', '=', DEMO_DISTRICT),
      ]),
    )
    .orderBy('level')
    .orderBy('code')
    .execute();
  const communes = units.filter((u) => u.level === 3);
  if (!demo) {
    const now = new Date().toISOString();
    await db.db.transaction().execute(async (trx) => {
      // Hữu Lũng has about 120,000 people: scale the generated commune figures to that order (still flagged generated).
      const factor = DEMO_DISTRICT_POPULATION / communes.reduce((sum, c) => sum + c.population, 0);
      for (const commune of communes) {
        commune.population = Math.round(commune.population * factor);
        await trx
          .updateTable('admin_units')
          .set({ population: commune.population })
          .where('code', '=', commune.code)
          .execute();
      }
      for (const code of [DEMO_DISTRICT, DEMO_PROVINCE]) {
        const column = code === DEMO_DISTRICT ? 'district_code' : 'province_code';
        const { total } = await trx
          .selectFrom('admin_units')
          .select((eb) => eb.fn.sum<number>('population').as('total'))
          .where(column, '=', code)
          .where('level', '=', 3)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('admin_units')
          .set({ population: Number(total) })
          .where('code', '=', code)
          .execute();
      }
      for (const commune of communes) {
        // 5–12 villages, fewer than the 16 stems so names stay unique. Every demo commune has Thôn Nà Hoa and
        // Thôn Đồng Tâm (journey 3), so the sample import files in test/fixtures/persons work in any of them.
        const count = 5 + (hashCode(commune.code) % 8);
        const shares = splitPopulation(commune.population, count, commune.code);
        const values = shares.map((population, i) => ({
          commune_code: commune.code,
          province_code: DEMO_PROVINCE,
          name: `Thôn ${VILLAGE_STEMS[i]}`,
          kind: 'thon',
          population,
          population_source: 'generated',
          created_at: now,
          updated_at: now,
        }));
        await trx.insertInto('villages').values(values).execute();
      }
      await trx.insertInto('meta').values({ key: 'demo', value: '1' }).execute();
    });
    await seedDefaultOrganizations(
      db,
      units.map((u) => u.code),
    );
    forgetUnitTree(db);
  }
  const accounts: DemoAccount[] = units.map((u) => ({
    username: u.level === 1 ? 'demo.tinh' : u.level === 2 ? 'demo.huyen' : `demo.xa.${u.code}`,
    role: u.level === 1 ? 'leader' : 'officer',
    unitCode: u.code,
    unitName: u.name_with_type,
  }));
  accounts.push({
    username: 'demo.quantri',
    role: 'admin',
    unitCode: DEMO_PROVINCE,
    unitName: units[0]!.name_with_type,
  });
  const existing = new Set(
    (await db.db.selectFrom('users').select('username').execute()).map((u) => u.username),
  );
  for (const a of accounts.filter((a) => !existing.has(a.username)))
    await createUser(db, systemScope('demo'), {
      username: a.username,
      displayName: `Demo ${a.unitName}`,
      password: DEMO_PASSWORD,
      role: a.role,
      unitCode: a.unitCode,
      isDemo: true,
    });
  const hasResidents = await db.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'demo_residents')
    .executeTakeFirst();
  if (options.residents && !hasResidents) {
    const area = {
      provinceCode: DEMO_PROVINCE,
      districtCode: DEMO_DISTRICT,
      communeCodes: communes.map((c) => c.code),
      onProgress: options.onProgress,
    };
    // Loaded when used: features import these demo loader, and the registry imports the features (a module cycle).
    const { features } = await import('../server/features.ts');
    for (const feature of features()) await feature.demo?.(db, area);
    await db.db.insertInto('meta').values({ key: 'demo_residents', value: '1' }).execute();
  }
  return accounts;
}

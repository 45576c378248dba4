import { todayOverride, vietnamToday } from '../core/dates.ts';
import { AS_OF_KEY, applyDatabaseCalendar } from '../db/calendar.ts';
import type { Db } from '../db/connection.ts';
import { forgetUnitTree, loadReferenceUnits, loadUnits } from '../features/admin-units/index.ts';
import { createUser, type Role, systemScope } from '../features/auth/index.ts';
import { organizationOfKind, seedDefaultOrganizations } from '../features/organizations/index.ts';
import { prepareDemoUnits } from './units.ts';

/** The first seed's district: Huyện Hữu Lũng, Tỉnh Lạng Sơn. */
export const DEMO_PROVINCE = '20';
export const DEMO_DISTRICT = '186';
export const DEMO_PASSWORD = 'SafeAdapt@2021';
/**
 * The demo's calendar, kept in its database (SAFEADAPT_TODAY, if set at the first start, takes its place): its
 * doses picture the end of 2021, and on 15/01/2022 seed 004's January campaign is half-way, so statuses,
 * overdue lists and the target's projection read as they did then.
 */
export const DEMO_AS_OF = '2022-01-15';

/** Loads Vietnam's administrative units if the database has none yet. */
export async function seedReference(db: Db): Promise<number> {
  return loadUnits(db, loadReferenceUnits());
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  const row = await db.db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value === '1';
}

export interface DemoAccount {
  username: string;
  role: Role;
  unitCode: string;
  unitName: string;
  organizationId?: number;
}

/**
 * Makes this database the demo, on its own calendar (DEMO_AS_OF): the province's villages (residents in every
 * district when asked), organizations, one account per level of the demo district and one for its health
 * centre. Refuses a database that already holds real accounts, so demo logins never exist in a real one.
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
  const province = await db.db
    .selectFrom('admin_units')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', DEMO_PROVINCE), eb('province_code', '=', DEMO_PROVINCE)]))
    .orderBy('level')
    .orderBy('code')
    .execute();
  if (!demo) {
    const now = new Date().toISOString();
    await db.db.transaction().execute(async (trx) => {
      await prepareDemoUnits(trx, DEMO_PROVINCE, DEMO_DISTRICT, province, now);
      await trx
        .insertInto('meta')
        .values([
          { key: 'demo', value: '1' },
          { key: AS_OF_KEY, value: todayOverride() ?? DEMO_AS_OF },
        ])
        .execute();
    });
    await seedDefaultOrganizations(
      db,
      province.filter((u) => u.level < 3 || u.district_code === DEMO_DISTRICT).map((u) => u.code),
    );
    forgetUnitTree(db);
  }
  // Accounts for the province, the demo district and its communes; the other districts only hold residents.
  const units = province.filter(
    (u) => u.level === 1 || u.code === DEMO_DISTRICT || u.district_code === DEMO_DISTRICT,
  );
  const accounts: DemoAccount[] = units.map((u) => ({
    username: u.level === 1 ? 'demo.tinh' : u.level === 2 ? 'demo.huyen' : `demo.xa.${u.code}`,
    role: u.level === 1 ? 'leader' : 'officer',
    unitCode: u.code,
    unitName: u.name_with_type,
  }));
  const healthCentre = await organizationOfKind(db, DEMO_DISTRICT, 'healthCentre');
  accounts.push(
    {
      username: 'demo.ttyt',
      role: 'healthWorker',
      unitCode: DEMO_DISTRICT,
      unitName: healthCentre!.name,
      organizationId: healthCentre!.id,
    },
    { username: 'demo.quantri', role: 'admin', unitCode: DEMO_PROVINCE, unitName: units[0]!.name_with_type },
  );
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
      organizationId: a.organizationId ?? null,
      isDemo: true,
    });
  const hasResidents = await db.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'demo_residents')
    .executeTakeFirst();
  if (options.residents && !hasResidents) {
    await applyDatabaseCalendar(db); // residents and doses are generated as of the demo's day
    const area = {
      provinceCode: DEMO_PROVINCE,
      districtCode: DEMO_DISTRICT,
      communeCodes: province.filter((u) => u.level === 3).map((c) => c.code),
      today: vietnamToday(),
      onProgress: options.onProgress,
    };
    // Loaded when used: features import these demo loader, and the registry imports the features (a module cycle).
    const { features } = await import('../server/features.ts');
    for (const feature of features()) await feature.demo?.(db, area);
    await db.db.insertInto('meta').values({ key: 'demo_residents', value: '1' }).execute();
  }
  return accounts;
}

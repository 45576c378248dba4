import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Config } from '../core/config.ts';
import { calendarSource, formatDay, vietnamToday } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import { applyDatabaseCalendar } from '../db/calendar.ts';
import { type Db, openDb } from '../db/connection.ts';
import { holdAsServer } from '../db/server-hold.ts';
import { DEMO_PASSWORD, type DemoAccount, seedDemo, seedReference } from '../demo/seed.ts';
import { systemScope } from '../features/auth/index.ts';
import { newContext, runInContext } from '../server/request-context.ts';

/** Brings the schema up to date with every feature's migrations. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Loaded when used: features import these CLI helpers, and the registry imports the features (a module cycle).
  const { migrateToLatest: migrate } = await import('../server/migrations.ts');
  return migrate(db);
}

/**
 * Opens the configured database, brings it up to date, runs the work in a context of the CLI's own (the system
 * scope, recorded in the audit log as `cli`) and closes the database.
 */
export async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(config);
  try {
    await migrateToLatest(db);
    await applyDatabaseCalendar(db);
    return await runInContext(newContext(db, systemScope('cli'), vietnamToday), () => work(db));
  } catch (error) {
    if (error instanceof AppError) throw new Error(`${error.text.vi} / ${error.text.en}`);
    throw error;
  } finally {
    await db.close();
  }
}

function where(config: Config) {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqliteFile;
}

export async function migrateCommand(config: Config) {
  const db = openDb(config);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
  } finally {
    await db.close();
  }
}

async function seed(db: Db, demo: boolean): Promise<DemoAccount[]> {
  const loaded = await seedReference(db);
  if (loaded) console.log(`Loaded ${loaded.toLocaleString('en')} administrative units (2021).`);
  if (!demo) return [];
  // Generating the demo's residents (≈ 230,000) takes some seconds on first start.
  const bar = new SingleBar({
    format: 'demo residents [{bar}] {value}/{total} communes',
    stream: process.stderr,
  });
  let started = false;
  const accounts = await seedDemo(db, {
    residents: true,
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  return accounts;
}

function printLogins(accounts: DemoAccount[]) {
  if (!accounts.length) return;
  console.log(`\nDemo logins (password ${DEMO_PASSWORD}):`);
  for (const a of accounts.filter((a) => ['demo.tinh', 'demo.huyen', 'demo.ttyt'].includes(a.username)))
    console.log(`  ${a.username.padEnd(18)} ${a.role.padEnd(12)} ${a.unitName}`);
  const communes = accounts.filter((a) => a.username.startsWith('demo.xa.'));
  if (communes.length)
    console.log(
      `  demo.xa.<GSO code> officer      each of the ${communes.length} communes, e.g. ${communes[0]!.username} (${communes[0]!.unitName})`,
    );
  const admin = accounts.find((a) => a.role === 'admin');
  if (admin) console.log(`  ${admin.username.padEnd(18)} admin        ${admin.unitName} (users, audit log)`);
}

export async function seedCommand(config: Config, demo: boolean) {
  await withDb(config, async (db) => printLogins(await seed(db, demo)));
}

export async function serveCommand(config: Config, demo: boolean) {
  // Held from the start (before migrating) to the close: `restore` refuses meanwhile.
  const release = await holdAsServer(config);
  const db = openDb(config);
  await migrateToLatest(db);
  const accounts = await seed(db, demo);
  await applyDatabaseCalendar(db);
  const { buildApp } = await import('../server/app.ts');
  const app = await buildApp({
    db,
    logger: process.env.SAFEADAPT_LOG !== '0',
    uploadsDir: path.join(config.dataDir, 'uploads'),
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const shutdown = async () => {
    await app.close();
    await db.close();
    await release();
    process.exit(0);
  };
  process.once('SIGINT', shutdown).once('SIGTERM', shutdown);
  console.log(
    `\nSafeAdapt is running: ${address.replace('0.0.0.0', 'localhost')}  (database: ${where(config)})`,
  );
  console.log(`API documentation: ${address.replace('0.0.0.0', 'localhost')}/api/docs`);
  if (calendarSource() !== 'clock')
    console.log(
      `As of ${formatDay(vietnamToday())} (${calendarSource() === 'environment' ? 'SAFEADAPT_TODAY' : "the database's calendar"}), not today.`,
    );
  printLogins(accounts);
}

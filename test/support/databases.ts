import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { todayOverride } from '../../src/core/dates.ts';
import { type Db, type Engine, openDb } from '../../src/db/connection.ts';
import { seedDemo, seedReference } from '../../src/demo/seed.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** This run's folder (test/support/global-setup.ts removes it at the run's end); none outside a vitest run. */
function runFolder(): string | null {
  try {
    return inject('seedCache') || null;
  } catch {
    return null;
  }
}

/** A folder for a test database's file or data directory: in the run's folder, so they never pile up in /tmp. */
function scratchFolder(): string {
  const run = runFolder();
  return fs.mkdtempSync(run ? path.join(run, 'db-') : path.join(os.tmpdir(), 'safeadapt-test-'));
}

/** A new, empty database on the engine: a temp SQLite file, or a new database in the test cluster. */
export async function emptyDb(
  engine: Engine,
): Promise<Db & { sqliteFile: string | null; url: string | null }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (engine === 'sqlite') {
    const sqliteFile = path.join(scratchFolder(), `${name}.db`);
    return { ...openDb({ databaseUrl: null, sqliteFile }), sqliteFile, url: null };
  }
  const url = await createPgDatabase(name);
  // A data directory of its own, as an installation has: the audit key and checkpoints live there.
  const dataDir = scratchFolder();
  return { ...openDb({ databaseUrl: url, sqliteFile: '', dataDir }), sqliteFile: null, url };
}

/** Migrated, with every administrative unit, and with the demo district when asked. */
export async function seededDb(engine: Engine, options: { demo?: boolean } = {}) {
  const copy = await copyOfSeeded(engine, Boolean(options.demo));
  if (copy) return copy;
  const db = await emptyDb(engine);
  await seed(db, Boolean(options.demo));
  return db;
}

async function seed(db: Db, demo: boolean) {
  await migrateToLatest(db);
  await seedReference(db);
  if (demo) await seedDemo(db);
}

/** Creates a database in the test cluster (from a template when given) and answers its URL. */
async function createPgDatabase(name: string, template?: string): Promise<string> {
  const server = inject('pgUrl');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
        break;
      } catch (error) {
        // "source database … is being accessed by other users": a connection to the template still closing.
        if (!template || attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  return server.replace(/\/[^/]*$/, `/${name}`);
}

/*
 * Seeding (migrations, the 11,368 administrative units, the demo's accounts with their argon2 hashes) costs
 * 1-2 s per database and the suite asks for dozens. So each kind (engine × demo) is seeded once per test run,
 * by whichever test file asks first (a lock folder tells the others to wait), and every seededDb() is a copy:
 * the SQLite file copied, or on PostgreSQL `CREATE DATABASE … TEMPLATE`. The data directory (the audit key and
 * the checkpoint file, which the copy's audit chain is sealed with) is copied beside it. The copy holds the same
 * rows a fresh seed would. With SAFEADAPT_TODAY set (it decides the demo's calendar) every database is seeded
 * anew.
 */
interface Template {
  /** The SQLite file, or the PostgreSQL template database's name. */
  source: string;
  /** The template's data directory (audit key and checkpoints). */
  dataDir: string;
}

const templates = new Map<string, Promise<Template | null>>();

async function copyOfSeeded(
  engine: Engine,
  demo: boolean,
): Promise<(Db & { sqliteFile: string | null; url: string | null }) | null> {
  if (todayOverride()) return null;
  const kind = `${engine}-${demo ? 'demo' : 'plain'}`;
  if (!templates.has(kind)) templates.set(kind, template(engine, demo, kind));
  const found = await templates.get(kind)!;
  if (!found) return null;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const dataDir = scratchFolder();
  fs.cpSync(found.dataDir, dataDir, { recursive: true });
  if (engine === 'sqlite') {
    const sqliteFile = path.join(dataDir, `${name}.db`);
    fs.copyFileSync(found.source, sqliteFile);
    return { ...openDb({ databaseUrl: null, sqliteFile }), sqliteFile, url: null };
  }
  const url = await createPgDatabase(name, found.source);
  return { ...openDb({ databaseUrl: url, sqliteFile: '', dataDir }), sqliteFile: null, url };
}

/** The run's seeded template of this kind: built here if no other test file has started it, else awaited. */
async function template(engine: Engine, demo: boolean, kind: string): Promise<Template | null> {
  const cache = runFolder();
  if (!cache) return null;
  const ready = path.join(cache, `${kind}.json`);
  const lock = path.join(cache, `${kind}.lock`);
  const read = () => JSON.parse(fs.readFileSync(ready, 'utf8')) as Template;
  if (fs.existsSync(ready)) return read();
  try {
    fs.mkdirSync(lock);
  } catch {
    // Another test file is seeding it: wait for it (or, if that one failed, seed as before).
    for (let waited = 0; waited < 180_000; waited += 50) {
      if (fs.existsSync(ready)) return read();
      if (fs.existsSync(`${lock}/failed`)) return null;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }
  try {
    const dataDir = path.join(cache, `${kind}-data`);
    fs.mkdirSync(dataDir);
    let source: string;
    if (engine === 'sqlite') {
      // Outside the data directory, which every copy takes whole.
      source = path.join(cache, `${kind}.db`);
      const db = openDb({ databaseUrl: null, sqliteFile: source, dataDir });
      await seed(db, demo);
      await db.close(); // the last connection checkpoints the WAL into the file
    } else {
      source = `tpl_${path.basename(cache).replace(/\W/g, '_').toLowerCase()}_${demo ? 'demo' : 'plain'}`;
      const db = openDb({ databaseUrl: await createPgDatabase(source), sqliteFile: '', dataDir });
      await seed(db, demo);
      await db.close();
    }
    const made: Template = { source, dataDir };
    fs.writeFileSync(`${ready}.tmp`, JSON.stringify(made));
    fs.renameSync(`${ready}.tmp`, ready);
    return made;
  } catch (error) {
    fs.writeFileSync(`${lock}/failed`, String(error));
    return null;
  }
}

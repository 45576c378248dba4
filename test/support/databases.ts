import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, type Engine, openDb } from '../../src/db/connection.ts';
import { seedDemo, seedReference } from '../../src/demo/seed.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** A new, empty database on the engine: a temp SQLite file, or a new database in the test cluster. */
export async function emptyDb(
  engine: Engine,
): Promise<Db & { sqliteFile: string | null; url: string | null }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (engine === 'sqlite') {
    const sqliteFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-test-')), `${name}.db`);
    return { ...openDb({ databaseUrl: null, sqliteFile }), sqliteFile, url: null };
  }
  const server = inject('pgUrl');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = server.replace(/\/[^/]*$/, `/${name}`);
  // A data directory of its own, as an installation has: the audit key and checkpoints live there.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-test-'));
  return { ...openDb({ databaseUrl: url, sqliteFile: '', dataDir }), sqliteFile: null, url };
}

/** Migrated, with every administrative unit, and with the demo district when asked. */
export async function seededDb(engine: Engine, options: { demo?: boolean } = {}) {
  const db = await emptyDb(engine);
  await migrateToLatest(db);
  await seedReference(db);
  if (options.demo) await seedDemo(db);
  return db;
}

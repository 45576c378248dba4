import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Db, type Engine, openDb } from '../../src/db/connection.ts';
import { seedReference } from '../../src/demo/seed.ts';
import { auditKey } from '../../src/features/audit/key-store.ts';
import { verifyAudit } from '../../src/features/audit/store.ts';
import { systemScope } from '../../src/features/auth/index.ts';
import { createMember } from '../../src/features/directives/steering-store.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, emptyDb, seededDb } from '../support/databases.ts';
import { tempFolders } from '../support/temp-folders.ts';

vi.setConfig({ testTimeout: 240_000 });

const bin = path.resolve('bin/safeadapt.js');

/** The file's folders (databases with 40 MB of files, backups, restored copies: ≈ 0.4 GB a run), removed at its end. */
const folders = tempFolders();
afterAll(folders.remove);

/** Runs the real CLI; its exit code and output, never a throw (a command that never ends fails after 60 s). */
async function safeadapt(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, SAFEADAPT_LOG: '0', ...env },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/**
 * A migrated database with every administrative unit and 40 MB of stored files (a copy that takes many steps),
 * and the environment that points the CLI at it.
 */
async function database(engine: Engine): Promise<{ db: Db; env: Record<string, string> }> {
  let db: Db;
  let env: Record<string, string>;
  if (engine === 'postgres') {
    const created = await seededDb('postgres');
    [db, env] = [created, { DATABASE_URL: created.url! }];
  } else {
    const dir = folders.make('safeadapt-backup-');
    db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'safeadapt.db') });
    await migrateToLatest(db);
    await seedReference(db);
    env = { SAFEADAPT_DATA_DIR: dir };
  }
  const content = randomBytes(1 << 20);
  const file = {
    province_code: '20',
    unit_code: '186',
    name: 'bien-ban.pdf',
    media_type: 'application/pdf',
    size: content.length,
    sha256: '',
    content,
    created_by: null,
    created_at: new Date().toISOString(),
  };
  await db.db.insertInto('stored_files').values(Array(40).fill(file)).execute();
  return { db, env };
}

/** An empty place to restore into. */
/**
 * `open` takes the source's audit key: the key lives outside the database (an operator restoring keeps it), and
 * the new place has no checkpoints of the writes made after the snapshot.
 */
async function freshTarget(
  engine: Engine,
): Promise<{ env: Record<string, string>; open: (auditKey: string) => Db }> {
  if (engine === 'postgres') {
    const db = await emptyDb('postgres');
    await db.close();
    const dataDir = folders.make('safeadapt-restored-');
    return {
      env: { DATABASE_URL: db.url! },
      open: (auditKey) => openDb({ databaseUrl: db.url, sqliteFile: '', dataDir, auditKey }),
    };
  }
  const dir = folders.make('safeadapt-restored-');
  const sqliteFile = path.join(dir, 'safeadapt.db');
  return {
    env: { SAFEADAPT_DATA_DIR: dir },
    open: (auditKey) => openDb({ databaseUrl: null, sqliteFile, auditKey }),
  };
}

const count = async (db: Db, table: 'steering_members' | 'users' | 'admin_units' | 'organizations') =>
  Number(
    (
      await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  it('backs up while audited writes go on and restores a consistent snapshot with an intact chain', async () => {
    const { db, env } = await database(engine);
    const scope = systemScope('test');
    let written = 0;
    let writing = true;
    // A steering member and its audit row in one transaction, one after the other, as fast as they go.
    const writer = (async () => {
      while (writing) {
        await createMember(db, scope, '186', { name: `Thành viên ${++written}`, position: 'Ủy viên' });
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 10));
    const file = path.join(folders.make('safeadapt-file-'), 'backup');
    const backup = await safeadapt(env, 'backup', file);
    const writtenDuringBackup = written;
    writing = false;
    await writer;
    expect(backup, backup.out).toMatchObject({ code: 0 });
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const target = await freshTarget(engine);
    const restored = await safeadapt(target.env, 'restore', file);
    expect(restored, restored.out).toMatchObject({ code: 0 });
    const copy = target.open(auditKey(db).toString());
    try {
      const members = await count(copy, 'steering_members');
      expect(members).toBeGreaterThanOrEqual(20);
      expect(members).toBeLessThanOrEqual(writtenDuringBackup);
      // The snapshot is the source as of its last audit row: the members written by then, no more, no fewer.
      const { last_id } = await copy.db.selectFrom('audit_head').select('last_id').executeTakeFirstOrThrow();
      const asOfSnapshot = await db.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity', '=', 'steering_member')
        .where('id', '<=', last_id)
        .executeTakeFirstOrThrow();
      expect(members).toBe(Number(asOfSnapshot.n));
      for (const table of ['users', 'admin_units', 'organizations'] as const)
        expect(await count(copy, table)).toBe(await count(db, table));
      const chain = await verifyAudit(copy);
      expect(chain.problems).toEqual([]);
      expect(chain.rows).toBe(last_id);
    } finally {
      await copy.close();
      await db.close();
    }
  });

  it('refuses to restore while a server holds the database, and restores once it stopped', async () => {
    const { db, env } = await database(engine);
    await db.close();
    const file = path.join(folders.make('safeadapt-file-'), 'backup');
    expect((await safeadapt(env, 'backup', file)).code).toBe(0);
    const server = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, SAFEADAPT_LOG: '0', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout!.on('data', (chunk) => {
          out += chunk;
          if (out.includes('SafeAdapt is running')) resolve();
        });
        server.once('exit', () => reject(new Error(`serve ended: ${out}`)));
      });
      const refused = await safeadapt(env, 'restore', file);
      expect(refused.code).not.toBe(0);
      expect(refused.out).toMatch(/A SafeAdapt server is using .*Stop the server first/);
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
    const done = await safeadapt(env, 'restore', file);
    expect(done, done.out).toMatchObject({ code: 0 });
  });
});

it('says how to get pg_dump when it is missing', async () => {
  const db = await emptyDb('postgres');
  await db.close();
  const result = await safeadapt({ DATABASE_URL: db.url!, PG_BIN: '/nowhere' }, 'backup', '/tmp/x.dump');
  expect(result.code).not.toBe(0);
  expect(result.out).toMatch(
    /pg_dump not found \(looked in PG_BIN=\/nowhere\)\. Install the PostgreSQL 15 client/,
  );
});

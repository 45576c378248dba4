import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { ENGINES, emptyDb } from '../support/databases.ts';

// Each test starts the real CLI several times, and `seed --demo` generates ≈ 230,000 residents.
vi.setConfig({ testTimeout: 240_000 });

const run = promisify(execFile);
const bin = path.resolve('bin/safeadapt.js');

/** Runs the real CLI; resolves with its exit code and output instead of throwing on a non-zero exit. */
async function safeadapt(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, SAFEADAPT_LOG: '0', ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each(ENGINES)('safeadapt CLI on %s', (engine) => {
  it('seeds, manages an account and finds tampering with `audit verify`', async () => {
    const db = await emptyDb(engine);
    await db.close();
    // PostgreSQL too has a data directory of its own: the audit key and checkpoints live there.
    const env: Record<string, string> = db.url
      ? { DATABASE_URL: db.url, SAFEADAPT_DATA_DIR: db.dataDir! }
      : { SAFEADAPT_DATA_DIR: db.dataDir! };
    const sqliteFile = db.sqliteFile ? path.join(path.dirname(db.sqliteFile), 'safeadapt.db') : null;
    expect((await safeadapt(env, 'migrate')).out).toMatch(
      /0001-foundation, 0002-persons, 0003-directives, 0004-vaccination/,
    );
    expect((await safeadapt(env, 'seed')).out).toMatch(/Loaded 11,368 administrative units/);
    const add = (password: string) =>
      safeadapt(
        env,
        'user',
        'add',
        'can.bo.xa',
        '--unit',
        '06385',
        '--role',
        'officer',
        '--name',
        'Nguyễn Văn Hùng',
        '--password',
        password,
      );
    // The demo's password, for a real account: refused, saying why in both languages.
    expect((await add('SafeAdapt@2021')).out).toMatch(
      /Mật khẩu quá dễ đoán.* \/ The password is too easy to guess/,
    );
    expect(await add('Mat-khau-2021')).toMatchObject({ code: 0 });
    expect((await safeadapt(env, 'user', 'passwd', 'can.bo.xa', '--password', 'short')).code).not.toBe(0);
    expect(
      (await safeadapt(env, 'user', 'passwd', 'can.bo.xa', '--password', 'Mat-khau-moi-2022')).code,
    ).toBe(0);
    expect((await safeadapt(env, 'user', 'disable', 'can.bo.xa')).code).toBe(0);
    expect((await safeadapt(env, 'user', 'disable', 'nobody')).code).not.toBe(0);
    const intact = await safeadapt(env, 'audit', 'verify');
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/intact: 3 entries in 1 chain/);

    const tamper = async (statement: string) => {
      if (sqliteFile) {
        const raw = new SQLite(sqliteFile);
        raw.exec(statement);
        raw.close();
      } else {
        const client = new pg.Client({ connectionString: db.url! });
        await client.connect();
        await client.query(statement);
        await client.end();
      }
    };
    await tamper('update audit_log set details = \'{"role":"admin"}\' where id = 1');
    const changed = await safeadapt(env, 'audit', 'verify');
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/first bad entry: id 1 \(province 20, seq 1\): changed/);
    await tamper('delete from audit_log where id = 3');
    expect((await safeadapt(env, 'audit', 'verify')).out).toMatch(
      /\n {2}id 3 \(province 20, seq 3\): truncated\n/,
    );
  });
});

/**
 * A data directory after `safeadapt seed --demo` (the demo's ≈ 230,000 residents take the CLI a while): seeded
 * once for the file, each test gets a copy of the whole folder (database, audit key, checkpoints).
 */
let demoSeeded: Promise<string> | null = null;
async function seededDemoDir(prefix: string) {
  demoSeeded ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-demo-'));
    const seeded = await safeadapt({ SAFEADAPT_DATA_DIR: dir }, 'seed', '--demo');
    expect(seeded, seeded.out).toMatchObject({ code: 0 });
    return dir;
  })();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(await demoSeeded, dir, { recursive: true });
  return dir;
}

describe('backup and restore (SQLite)', () => {
  it('restores exactly the data that was backed up', async () => {
    const dir = await seededDemoDir('safeadapt-backup-');
    const env = { SAFEADAPT_DATA_DIR: dir };
    const dump = () => {
      const raw = new SQLite(path.join(dir, 'safeadapt.db'), { readonly: true });
      const tables = ['admin_units', 'villages', 'organizations', 'users', 'audit_log', 'audit_head', 'meta'];
      const data = Object.fromEntries(
        tables.map((t) => [t, raw.prepare(`select * from ${t} order by 1`).all()]),
      ) as Record<string, unknown[]>;
      raw.close();
      return data;
    };
    const before = dump();
    expect(before.villages!.length).toBeGreaterThan(100);
    const backup = path.join(dir, 'backup.db');
    expect((await safeadapt(env, 'backup', backup)).code).toBe(0);
    await safeadapt(
      env,
      'user',
      'add',
      'after.backup',
      '--unit',
      '186',
      '--role',
      'officer',
      '--name',
      'X',
      '--password',
      'Mat-khau-2021',
    );
    expect(dump().users!.length).toBe(before.users!.length + 1);
    expect((await safeadapt(env, 'restore', path.join(dir, 'missing.db'))).code).not.toBe(0);
    fs.writeFileSync(path.join(dir, 'not-a-backup.db'), 'hello');
    expect((await safeadapt(env, 'restore', path.join(dir, 'not-a-backup.db'))).code).not.toBe(0);
    expect((await safeadapt(env, 'restore', backup)).code).toBe(0);
    expect(dump()).toEqual(before);
  });

  it('imports a person list: `import persons FILE --commune CODE --mode …` prints the counts', async () => {
    const dir = await seededDemoDir('safeadapt-import-');
    const env = { SAFEADAPT_DATA_DIR: dir };
    const file = 'test/fixtures/persons/danh-sach-thon-na-hoa.xlsx';
    const refused = await safeadapt(env, 'import', 'persons', file, '--commune', '06400');
    expect(refused.code).not.toBe(0); // all-or-nothing by default: two rows are rejected, nothing imported
    expect(refused.out).toMatch(/rows read: 30\nimported: 0\nmerged: 0\nrejected: 2\n/);
    expect(refused.out).toMatch(/row 24, Ngày sinh: .*31\/02\/1990/);
    const done = await safeadapt(
      env,
      'import',
      'persons',
      file,
      '--commune',
      '06400',
      '--mode',
      'valid-rows',
    );
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/rows read: 30\nimported: 28\nmerged: 0\nrejected: 2\nnew: 28\n/);
    expect(
      (await safeadapt(env, 'import', 'persons', 'test/fixtures/persons/bad-utf8.csv', '--commune', '06400'))
        .out,
    ).toMatch(/UTF-8/);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, emptyDb } from '../support/databases.ts';
import { tempFolders } from '../support/temp-folders.ts';

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
  it('migrates, seeds and manages an account, each change audited', async () => {
    const db = await emptyDb(engine);
    await db.close();
    // PostgreSQL too has a data directory of its own: the audit key and checkpoints live there.
    const env: Record<string, string> = db.url
      ? { DATABASE_URL: db.url, SAFEADAPT_DATA_DIR: db.dataDir! }
      : { SAFEADAPT_DATA_DIR: db.dataDir! };
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
    // Each account change is audited (the four tamperings `audit verify` finds: test/cli/audit-verify.test.ts).
    const intact = await safeadapt(env, 'audit', 'verify');
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/intact: 3 entries in 1 chain/);
  });
});

/** The demo's data directories (≈ 230,000 residents each), removed at the file's end. */
const folders = tempFolders();
afterAll(folders.remove);

/**
 * A data directory after `safeadapt seed --demo` (the demo's ≈ 230,000 residents take the CLI a while): seeded
 * once for the file, each test gets a copy of the whole folder (database, audit key, checkpoints).
 */
let demoSeeded: Promise<string> | null = null;
async function seededDemoDir(prefix: string) {
  demoSeeded ??= (async () => {
    const dir = folders.make('safeadapt-demo-');
    const seeded = await safeadapt({ SAFEADAPT_DATA_DIR: dir }, 'seed', '--demo');
    expect(seeded, seeded.out).toMatchObject({ code: 0 });
    return dir;
  })();
  const dir = folders.make(prefix);
  fs.cpSync(await demoSeeded, dir, { recursive: true });
  return dir;
}

describe('the demo (SQLite)', () => {
  it('`seed --demo` loads the district with its residents and accounts; restore refuses what is no backup', async () => {
    const dir = await seededDemoDir('safeadapt-demo-check-');
    const env = { SAFEADAPT_DATA_DIR: dir };
    const raw = new SQLite(path.join(dir, 'safeadapt.db'), { readonly: true });
    const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    try {
      expect(count('select count(*) as n from villages')).toBeGreaterThan(100);
      expect(count("select count(*) as n from persons where district_code = '186'")).toBeGreaterThan(100_000);
      expect(count("select count(*) as n from users where username in ('demo.huyen', 'demo.xa.06385')")).toBe(
        2,
      );
    } finally {
      raw.close();
    }
    // Backup and restore themselves: test/cli/backup.test.ts, on both engines.
    expect((await safeadapt(env, 'restore', path.join(dir, 'missing.db'))).code).not.toBe(0);
    fs.writeFileSync(path.join(dir, 'not-a-backup.db'), 'hello');
    expect((await safeadapt(env, 'restore', path.join(dir, 'not-a-backup.db'))).code).not.toBe(0);
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

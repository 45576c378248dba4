import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENGINES, emptyDb } from '../support/databases.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/safeadapt.js');

async function safeadapt(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each(ENGINES)('safeadapt import doses on %s', (engine) => {
  it('prints rows read, imported, rejected, matched and new persons; exits 1 when nothing is imported', async () => {
    const db = await emptyDb(engine);
    await db.close();
    // PostgreSQL too has a data directory of its own: the audit key and checkpoints live there.
    const env: Record<string, string> = db.url
      ? { DATABASE_URL: db.url, SAFEADAPT_DATA_DIR: db.dataDir! }
      : { SAFEADAPT_DATA_DIR: db.dataDir! };
    const file = 'test/fixtures/doses/mui-tiem.csv';
    const first = await safeadapt(env, 'import', 'doses', file, '--unit', '186');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/rows read: 4\n/);
    expect(first.out).toMatch(/imported: 3\n/);
    expect(first.out).toMatch(/rejected: 1\n/);
    expect(first.out).toMatch(/matched persons: 0 /);
    expect(first.out).toMatch(/new persons \(flagged for review\): 2\n/);
    expect(first.out).toMatch(/row 5, Ngay tiem: .*tương lai.*future/);
    const again = await safeadapt(env, 'import', 'doses', file);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/imported: 0\n/);
    expect(again.out).toMatch(/matched persons: 2 \(by national ID 2/);
    expect(again.out).toMatch(/ignored \(already recorded\): 3\n/);
    const elsewhere = await safeadapt(env, 'import', 'doses', file, '--unit', '187');
    expect(elsewhere).toMatchObject({ code: 1, out: expect.stringMatching(/rejected: 4\n/) });
    const notAList = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-cli-')), 'x.csv');
    fs.writeFileSync(notAList, 'a;b\n1;2\n');
    expect(await safeadapt(env, 'import', 'doses', notAList)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/No header row/),
    });
  });
});

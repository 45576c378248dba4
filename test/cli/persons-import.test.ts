import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeCommuneList } from '../support/commune-list.ts';
import { ENGINES, emptyDb } from '../support/databases.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/safeadapt.js');

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

describe.each(ENGINES)('safeadapt import persons, a first list, on %s', (engine) => {
  it('--create-villages creates the villages the list names; the same list again changes nothing', async () => {
    const db = await emptyDb(engine);
    await db.close();
    const env: Record<string, string> = db.url
      ? { DATABASE_URL: db.url }
      : { SAFEADAPT_DATA_DIR: path.dirname(db.sqliteFile!) };
    const file = await writeCommuneList();
    const args = ['import', 'persons', file, '--commune', '06400', '--mode', 'valid-rows'];
    // A commune without any village yet: every row names a new one, and is rejected without the option.
    const without = await safeadapt(env, ...args);
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/rows read: 248\nimported: 0\nmerged: 0\nrejected: 248\n/);
    expect(without.out).toMatch(/new villages not created .*: 8: Thôn Nà Hoa \(\d+ rows\), Thôn Đồng Tâm/);
    const first = await safeadapt(env, ...args, '--create-villages');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /rows read: 248\nimported: 242\nmerged: 4\nrejected: 2\nnew: 242\nupdated: 0\nunchanged: 0\n/,
    );
    expect(first.out).toMatch(/new villages created: 8: .*Bản Pò Háng \(\d+ rows\).*Khối 4/);
    expect(first.out).toMatch(
      /row 245, Số CCCD\/CMND: Dòng 245 trùng số CCCD\/CMND với dòng 13: đã gộp vào dòng 13/,
    );
    expect(first.out).toMatch(/row 250, SĐT: .*0501/);
    const again = await safeadapt(env, ...args, '--create-villages');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      /imported: 242\nmerged: 4\nrejected: 2\nnew: 0\nupdated: 0\nunchanged: 242\nsent to review: 0\nnew villages: 0\n/,
    );
  }, 120_000);
});

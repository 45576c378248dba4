import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../src/db/connection.ts';
import { seedDemo, seedReference } from '../../src/demo/seed.ts';
import { generateResidents } from '../../src/features/persons/rules/generator.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';
import { call, login } from '../support/http.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const bin = path.resolve('bin/safeadapt.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-cli-server-'));
const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'safeadapt.db') });
let app: Awaited<ReturnType<typeof buildApp>>;
let base: string;

/** A commune's generated list as a CSV, as the communes type it. */
function list(commune: string, rows: number) {
  const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const lines = ['Họ và tên;Ngày sinh;Giới tính;Số CCCD'];
  for (const { person: p } of generateResidents({
    communeCode: commune,
    villages: [{ id: 1, name: 'Thôn 1', population: rows }],
    today: new Date('2022-01-15'),
  })) {
    if (lines.length > rows) break;
    const born = p.birthDate ? dmy(p.birthDate) : String(p.birthYear);
    lines.push([p.fullName, born, p.sex === 'female' ? 'Nữ' : 'Nam', p.nationalId ?? ''].join(';'));
  }
  const file = path.join(dir, `${commune}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * The CLI and the server on one SQLite file at once (issue 13): a CLI import commits its chunks while the
 * server answers audited reads (each one an audit row) and runs an import of its own in a worker thread —
 * three connections writing. None may fail with "database is locked", and the audit chains stay intact.
 */
describe('a CLI import while the server writes (SQLite)', () => {
  beforeAll(async () => {
    await migrateToLatest(db);
    await seedReference(db);
    await seedDemo(db);
    app = await buildApp({ db });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('commits every chunk of both imports and every audited read', async () => {
    const district = await login(base, 'demo.huyen');
    const cliFile = list('06385', 3000);
    const httpFile = list('06400', 1500);
    const env = { ...process.env, SAFEADAPT_DATA_DIR: dir, SAFEADAPT_LOG: '0' };
    let cliDone = false;
    const cli = promisify(execFile)(
      process.execPath,
      [bin, 'import', 'persons', cliFile, '--commune', '06385', '--mode', 'valid-rows'],
      { env },
    )
      .then(({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }))
      .catch((e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout + e.stderr,
      }))
      .finally(() => {
        cliDone = true;
      });

    const upload = await fetch(`${base}/api/persons/uploads`, {
      method: 'POST',
      headers: {
        cookie: district.cookie,
        'x-csrf-token': district.csrf,
        'content-type': 'text/csv',
        'x-file-name': '06400.csv',
      },
      body: fs.readFileSync(httpFile),
    });
    const { uploadId } = await upload.json();
    const httpImport = call(base, district, 'POST', '/api/persons/imports', {
      uploadId,
      commune: '06400',
      mode: 'valid-rows',
    }).then(async (res) => ({ status: res.status, body: await res.json() }));
    const reads: number[] = [];
    while (!cliDone) {
      const res = await call(base, district, 'GET', '/api/persons?unit=06385');
      await res.arrayBuffer();
      reads.push(res.status);
    }

    const done = await cli;
    expect(done.out).not.toMatch(/locked|busy/i);
    expect(done).toMatchObject({ code: 0 });
    expect(done.out).toMatch(/imported: 3000/);
    expect(await httpImport).toMatchObject({ status: 200, body: { committed: true, imported: 1500 } });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((s) => s !== 200)).toEqual([]);
    const counts = await db.db
      .selectFrom('persons')
      .select(['commune_code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('commune_code')
      .execute();
    expect(Object.fromEntries(counts.map((c) => [c.commune_code, Number(c.n)]))).toEqual({
      '06385': 3000,
      '06400': 1500,
    });
    // Three writers appended to the same chains, each in its chunk's transaction: still one intact log.
    const verify = await promisify(execFile)(process.execPath, [bin, 'audit', 'verify'], { env });
    expect(verify.stdout).toMatch(/Audit log intact/);
  });
});

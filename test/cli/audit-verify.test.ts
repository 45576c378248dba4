import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../src/db/connection.ts';
import { seedReference } from '../../src/demo/seed.ts';
import { recordAudit } from '../../src/features/audit/index.ts';
import { chainMac } from '../../src/features/audit/rules.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, emptyDb } from '../support/databases.ts';

vi.setConfig({ testTimeout: 120_000 });

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

const actor = { userId: null, username: 'tester', ip: '127.0.0.1' };

describe.each(ENGINES)('`safeadapt audit verify` on %s', (engine) => {
  it('passes an intact log and names the first bad entry of an edit, a re-chained tail, a cut tail and a gap', async () => {
    const base = await emptyDb(engine);
    await base.close();
    const dataDir = base.dataDir!;
    const env: Record<string, string> = base.url
      ? { DATABASE_URL: base.url, SAFEADAPT_DATA_DIR: dataDir }
      : { SAFEADAPT_DATA_DIR: dataDir };
    const db = openDb({ databaseUrl: base.url, sqliteFile: path.join(dataDir, 'safeadapt.db'), dataDir });
    try {
      await migrateToLatest(db);
      await seedReference(db);
      // Lạng Sơn (20), Hà Nội (01) and the national chain, interleaved, each read in its own transaction.
      for (const unitCode of ['06385', '001', '06385', null, '06385', '001', '06385'])
        await recordAudit(db, actor, [{ action: 'read', entity: 'person', unitCode, details: {} }]);
      const chain20 = () =>
        db.db.selectFrom('audit_log').selectAll().where('province_code', '=', '20').orderBy('seq').execute();
      const rows = await chain20();
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
      const logBefore = await db.db.selectFrom('audit_log').selectAll().execute();
      const headsBefore = await db.db.selectFrom('audit_head').selectAll().execute();
      const undo = async () => {
        await db.db.deleteFrom('audit_log').execute();
        await db.db.insertInto('audit_log').values(logBefore).execute();
        await db.db.deleteFrom('audit_head').execute();
        await db.db.insertInto('audit_head').values(headsBefore).execute();
      };
      const verify = async () => safeadapt(env, 'audit', 'verify');
      const refused = (out: { code: number; out: string }, line: RegExp) => {
        expect(out.code).toBe(1);
        expect(out.out).toMatch(line);
      };

      const intact = await verify();
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.out).toMatch(/Audit log intact: 7 entries in 3 chain\(s\)/);

      // (a) an entry edited in place.
      await db.db
        .updateTable('audit_log')
        .set({ username: 'someone-else' })
        .where('id', '=', rows[1]!.id)
        .execute();
      refused(
        await verify(),
        new RegExp(`first bad entry: id ${rows[1]!.id} \\(province 20, seq 2\\): changed`),
      );
      await undo();

      // (b) an entry edited and every later MAC and the head recomputed, without the key.
      let prev = rows[0]!.mac;
      for (const row of rows.slice(1)) {
        const forged = { ...row, username: row.seq === 2 ? 'someone-else' : row.username, prev_mac: prev };
        forged.mac = chainMac(Buffer.from('a guess at the key, not the key!'), prev, forged);
        await db.db.updateTable('audit_log').set(forged).where('id', '=', row.id).execute();
        prev = forged.mac;
      }
      await db.db
        .updateTable('audit_head')
        .set({ last_mac: prev })
        .where('province_code', '=', '20')
        .execute();
      refused(
        await verify(),
        new RegExp(`first bad entry: id ${rows[1]!.id} \\(province 20, seq 2\\): changed`),
      );
      await undo();

      // (c) the last two entries deleted and the head moved back to the new last one.
      await db.db.deleteFrom('audit_log').where('province_code', '=', '20').where('seq', '>', 2).execute();
      await db.db
        .updateTable('audit_head')
        .set({ last_seq: 2, last_id: rows[1]!.id, last_mac: rows[1]!.mac })
        .where('province_code', '=', '20')
        .execute();
      refused(
        await verify(),
        new RegExp(`first bad entry: id ${rows[2]!.id} \\(province 20, seq 3\\): missing`),
      );
      await undo();

      // (d) an entry deleted from the middle.
      await db.db.deleteFrom('audit_log').where('id', '=', rows[1]!.id).execute();
      refused(await verify(), new RegExp(`first bad entry: id ${rows[2]!.id} \\(province 20, seq 3\\): gap`));
      await undo();

      expect(await verify()).toMatchObject({ code: 0 });
    } finally {
      await db.close();
    }
  });
});

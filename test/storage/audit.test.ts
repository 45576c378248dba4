import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/db/connection.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { seedReference } from '../../src/demo/seed.ts';
import { appendAudit, recordAudit } from '../../src/features/audit/index.ts';
import { verifyAudit } from '../../src/features/audit/store.ts';
import { allMigrations, migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, emptyDb, seededDb } from '../support/databases.ts';

const actor = { userId: null, username: 'tester', ip: null };
const read = (unitCode: string | null) => ({
  action: 'read' as const,
  entity: 'person',
  unitCode,
  details: {},
});
const checkpoints = (db: Db) => {
  const file = path.join(db.dataDir!, 'audit-checkpoints.jsonl');
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
};

describe.each(ENGINES)('audit chains on %s', (engine) => {
  it('keeps its key in a 0600 file of the data directory, or takes SAFEADAPT_AUDIT_KEY', async () => {
    const db = await seededDb(engine);
    try {
      await recordAudit(db, actor, [read('06385')]);
      const keyFile = path.join(db.dataDir!, 'audit.key');
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect((await verifyAudit(db)).problems).toEqual([]);
      // The same database read with another key: every entry fails its MAC.
      const other = { ...db, auditKey: 'x'.repeat(32) };
      expect((await verifyAudit(other)).problems).toEqual([
        expect.objectContaining({ province: '20', seq: 1, problem: 'changed' }),
      ]);
    } finally {
      await db.close();
    }
  });

  it('commits concurrent reads of a province together, each entry by its own reader', async () => {
    const db = await seededDb(engine);
    try {
      const readers = Array.from({ length: 12 }, (_, i) => ({
        userId: null,
        username: `reader${i}`,
        ip: null,
      }));
      await recordAudit(db, actor, [read('06385')]); // the commune's chain is known from here on
      await Promise.all(readers.map((reader) => recordAudit(db, reader, [read('06385')])));
      const rows = await db.db.selectFrom('audit_log').select(['username', 'seq']).orderBy('seq').execute();
      expect(rows.map((r) => r.username).sort()).toEqual(
        ['tester', ...readers.map((r) => r.username)].sort(),
      );
      // One head lock and one checkpoint line for the burst, not twelve.
      expect(checkpoints(db).filter((c) => c.province === '20')).toHaveLength(2);
      expect((await verifyAudit(db)).problems).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('writes a checkpoint once the transaction commits, and none for one that rolls back', async () => {
    const db = await seededDb(engine);
    try {
      await db.db.transaction().execute(async (trx) => {
        await appendAudit(trx, db, actor, [read('06385'), read(null)]);
        expect(checkpoints(db)).toEqual([]); // not committed yet
      });
      expect(checkpoints(db).map((c) => [c.province, c.seq])).toEqual([
        ['', 1],
        ['20', 1],
      ]);
      await expect(
        db.db.transaction().execute(async (trx) => {
          await appendAudit(trx, db, actor, [read('06385')]);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(checkpoints(db)).toHaveLength(2);
      await recordAudit(db, actor, [read('06385')]);
      expect(checkpoints(db).at(-1)).toMatchObject({ province: '20', seq: 2 });
      expect((await verifyAudit(db)).problems).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('re-chains an existing log with the key, by province, after checking its old hash chain', async () => {
    const legacy = async (tamper: boolean) => {
      const db = await emptyDb(engine);
      // The database as it was before the keyed chains: every migration named before them.
      const before = Object.fromEntries(
        Object.entries(allMigrations()).filter(([name]) => name < '0007-audit-chains'),
      );
      await runMigrations(db, before);
      await seedReference(db);
      let prev = '';
      for (const [id, unit] of [
        [1, '06385'],
        [2, null],
        [3, '001'],
        [4, '06385'],
      ] as const) {
        const row = {
          id,
          at: '2021-12-01T00:00:00Z',
          user_id: null,
          username: 'old',
          action: 'read',
          entity: 'person',
          entity_id: null,
          unit_code: unit,
          ip: null,
          details: '{}',
        };
        const hash = createHash('sha256')
          .update(prev)
          .update('\n')
          .update(JSON.stringify(Object.values(row)))
          .digest('hex');
        await sql`insert into audit_log (id, at, user_id, username, action, entity, entity_id, unit_code, ip, details, prev_hash, hash)
          values (${id}, ${row.at}, null, ${tamper && id === 2 ? 'edited' : 'old'}, 'read', 'person', null, ${unit}, null, '{}', ${prev}, ${hash})`.execute(
          db.db,
        );
        prev = hash;
      }
      await sql`update audit_head set last_id = 4, last_hash = ${prev} where id = 1`.execute(db.db);
      return db;
    };
    const db = await legacy(false);
    try {
      expect((await migrateToLatest(db))[0]).toBe('0007-audit-chains');
      const rows = await db.db
        .selectFrom('audit_log')
        .select(['province_code', 'seq', 'id'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { province_code: '20', seq: 1, id: 1 },
        { province_code: '', seq: 1, id: 2 },
        { province_code: '01', seq: 1, id: 3 },
        { province_code: '20', seq: 2, id: 4 },
      ]);
      expect(await verifyAudit(db)).toMatchObject({ rows: 4, chains: 3, problems: [] });
      await recordAudit(db, actor, [read('06385')]); // new ids follow the old ones
      expect(
        await db.db.selectFrom('audit_log').select('id').where('seq', '=', 3).executeTakeFirst(),
      ).toEqual({ id: 5 });
    } finally {
      await db.close();
    }
    const tampered = await legacy(true);
    try {
      await expect(migrateToLatest(tampered)).rejects.toThrow(/old hash chain is broken at row 2/);
      // Nothing half-done: the old log is still there to investigate.
      expect(await tampered.db.selectFrom('audit_log').select('id').execute()).toHaveLength(4);
    } finally {
      await tampered.close();
    }
  });
});

describe('audit appends on postgres', () => {
  it('lock only their own province’s chain: another province does not wait', async () => {
    const db = await seededDb('postgres');
    try {
      await recordAudit(db, actor, [read('06385'), read('001')]); // both heads exist
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let locked!: () => void;
      const lockTaken = new Promise<void>((r) => {
        locked = r;
      });
      const slow = db.db.transaction().execute(async (trx) => {
        await appendAudit(trx, db, actor, [read('06385')]);
        locked();
        await held; // Lạng Sơn's head stays locked until released
      });
      await lockTaken;
      const finished: string[] = [];
      const otherProvince = recordAudit(db, actor, [read('001')]).then(() => finished.push('01'));
      const sameProvince = recordAudit(db, actor, [read('06400')]).then(() => finished.push('20'));
      await otherProvince;
      expect(finished).toEqual(['01']); // Hà Nội wrote while Lạng Sơn's head was held
      release();
      await Promise.all([slow, sameProvince]);
      expect(finished).toEqual(['01', '20']);
      expect((await verifyAudit(db)).problems).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('appends reads after the head it last wrote, and under the lock once another writer has moved it', async () => {
    const db = await seededDb('postgres');
    // A second server process on the same database (its own known heads), and the same data directory.
    const other = openDb({ databaseUrl: db.url, sqliteFile: '', dataDir: db.dataDir ?? undefined });
    const as = (username: string) => ({ ...actor, username });
    try {
      // In turn: each process finds the head the other moved, writes nothing after it, and appends under the lock.
      for (const [i, writer] of [db, other, db, other, db].entries())
        await recordAudit(writer, as(`t${i}`), [read('06385')]);
      // At once: groups of reads from both processes (most from one, which then finds its own head), and
      // changes appending in their own transactions.
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 40; i++) {
        writes.push(recordAudit(i % 10 === 9 ? other : db, as(`r${i}`), [read('06385')]));
        if (i % 5 === 0)
          writes.push(
            db.db.transaction().execute((trx) => appendAudit(trx, db, as(`w${i}`), [read('06400')])),
          );
        if (i % 8 === 0) await new Promise((r) => setTimeout(r, 2));
      }
      await Promise.all(writes);
      const rows = await db.db
        .selectFrom('audit_log')
        .select(['username', 'seq'])
        .where('province_code', '=', '20')
        .orderBy('seq')
        .execute();
      // Each entry once, numbered without a gap.
      expect(rows.map((r) => r.username).sort()).toEqual(
        [
          ...Array.from({ length: 5 }, (_, i) => `t${i}`),
          ...Array.from({ length: 40 }, (_, i) => `r${i}`),
          ...Array.from({ length: 8 }, (_, i) => `w${i * 5}`),
        ].sort(),
      );
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect((await verifyAudit(db)).problems).toEqual([]);
    } finally {
      await other.close();
      await db.close();
    }
  });
});

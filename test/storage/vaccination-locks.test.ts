/**
 * Issue 13, found by the hardening review: every vaccination write on PostgreSQL took one global advisory
 * lock, so one commune's import held up every other commune's writes. The lock is per commune
 * (namespace 60060, the commune's code): other communes write on, the same commune waits its turn.
 * (SQLite transactions are serial: nothing to lock there.)
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../src/features/vaccination/status-store.ts';
import { emptyDb } from '../support/databases.ts';

describe('vaccination write locks on postgres', () => {
  let db: Awaited<ReturnType<typeof emptyDb>>;
  beforeAll(async () => {
    db = await emptyDb('postgres');
  });
  afterAll(() => db.close());

  /** Sessions waiting for the commune's lock, as PostgreSQL shows them. */
  const waitingFor = async (commune: string) => {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from pg_locks
      where locktype = 'advisory' and classid = 60060 and objid = ${Number(commune)} and not granted`.execute(
      db.db,
    );
    return Number(rows[0]!.n);
  };

  it('is per commune (was one global lock): another commune writes while one is held, the same one waits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const first = writeTransaction(db, async () => {
      entered();
      await held;
    }, ['06385']);
    await inside;
    // Another commune: done while 06385 is held (with one global lock this would wait for `release`).
    expect(await writeTransaction(db, async () => 'written', ['06400'])).toBe('written');
    // The same commune: waits, as PostgreSQL shows, until the first transaction ends.
    let sameDone = false;
    const same = writeTransaction(db, async () => {
      sameDone = true;
    }, ['06385']);
    for (let i = 0; i < 200 && (await waitingFor('06385')) === 0; i++) await new Promise(setImmediate);
    expect(await waitingFor('06385')).toBe(1);
    expect(sameDone).toBe(false);
    release();
    await Promise.all([first, same]);
    expect(sameDone).toBe(true);
  });
});

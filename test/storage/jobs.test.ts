import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/core/jobs.ts';
import type { Db } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, emptyDb } from '../support/databases.ts';

const quiet = { error: () => {} };

describe.each(ENGINES)('background jobs on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await emptyDb(engine);
    await migrateToLatest(db);
  });
  afterAll(() => db.close());

  it('runs a job once at a time across runners sharing the database, and records each run', async () => {
    let release!: () => void;
    let runs = 0;
    const job = (name: string) => ({
      name,
      intervalMs: 60_000,
      run: async () => {
        runs += 1;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    const a = new JobRunner(db, quiet);
    const b = new JobRunner(db, quiet);
    a.register(job('test.once'));
    b.register(job('test.once'));
    const first = a.runNow('test.once');
    await expect.poll(() => runs).toBe(1);
    // Another process (runner) finds the lease taken; the same runner does not start a second run.
    expect(await b.runNow('test.once')).toBe(false);
    const [during] = await b.states();
    expect(during).toMatchObject({ name: 'test.once', running: true, leaseHolder: a.holder });
    const again = a.runNow('test.once');
    release();
    expect(await first).toBe(true);
    expect(await again).toBe(false);
    expect(runs).toBe(1);
    const [after] = await a.states();
    expect(after).toMatchObject({ running: false, leaseHolder: null, lastError: null, runs: 1 });
    expect(after!.lastStartedAt).not.toBeNull();
    expect(after!.lastFinishedAt! >= after!.lastStartedAt!).toBe(true);
    expect(after!.lastDurationMs).toBeGreaterThanOrEqual(0);
    // Free again: the other runner may run it now.
    const next = b.runNow('test.once');
    await expect.poll(() => runs).toBe(2);
    release();
    expect(await next).toBe(true);
  });

  it('records the last error, and clears it after a run that succeeds', async () => {
    let fail = true;
    const runner = new JobRunner(db, quiet);
    runner.register({
      name: 'test.error',
      intervalMs: 60_000,
      run: async () => {
        if (fail) throw new Error('the queue is broken');
      },
    });
    expect(await runner.runNow('test.error')).toBe(true);
    const [failed] = await runner.states();
    expect(failed).toMatchObject({ lastError: 'the queue is broken', running: false, runs: 1 });
    expect(failed!.lastErrorAt).not.toBeNull();
    fail = false;
    await runner.runNow('test.error');
    const [ok] = await runner.states();
    expect(ok).toMatchObject({ lastError: null, lastErrorAt: failed!.lastErrorAt, runs: 2 });
  });

  it('takes over a lease that expired (its holder died mid-run)', async () => {
    await db.db
      .insertInto('jobs')
      .values({
        name: 'test.expired',
        lease_holder: 'dead-host:1:x',
        lease_until: '2000-01-01T00:00:00.000Z',
      })
      .execute();
    let ran = false;
    const runner = new JobRunner(db, quiet);
    runner.register({
      name: 'test.expired',
      intervalMs: 60_000,
      run: async () => {
        ran = true;
      },
    });
    expect(await runner.runNow('test.expired')).toBe(true);
    expect(ran).toBe(true);
  });

  it('runs registered jobs on their interval once started, and stops', async () => {
    let runs = 0;
    const runner = new JobRunner(db, quiet);
    runner.register({
      name: 'test.interval',
      intervalMs: 20,
      run: async () => {
        runs += 1;
      },
    });
    runner.start();
    await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await runner.stop();
    const stopped = runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toBe(stopped);
  });
});

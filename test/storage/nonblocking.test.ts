/**
 * Issue 13, found by the health bench (a 200,000-row import and a province export at once): the server's
 * thread slept in busy_timeout while a worker held SQLite's write lock, stalling every request; and an export
 * that failed after its first bytes (SQLITE_BUSY on a page) emitted 'error' on the answer's stream with
 * nothing listening, which ended the server's process.
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/features/auth/rules.ts';
import { streamTask } from '../../src/server/off-thread.ts';
import { newContext } from '../../src/server/request-context.ts';
import { emptyDb } from '../support/databases.ts';

describe('nothing holds the server (SQLite file)', () => {
  let db: Awaited<ReturnType<typeof emptyDb>>;
  beforeAll(async () => {
    db = await emptyDb('sqlite');
  });
  afterAll(() => db.close());

  it('a transaction waits for the write lock without blocking its thread, and begins once the holder commits', async () => {
    // Another connection (a worker, the CLI) holds the lock; it commits when this thread gets a turn.
    const other = new SQLite(db.sqliteFile!);
    other.exec('begin immediate');
    let turns = 0;
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        turns += 1;
        other.exec('commit');
        resolve();
      }, 20),
    );
    // Slept in busy_timeout before: the timer above never ran, the holder never committed, SQLITE_BUSY at 5 s.
    await db.db.transaction().execute(async (trx) => {
      expect(turns).toBe(1);
      await trx.schema.createTable('t').addColumn('x', 'integer').execute();
    });
    await released;
    other.close();
  });

  it('a file task in a worker that fails after its first bytes cuts its stream short and leaves the process up', async () => {
    const ctx = newContext(db, systemScope('test'), () => '2022-01-15');
    const task = { module: new URL('../support/failing-task.ts', import.meta.url), name: 'failsMidway' };
    const file = await streamTask(ctx, task, {});
    // Nobody reads it or listens for its errors (an answer whose client went quiet): only its end is awaited.
    await new Promise((resolve) => file.once('close', resolve));
    expect(file.destroyed).toBe(true);
    expect(file.errored?.message).toBe('database is locked');
  });
});

/**
 * Issue 13, found by the health bench: an export that failed after its first bytes (SQLITE_BUSY on a page)
 * emitted 'error' on the answer's stream with nothing listening, and that ended the server's process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/features/auth/rules.ts';
import { streamTask } from '../../src/server/off-thread.ts';
import { newContext } from '../../src/server/request-context.ts';
import { emptyDb } from '../support/databases.ts';

describe('a file task in a worker thread (SQLite file)', () => {
  let db: Awaited<ReturnType<typeof emptyDb>>;
  beforeAll(async () => {
    db = await emptyDb('sqlite');
  });
  afterAll(() => db.close());

  it('that fails after its first bytes cuts its stream short and leaves the process up', async () => {
    const ctx = newContext(db, systemScope('test'), () => '2022-01-15');
    const task = { module: new URL('../support/failing-task.ts', import.meta.url), name: 'failsMidway' };
    const file = await streamTask(ctx, task, {});
    // Nobody reads it or listens for its errors (an answer whose client went quiet): only its end is awaited.
    await new Promise((resolve) => file.once('close', resolve));
    expect(file.destroyed).toBe(true);
    expect(file.errored?.message).toBe('database is locked');
  });
});
